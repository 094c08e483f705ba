package org.tunescope.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tunescope.ml.tuning.ParetoFront;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.TrialState;
import org.tunescope.store.ImportRecord;
import org.tunescope.store.ImportedTrial;

/**
 * Two objectives of an imported multi-objective study against each other: each complete trial a point, and
 * the Pareto front (the trials no other trial beats on both, each objective in its own direction), ordered
 * along the first objective so that joining them draws the trade-off. What the cost view shows for such a study.
 *
 * @param x      the objective along the x axis
 * @param y      the objective along the y axis
 * @param points every complete trial with both values
 * @param front  the non-dominated points, from the best x to the worst
 */
public record ObjectivePlane(ImportRecord.Objective x, ImportRecord.Objective y, List<Point> points,
                             List<Point> front) {

  /** One trial: its number and its two objectives' values. */
  public record Point(int trial, double x, double y) {
  }

  public ObjectivePlane {
    points = List.copyOf(points);
    front = List.copyOf(front);
  }

  /** The first objective against the second; empty unless the study is imported with two objectives or more. */
  public static Optional<ObjectivePlane> of(ViewedStudy study) {
    int xObjective = 0;
    int yObjective = 1;
    List<ImportRecord.Objective> objectives = study.origin().map(ImportRecord::objectives).orElse(List.of());
    if (Math.max(xObjective, yObjective) >= objectives.size() || xObjective == yObjective) {
      return Optional.empty();
    }
    Map<Integer, TrialState> states = new HashMap<>();
    study.trials().forEach(t -> states.put(t.number(), t.state()));
    // As Optuna's best_trials: complete trials only (a pruned trial's values are not its final ones).
    List<Point> points = new ArrayList<>();
    for (ImportedTrial t : study.extras()) {
      if (states.get(t.number()) == TrialState.COMPLETE && t.values().size() > Math.max(xObjective, yObjective)) {
        double vx = t.values().get(xObjective);
        double vy = t.values().get(yObjective);
        if (Double.isFinite(vx) && Double.isFinite(vy)) {
          points.add(new Point(t.number(), vx, vy));
        }
      }
    }
    ImportRecord.Objective ox = objectives.get(xObjective);
    ImportRecord.Objective oy = objectives.get(yObjective);
    List<Point> front = ParetoFront.of(points, new ParetoFront.Objective<>(Point::x, Direction.of(ox.direction())),
        new ParetoFront.Objective<>(Point::y, Direction.of(oy.direction())));
    return Optional.of(new ObjectivePlane(ox, oy, points, front));
  }

  /** The direction of the x objective. */
  public Direction xDirection() {
    return Direction.of(x.direction());
  }

  /** The direction of the y objective. */
  public Direction yDirection() {
    return Direction.of(y.direction());
  }
}
