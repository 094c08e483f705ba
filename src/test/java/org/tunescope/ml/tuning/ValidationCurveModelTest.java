package org.tunescope.ml.tuning;

import org.tunescope.ml.tuning.ValidationCurveModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;

class ValidationCurveModelTest {

  /** A trial at depth d with the given train and validation score on each of 5 folds (+- 0.01). */
  private static Trial trial(int number, long depth, double train, double validation) {
    List<FoldScore> folds = new ArrayList<>();
    for (int f = 0; f < 5; f++) {
      double wiggle = (f - 2) * 0.005;
      folds.add(new FoldScore(Math.min(1, train + wiggle), validation + wiggle));
    }
    return new Trial(number, TrialState.COMPLETE, Map.of("max_depth", depth), folds, 0, 0.1, 0, Optional.empty(),
        Instant.EPOCH);
  }

  /** A textbook curve: train rises to 1, validation peaks at depth 4, then falls. */
  private static List<Trial> textbook() {
    double[] validation = {0.80, 0.88, 0.92, 0.94, 0.93, 0.91, 0.90, 0.89, 0.88, 0.875};
    double[] train = {0.81, 0.90, 0.95, 0.97, 0.98, 0.99, 1.0, 1.0, 1.0, 1.0};
    List<Trial> trials = new ArrayList<>();
    for (int d = 1; d <= 10; d++) {
      trials.add(trial(d - 1, d, train[d - 1], validation[d - 1]));
    }
    return trials;
  }

  @Test
  void aNoisyCurvesZonesStayContiguous() {
    // Past the best (depth 3) validation wobbles back within tolerance at depth 5 and 7; before it, depth 2
    // comes close. The zones are one underfitting run, one good-fit run and one overfitting run all the same.
    double[] validation = {0.80, 0.93, 0.94, 0.90, 0.935, 0.90, 0.935, 0.89};
    double[] train = {0.81, 0.93, 0.96, 0.99, 1.0, 1.0, 1.0, 1.0};
    List<Trial> trials = new ArrayList<>();
    for (int d = 1; d <= validation.length; d++) {
      trials.add(trial(d - 1, d, train[d - 1], validation[d - 1]));
    }
    List<ValidationCurveModel.Zone> zones = ValidationCurveModel.zones(trials, Direction.MAXIMIZE);
    assertEquals(List.of(ValidationCurveModel.Zone.UNDERFITTING, ValidationCurveModel.Zone.GOOD_FIT,
        ValidationCurveModel.Zone.GOOD_FIT, ValidationCurveModel.Zone.OVERFITTING, ValidationCurveModel.Zone.OVERFITTING,
        ValidationCurveModel.Zone.OVERFITTING, ValidationCurveModel.Zone.OVERFITTING,
        ValidationCurveModel.Zone.OVERFITTING), zones);
  }

  @Test
  void pointsEqualTheTrialsMeansAndZonesNameTheFit() {
    ValidationCurveModel m = ValidationCurveModel.of(textbook(), "max_depth", new Distribution.IntRange(1, 10, false),
        Complexity.MORE_WHEN_RAISED, Direction.MAXIMIZE);
    assertEquals(10, m.points().size());
    for (ValidationCurveModel.Point p : m.points()) {
      assertEquals(p.trial().validation().mean(), p.validation(), 0);
      assertEquals(p.trial().train().mean(), p.train(), 0);
      assertEquals((Long) p.trial().params().get("max_depth"), p.x(), 0);
    }
    assertEquals(4, m.best().orElseThrow().x(), 0);
    assertEquals(ValidationCurveModel.Zone.UNDERFITTING, m.points().get(0).zone(), "depth 1");
    assertEquals(ValidationCurveModel.Zone.GOOD_FIT, m.points().get(3).zone(), "depth 4, the best");
    assertEquals(ValidationCurveModel.Zone.OVERFITTING, m.points().get(9).zone(), "depth 10");
  }

  @Test
  void oneStandardErrorPicksTheSimplestModelCloseToTheBest() {
    List<Trial> trials = textbook();
    // The best (depth 4, 0.94) has fold sd 0.0071, so one standard error is 0.0032: depth 3 at 0.938 is within it.
    trials.set(2, trial(2, 3, 0.95, 0.938));
    ValidationCurveModel m = ValidationCurveModel.of(trials, "max_depth", new Distribution.IntRange(1, 10, false),
        Complexity.MORE_WHEN_RAISED, Direction.MAXIMIZE);
    assertEquals(3, m.oneStandardError().orElseThrow().x(), 0);
  }

  @Test
  void theSimpleEndFollowsTheParametersComplexityDirection() {
    // For k of k-NN, large k is simple: the underfitting zone is at the high end.
    List<Trial> trials = new ArrayList<>();
    double[] validation = {0.85, 0.90, 0.94, 0.92, 0.80};
    double[] train = {1.0, 0.97, 0.95, 0.92, 0.80};
    long[] k = {1, 3, 9, 27, 81};
    for (int i = 0; i < 5; i++) {
      trials.add(trial(i, k[i], train[i], validation[i]));
    }
    ValidationCurveModel m = ValidationCurveModel.of(trials, "max_depth", new Distribution.IntRange(1, 81, true),
        Complexity.LESS_WHEN_RAISED, Direction.MAXIMIZE);
    assertEquals(ValidationCurveModel.Zone.OVERFITTING, m.points().get(0).zone(), "k = 1 overfits");
    assertEquals(ValidationCurveModel.Zone.UNDERFITTING, m.points().get(4).zone(), "k = 81 underfits");
    assertTrue(m.isLog());
  }

  @Test
  void severalTrialsAtOneValueShowTheBestOfThem() {
    List<Trial> trials = new ArrayList<>(textbook());
    trials.add(trial(10, 4, 0.99, 0.96));
    ValidationCurveModel m = ValidationCurveModel.of(trials, "max_depth", new Distribution.IntRange(1, 10, false),
        Complexity.MORE_WHEN_RAISED, Direction.MAXIMIZE);
    assertEquals(10, m.points().size());
    assertEquals(10, m.points().get(3).trial().number(), "the better trial at depth 4");
    assertEquals(11, m.allTrials().size(), "all trials stay as faint points");
  }

  @Test
  void continuousValuesAreBinnedInLogSpace() {
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      double c = Math.pow(10, -2 + 5.0 * i / 199);
      trials.add(new Trial(i, TrialState.COMPLETE, Map.of("C", c), List.of(new FoldScore(0.9, 0.8 + i * 1e-4)), 0, 0,
          0, Optional.empty(), Instant.EPOCH));
    }
    ValidationCurveModel m = ValidationCurveModel.of(trials, "C", new Distribution.FloatRange(0.01, 1000, true),
        Complexity.MORE_WHEN_RAISED, Direction.MAXIMIZE);
    assertEquals(ValidationCurveModel.BINS, m.points().size());
  }
}
