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

  /** The ratio of the dearest to the cheapest trial from which the cost axis is logarithmic: two decades. */
  static final double DECADES_FOR_LOG = 100;

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

  /**
   * The cost axis's ends, with room on both sides for the cheapest and the dearest trial's dots: from 0 (linear)
   * or from the cheapest / 1.2 (log, the same room in log units at both ends) to the dearest x 1.05 or x 1.2.
   */
  static double[] xRange(double cheapest, double dearest, boolean log) {
    return log ? new double[] {cheapest / 1.2, dearest * 1.2} : new double[] {0, dearest * 1.05 + 1e-9};
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
    // Costs that span decades (a 130 s trial among 0.05 s ones) go on a log axis: on a linear one every
    // cheap trial sits in one column at zero.
    double cheapest = done.stream().mapToDouble(cost).filter(c -> c > 0).min().orElse(0);
    double dearest = done.stream().mapToDouble(cost).max().orElse(1);
    boolean log = cheapest > 0 && dearest * 1.05 / cheapest >= DECADES_FOR_LOG;
    setLogX(log);
    double[] x = xRange(cheapest, dearest, log);
    Axes axes = frame(g, w, h, x[0], x[1], done, byMemory.get() ? "MB allocated while fitting" : "fit seconds (all folds)");
    DoubleUnaryOperator px = axes.x();
    DoubleUnaryOperator py = axes.y();
    g.setFill(palette().validation().deriveColor(0, 1, 1, 0.4));
    for (Trial t : done) {
      g.fillOval(px.applyAsDouble(cost.applyAsDouble(t)) - 3, py.applyAsDouble(t.validation().mean()) - 3, 6, 6);
    }
    List<Trial> front = ParetoFront.of(done, directionProperty().get(), cost);
    // Not in the train or validation colour, which mean train and validation scores everywhere else: the
    // front is drawn in the text colour, the strongest neutral of the theme.
    Color line = palette().text();
    g.setStroke(line);
    g.setLineWidth(2);
    double[] xs = front.stream().mapToDouble(t -> px.applyAsDouble(cost.applyAsDouble(t))).toArray();
    double[] ys = front.stream().mapToDouble(t -> py.applyAsDouble(t.validation().mean())).toArray();
    g.strokePolyline(xs, ys, xs.length);
    g.setFill(line);
    for (int i = 0; i < xs.length; i++) {
      g.fillOval(xs[i] - 4, ys[i] - 4, 8, 8);
    }
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
    double[] xs = plane.front().stream().mapToDouble(p -> axes.x().applyAsDouble(p.x())).toArray();
    double[] ys = plane.front().stream().mapToDouble(p -> axes.y().applyAsDouble(p.y())).toArray();
    Color line = palette().text();
    g.setStroke(line);
    g.setLineWidth(2);
    g.strokePolyline(xs, ys, xs.length);
    g.setFill(line);
    for (int i = 0; i < xs.length; i++) {
      g.fillOval(xs[i] - 4, ys[i] - 4, 8, 8);
    }
    caption(g, "dots: both objectives of each complete trial · line: the Pareto front (" + xs.length + " trials: no"
        + " other is better on both)");
    drawnFront = plane.front().stream().map(ObjectivePlane.Point::trial).toList();
  }
}
