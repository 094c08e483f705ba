package org.tunescope.ui.charts.history;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.tuning.OptimisationHistory;
import org.tunescope.ui.charts.TrialsCanvasChart;

/**
 * Optimisation history: each complete trial's validation score and the best so far, against trial
 * number or against elapsed time since the first trial started.
 */
public final class HistoryChart extends TrialsCanvasChart {

  private final BooleanProperty byTime = new SimpleBooleanProperty(this, "byTime");

  public HistoryChart() {
    getStyleClass().add("history-chart");
    byTime.addListener(o -> redraw());
  }

  /** Whether the x axis is elapsed seconds rather than trial number. */
  public BooleanProperty byTimeProperty() {
    return byTime;
  }

  /**
   * The x axis's ends: the first and last trial's x, widened by 5 % on each side so that their dots sit
   * whole inside the plot, not cut in half by its edges.
   */
  static double[] xRange(List<Trial> done, List<Trial> all, boolean time) {
    double lo = done.stream().mapToDouble(t -> OptimisationHistory.x(t, all, time)).min().orElse(0);
    double hi = Math.max(lo + 1, done.stream().mapToDouble(t -> OptimisationHistory.x(t, all, time)).max().orElse(1));
    return padded(lo, hi);
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    List<Trial> all = trialsProperty().get();
    List<Trial> done = all.stream().filter(Trial::isComplete).toList();
    if (done.isEmpty()) {
      message(g, w, h, "The history appears as trials finish.");
      return;
    }
    boolean time = byTime.get();
    double[] x = xRange(done, all, time);
    Axes axes = frame(g, w, h, x[0], x[1], done, time ? "seconds since the study started" : "trial number");
    DoubleUnaryOperator px = axes.x();
    DoubleUnaryOperator py = axes.y();
    Color validation = palette().validation();
    g.setFill(validation.deriveColor(0, 1, 1, 0.45));
    for (Trial t : done) {
      g.fillOval(px.applyAsDouble(OptimisationHistory.x(t, all, time)) - 3, py.applyAsDouble(t.validation().mean()) - 3,
          6, 6);
    }
    g.setStroke(validation);
    bestSoFarLine(g, all, time, px, py);
    caption(g, "dots: validation score of each trial · line: best so far");
  }
}
