package org.tunescope.ui.charts.models;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.DoubleStream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.tunescope.engine.study.Trial;

/**
 * Every model's trials by validation score against fit seconds, one colour per model, each ensemble a diamond at
 * its members' summed fit seconds, with the Pareto front across models and ensembles (the candidates no other
 * beats on both) joined in the text colour. The front is given, computed outside the chart.
 */
public final class ModelsCostChart extends ModelsChart {

  private final ObjectProperty<List<Point2D>> front = new SimpleObjectProperty<>(this, "front", List.of());

  public ModelsCostChart() {
    getStyleClass().add("models-cost-chart");
    front.addListener(o -> redraw());
  }

  /** The Pareto front's points, (fit seconds, validation score), cheapest first. */
  public ObjectProperty<List<Point2D>> frontProperty() {
    return front;
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    List<Trial> done = completeTrials();
    if (done.isEmpty()) {
      message(g, w, h, "Cost and score of every model's trials appear once their studies have trials.");
      return;
    }
    List<EnsembleMark> ensembles = ensemblesProperty().get().stream()
        .filter(e -> Double.isFinite(e.fitSeconds())).toList();
    double[] costs = DoubleStream.concat(done.stream().mapToDouble(Trial::fitSeconds),
        ensembles.stream().mapToDouble(EnsembleMark::fitSeconds)).toArray();
    double[] x = costRange(costs);
    Axes axes = modelsFrame(g, w, h, x[0], x[1], "fit seconds (all folds; an ensemble: its members' summed)");
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
    double[] xs = front.get().stream().mapToDouble(p -> px.applyAsDouble(p.getX())).toArray();
    double[] ys = front.get().stream().mapToDouble(p -> py.applyAsDouble(p.getY())).toArray();
    g.setStroke(line);
    g.setLineWidth(1.5);
    g.strokePolyline(xs, ys, xs.length);
    for (int i = 0; i < xs.length; i++) {
      g.strokeOval(xs[i] - 5.5, ys[i] - 5.5, 11, 11);
    }
    List<EnsembleMark> named = topDown(ensembles, py);
    for (int i = 0; i < named.size(); i++) {
      EnsembleMark e = named.get(i);
      diamond(g, px.applyAsDouble(e.fitSeconds()), py.applyAsDouble(e.score()), e.label(), i, w, false);
    }
    legend(g, w, h);
    caption(g, "dots: every model's trials · diamonds: ensembles · ringed line: the Pareto front across them"
        + " (none both better and cheaper)");
  }
}
