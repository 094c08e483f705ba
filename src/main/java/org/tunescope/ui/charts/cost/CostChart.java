package org.tunescope.ui.charts.cost;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.tunescope.app.ObjectivePlane;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.tuning.ParetoFront;
import org.tunescope.ui.charts.TrialsCanvasChart;

/**
 * Validation score against cost (fit seconds, or memory allocated) per trial, with the Pareto front of
 * "better and cheaper" trials joined and marked. Given an {@link #objectivesProperty() objective plane} (a
 * multi-objective study imported from Optuna), it shows the study's two objectives against each other instead,
 * with their Pareto front.
 */
public final class CostChart extends TrialsCanvasChart {

  private final BooleanProperty byMemory = new SimpleBooleanProperty(this, "byMemory");
  private final ObjectProperty<ObjectivePlane> objectives = new SimpleObjectProperty<>(this, "objectives");
  private List<Integer> drawnFront = List.of();

  public CostChart() {
    getStyleClass().add("cost-chart");
    byMemory.addListener(o -> redraw());
    objectives.addListener(o -> redraw());
  }

  /** Two objectives to show against each other instead of score against cost; null for score and cost. */
  public ObjectProperty<ObjectivePlane> objectivesProperty() {
    return objectives;
  }

  /** The trials the last drawing joined as the Pareto front, in the order joined. */
  public List<Integer> drawnFront() {
    return drawnFront;
  }

  /** Whether cost is memory (MB allocated) rather than fit seconds. */
  public BooleanProperty byMemoryProperty() {
    return byMemory;
  }

  /** The cost of a trial on the current axis. */
  public ToDoubleFunction<Trial> cost() {
    return byMemory.get() ? t -> t.bytesAllocated() / 1e6 : Trial::fitSeconds;
  }

  @Override
  protected void draw(GraphicsContext g, double w, double h) {
    drawnFront = List.of();
    if (objectives.get() != null) {
      drawObjectives(g, w, h, objectives.get());
      return;
    }
    List<Trial> done = trialsProperty().get().stream().filter(Trial::isComplete).toList();
    if (done.isEmpty()) {
      message(g, w, h, "Cost and score of each trial appear as trials finish.");
      return;
    }
    ToDoubleFunction<Trial> cost = cost();
    double[] x = costRange(done.stream().mapToDouble(cost).toArray());
    Axes axes = frame(g, w, h, x[0], x[1], done, byMemory.get() ? "MB allocated while fitting" : "fit seconds (all folds)");
    DoubleUnaryOperator px = axes.x();
    DoubleUnaryOperator py = axes.y();
    g.setFill(palette().validation().deriveColor(0, 1, 1, 0.4));
    for (Trial t : done) {
      g.fillOval(px.applyAsDouble(cost.applyAsDouble(t)) - 3, py.applyAsDouble(t.validation().mean()) - 3, 6, 6);
    }
    List<Trial> front = ParetoFront.of(done, directionProperty().get(), cost);
    front(g, front.stream().mapToDouble(t -> px.applyAsDouble(cost.applyAsDouble(t))).toArray(),
        front.stream().mapToDouble(t -> py.applyAsDouble(t.validation().mean())).toArray());
    caption(g, "dots: validation score of each trial · line: the Pareto front (no trial is both better and cheaper)");
    drawnFront = front.stream().map(Trial::number).toList();
  }

  private void drawObjectives(GraphicsContext g, double w, double h, ObjectivePlane plane) {
    if (plane.points().isEmpty()) {
      message(g, w, h, "Both objectives of each complete trial appear here.");
      return;
    }
    setLogX(false);
    double[] xr = padded(plane.points().stream().mapToDouble(ObjectivePlane.Point::x).min().orElse(0),
        plane.points().stream().mapToDouble(ObjectivePlane.Point::x).max().orElse(1));
    double[] yr = padded(plane.points().stream().mapToDouble(ObjectivePlane.Point::y).min().orElse(0),
        plane.points().stream().mapToDouble(ObjectivePlane.Point::y).max().orElse(1));
    Axes axes = frame(g, w, h, xr[0], xr[1], yr[0], yr[1], plane.xDirection().label(plane.x().name()),
        plane.yDirection().label(plane.y().name()));
    g.setFill(palette().validation().deriveColor(0, 1, 1, 0.4));
    for (ObjectivePlane.Point p : plane.points()) {
      g.fillOval(axes.x().applyAsDouble(p.x()) - 3, axes.y().applyAsDouble(p.y()) - 3, 6, 6);
    }
    front(g, plane.front().stream().mapToDouble(p -> axes.x().applyAsDouble(p.x())).toArray(),
        plane.front().stream().mapToDouble(p -> axes.y().applyAsDouble(p.y())).toArray());
    caption(g, "dots: both objectives of each complete trial · line: the Pareto front (" + plane.front().size()
        + " trials: no other is better on both)");
    drawnFront = plane.front().stream().map(ObjectivePlane.Point::trial).toList();
  }

  /** The Pareto front joined and marked in the text colour (train and validation colours mean scores elsewhere). */
  private void front(GraphicsContext g, double[] xs, double[] ys) {
    Color line = palette().text();
    g.setStroke(line);
    g.setLineWidth(2);
    g.strokePolyline(xs, ys, xs.length);
    g.setFill(line);
    for (int i = 0; i < xs.length; i++) {
      g.fillOval(xs[i] - 4, ys[i] - 4, 8, 8);
    }
  }
}
