package org.tunescope.ui.charts.models;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.canvas.GraphicsContext;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.tuning.OptimisationHistory;

/**
 * Several models' optimisation histories overlaid: each model's best validation score so far, a step line
 * in its colour, against trial number or seconds since its study started. Each trial is a faint dot.
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
    double xLo = Double.POSITIVE_INFINITY;
    double xHi = Double.NEGATIVE_INFINITY;
    for (ModelSeries s : seriesProperty().get()) {
      for (Trial t : s.trials()) {
        if (t.isComplete()) {
          double x = OptimisationHistory.x(t, s.trials(), time);
          xLo = Math.min(xLo, x);
          xHi = Math.max(xHi, x);
        }
      }
    }
    Axes axes = frame(g, w, h, xLo, Math.max(xLo + 1, xHi), done,
        time ? "seconds since each study started" : "trial number");
    DoubleUnaryOperator px = axes.x();
    DoubleUnaryOperator py = axes.y();
    for (ModelSeries s : seriesProperty().get()) {
      g.setFill(s.color().deriveColor(0, 1, 1, 0.3));
      for (Trial t : s.trials()) {
        if (t.isComplete()) {
          g.fillOval(px.applyAsDouble(OptimisationHistory.x(t, s.trials(), time)) - 2.5,
              py.applyAsDouble(t.validation().mean()) - 2.5, 5, 5);
        }
      }
      g.setStroke(s.color());
      bestSoFarLine(g, s.trials(), time, px, py);
    }
    legend(g, w);
    caption(g, "lines: each model's best validation score so far · dots: its trials");
  }
}
