package org.tunescope.ui.charts.models;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.canvas.GraphicsContext;
import org.tunescope.engine.study.Trial;

/**
 * Several models' optimisation histories overlaid: each model's best validation score so far, a step line
 * in its colour, against trial number or seconds since its study started. Each trial is a faint dot. Each
 * ensemble is a level: a diamond where its last member finished, named, and a dashed line on to the right at
 * its score.
 */
public final class ModelsHistoryChart extends ModelsChart {

  private final BooleanProperty byTime = new SimpleBooleanProperty(this, "byTime");

  public ModelsHistoryChart() {
    getStyleClass().add("models-history-chart");
    byTime.addListener(o -> redraw());
  }

  /** Whether the x axis is seconds since each study started rather than trial number. */
  public BooleanProperty byTimeProperty() {
    return byTime;
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    List<Trial> done = completeTrials();
    if (done.isEmpty()) {
      message(g, w, h, "The models' histories appear once their studies have trials.");
      return;
    }
    boolean time = byTime.get();
    double[] range = historyRange(seriesProperty().get().stream().map(ModelSeries::trials).toList(), time);
    double xLo = range[0];
    double xHi = range[1];
    List<EnsembleMark> ensembles = ensemblesProperty().get().stream()
        .filter(e -> Double.isFinite(time ? e.timeX() : e.trialX())).toList();
    for (EnsembleMark e : ensembles) {
      xHi = Math.max(xHi, time ? e.timeX() : e.trialX());
    }
    if (!ensembles.isEmpty()) {
      // Room on the right: an ensemble whose last member is the last trial still shows as a level.
      xHi += (xHi - xLo) * 0.08;
    }
    Axes axes = modelsFrame(g, w, h, xLo, xHi, time ? "seconds since each study started" : "trial number");
    DoubleUnaryOperator px = axes.x();
    DoubleUnaryOperator py = axes.y();
    for (ModelSeries s : seriesProperty().get()) {
      g.setFill(s.color().deriveColor(0, 1, 1, 0.3));
      historyDots(g, s.trials(), time, px, py, 5);
      g.setStroke(s.color());
      bestSoFarLine(g, s.trials(), time, px, py);
    }
    double right = w - RIGHT;
    List<EnsembleMark> named = topDown(ensembles, py);
    for (int i = 0; i < named.size(); i++) {
      EnsembleMark e = named.get(i);
      double x = px.applyAsDouble(time ? e.timeX() : e.trialX());
      double y = py.applyAsDouble(e.score());
      g.setStroke(palette().text());
      g.setLineWidth(1.5);
      g.setLineDashes(6, 4);
      g.strokeLine(x, y, right, y);
      g.setLineDashes(null);
      diamond(g, x, y, e.label(), i, w, true);
    }
    legend(g, w, h);
    caption(g, "lines: each model's best validation score so far · dots: its trials"
        + (ensemblesProperty().get().isEmpty() ? "" : " · dashed levels: ensembles, from where their last member"
        + " finished"));
  }
}
