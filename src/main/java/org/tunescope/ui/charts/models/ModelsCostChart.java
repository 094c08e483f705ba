package org.tunescope.ui.charts.models;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.tunescope.engine.study.Trial;

/**
 * Every model's trials by validation score against fit seconds, one colour per model, with the Pareto front
 * across models (the trials no other trial of any model beats on both) joined in the text colour. The front
 * is given, computed outside the chart.
 */
public final class ModelsCostChart extends ModelsChart {

  /** The ratio of the dearest to the cheapest trial from which the cost axis is logarithmic: two decades. */
  static final double DECADES_FOR_LOG = 100;

  private final ObjectProperty<List<Trial>> front = new SimpleObjectProperty<>(this, "front", List.of());

  public ModelsCostChart() {
    getStyleClass().add("models-cost-chart");
    front.addListener(o -> redraw());
  }

  /** The Pareto front's trials, cheapest first. */
  public ObjectProperty<List<Trial>> frontProperty() {
    return front;
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    List<Trial> done = completeTrials();
    if (done.isEmpty()) {
      message(g, w, h, "Cost and score of every model's trials appear once their studies have trials.");
      return;
    }
    double xHi = done.stream().mapToDouble(Trial::fitSeconds).max().orElse(1) * 1.05 + 1e-9;
    // A forest's seconds beside a k-NN's milliseconds span decades: on a linear axis the cheap model is one column.
    double cheapest = done.stream().mapToDouble(Trial::fitSeconds).filter(c -> c > 0).min().orElse(0);
    boolean log = cheapest > 0 && xHi / cheapest >= DECADES_FOR_LOG;
    setLogX(log);
    double xLo = log ? cheapest / 1.2 : 0;
    Axes axes = frame(g, w, h, xLo, xHi, done, "fit seconds (all folds)");
    DoubleUnaryOperator px = axes.x();
    DoubleUnaryOperator py = axes.y();
    for (ModelSeries s : seriesProperty().get()) {
      g.setFill(s.color().deriveColor(0, 1, 1, 0.65));
      for (Trial t : s.trials()) {
        if (t.isComplete()) {
          g.fillOval(px.applyAsDouble(t.fitSeconds()) - 3.5, py.applyAsDouble(t.validation().mean()) - 3.5, 7, 7);
        }
      }
    }
    Color line = palette().text();
    double[] xs = front.get().stream().mapToDouble(t -> px.applyAsDouble(t.fitSeconds())).toArray();
    double[] ys = front.get().stream().mapToDouble(t -> py.applyAsDouble(t.validation().mean())).toArray();
    g.setStroke(line);
    g.setLineWidth(1.5);
    g.strokePolyline(xs, ys, xs.length);
    for (int i = 0; i < xs.length; i++) {
      g.strokeOval(xs[i] - 5.5, ys[i] - 5.5, 11, 11);
    }
    legend(g, w);
    caption(g, "dots: every model's trials · ringed line: the Pareto front across models (none both better and cheaper)");
  }
}
