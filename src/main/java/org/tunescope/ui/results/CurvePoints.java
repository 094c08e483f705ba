package org.tunescope.ui.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tunescope.ml.tuning.ValidationCurveModel;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.ScoreSummary;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;

/**
 * A computed curve (learning curve, score against trees) as a chart model: each point becomes a trial
 * whose folds are the point's folds, so that the overfitting-curve chart draws it with its bands.
 */
final class CurvePoints {

  /** One point: its x value and the train and validation scores of its folds. */
  public record Point(long x, ScoreSummary train, ScoreSummary validation) {
  }

  private CurvePoints() {
  }

  /** The chart model of a curve along the integer axis {@code name}. */
  public static ValidationCurveModel model(String name, List<Point> points, Direction direction) {
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      List<FoldScore> folds = new ArrayList<>();
      for (int f = 0; f < p.train().folds().size(); f++) {
        folds.add(new FoldScore(p.train().folds().get(f), p.validation().folds().get(f)));
      }
      trials.add(new Trial(i, TrialState.COMPLETE, Map.of(name, p.x()), folds, 0, 0, 0, Optional.empty(),
          Instant.EPOCH));
    }
    long max = points.stream().mapToLong(Point::x).max().orElse(1);
    return ValidationCurveModel.of(trials, name, new Distribution.IntRange(0, Math.max(1, max), false),
        Complexity.NONE, direction, false);
  }
}
