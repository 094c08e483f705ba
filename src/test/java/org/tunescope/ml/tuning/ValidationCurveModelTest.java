package org.tunescope.ml.tuning;

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
import org.tunescope.ml.tuning.ValidationCurveModel.Zone;

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

  /**
   * A trial at x with {@code folds} fold scores whose means and (population) standard deviations are the
   * given ones: half the folds at mean + sd, half at mean - sd.
   */
  private static Trial spread(int number, String parameter, Object x, double train, double trainSd, double validation,
      double validationSd, int folds) {
    List<FoldScore> scores = new ArrayList<>();
    for (int f = 0; f < folds; f++) {
      double sign = f % 2 == 0 ? 1 : -1;
      scores.add(new FoldScore(train + sign * trainSd, validation + sign * validationSd));
    }
    return new Trial(number, TrialState.COMPLETE, Map.of(parameter, x), scores, 0, 0.1, 0, Optional.empty(),
        Instant.EPOCH);
  }

  private static final Optional<Zone> UNDER = Optional.of(Zone.UNDERFITTING);
  private static final Optional<Zone> GOOD = Optional.of(Zone.GOOD_FIT);
  private static final Optional<Zone> OVER = Optional.of(Zone.OVERFITTING);
  private static final Optional<Zone> NONE = Optional.empty();

  @Test
  void zonesAreRunsAtTheEndsAndADipBetweenPointsNearTheBestHasNoZone() {
    // Fold sd 0.0071, so the standard error of a difference from the best is 0.0045. Depth 2 and 5 are
    // within it of the best (depth 3); depth 4 dips below it but depth 5 comes back: no verdict there.
    // From depth 6 on, validation stays worse while training rises: overfitting.
    double[] validation = {0.80, 0.938, 0.94, 0.92, 0.937, 0.90, 0.89, 0.88};
    double[] train = {0.81, 0.93, 0.96, 0.99, 1.0, 1.0, 1.0, 1.0};
    List<Trial> trials = new ArrayList<>();
    for (int d = 1; d <= validation.length; d++) {
      trials.add(trial(d - 1, d, train[d - 1], validation[d - 1]));
    }
    assertEquals(List.of(UNDER, GOOD, GOOD, NONE, GOOD, OVER, OVER, OVER),
        ValidationCurveModel.zones(trials, Direction.MAXIMIZE));
  }

  @Test
  void aCollapsedPointDoesNotMakeAnUnderfitLineAGoodFit() {
    // The noisy-sine lesson's shape: a line (degree 1) at r2 0.43 against 0.84 at degree 3, and degree 20
    // collapsing to -21. The collapse must not widen what counts as "near the best".
    double[][] curve = { // train, train sd, validation, validation sd
        {0.496, 0.029, 0.426, 0.141}, {0.547, 0.033, 0.424, 0.198}, {0.888, 0.010, 0.838, 0.052},
        {0.890, 0.008, 0.834, 0.047}, {0.895, 0.007, 0.832, 0.045}, {0.900, 0.009, 0.800, 0.076},
        {0.911, 0.013, 0.549, 0.513}, {0.917, 0.013, -21.5, 45.2}};
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < curve.length; i++) {
      trials.add(spread(i, "degree", (long) i + 1, curve[i][0], curve[i][1], curve[i][2], curve[i][3], 16));
    }
    ValidationCurveModel m = ValidationCurveModel.of(trials, "degree", new Distribution.IntRange(1, 8, false),
        Complexity.MORE_WHEN_RAISED, Direction.MAXIMIZE);
    assertEquals(List.of(UNDER, UNDER, GOOD, GOOD, GOOD, OVER, OVER, OVER),
        m.points().stream().map(ValidationCurveModel.Point::zone).toList());
  }

  @Test
  void zonesFollowTheDirectionOfAnErrorMetric() {
    // rmse, minimised: lower is better. A stiff model errs on both train and validation; a flexible one
    // has a small training error and a growing validation error.
    double[] validation = {80, 60, 55, 56.5, 70, 90};
    double[] train = {78, 55, 45, 30, 10, 2};
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < validation.length; i++) {
      trials.add(spread(i, "max_depth", (long) i + 1, train[i], 1, validation[i], 2, 10));
    }
    ValidationCurveModel m = ValidationCurveModel.of(trials, "max_depth", new Distribution.IntRange(1, 6, false),
        Complexity.MORE_WHEN_RAISED, Direction.MINIMIZE);
    assertEquals(List.of(UNDER, UNDER, GOOD, OVER, OVER, OVER),
        m.points().stream().map(ValidationCurveModel.Point::zone).toList());
    assertEquals(3, m.best().orElseThrow().x(), 0, "the lowest error");
  }

  @Test
  void withoutAFoldSpreadThereIsNoEvidenceForAnyZone() {
    List<Trial> trials = new ArrayList<>();
    double[] validation = {0.7, 0.9, 0.8};
    for (int i = 0; i < 3; i++) {
      trials.add(new Trial(i, TrialState.COMPLETE, Map.of("max_depth", (long) i + 1),
          List.of(new FoldScore(0.7 + 0.15 * i, validation[i])), 0, 0, 0, Optional.empty(), Instant.EPOCH));
    }
    assertEquals(List.of(NONE, GOOD, NONE), ValidationCurveModel.zones(trials, Direction.MAXIMIZE));
  }

  /**
   * A random forest's tree count searched at random with its depth: 400 trials over trees 10..500, whose
   * validation accuracy does not depend on the trees at all (fold scores of 30 rows, seeded noise).
   */
  private static List<Trial> forestTrials() {
    java.util.Random random = new java.util.Random(19);
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      long trees = 10 + random.nextInt(491);
      long depth = 2 + random.nextInt(9);
      List<FoldScore> folds = new ArrayList<>();
      for (int f = 0; f < 5; f++) {
        double validation = Math.min(1, Math.round((0.95 - 0.01 * Math.abs(depth - 5) + 0.03 * random.nextGaussian())
            * 30) / 30.0);
        folds.add(new FoldScore(Math.min(1, 0.99 + 0.005 * random.nextGaussian()), validation));
      }
      trials.add(new Trial(i, TrialState.COMPLETE, Map.of("trees", trees, "max_depth", depth), folds, 0, 0.1, 0,
          Optional.empty(), Instant.EPOCH));
    }
    return trials;
  }

  @Test
  void manyIntegerValuesAreBinnedAndFlatNoiseIsNotOverfitting() {
    ValidationCurveModel m = ValidationCurveModel.of(forestTrials(), "trees", new Distribution.IntRange(10, 500, false),
        Complexity.MORE_WHEN_RAISED, Direction.MAXIMIZE);
    assertEquals(ValidationCurveModel.BINS, m.points().size(), "one point per bin, not per tree count");
    assertEquals(400, m.allTrials().size());
    assertTrue(m.points().stream().noneMatch(p -> p.zone().equals(OVER)),
        "more trees do not overfit: " + m.points().stream().map(p -> p.x() + "=" + p.zone()).toList());
    assertTrue(m.points().stream().noneMatch(p -> p.zone().equals(UNDER)));
  }

  @Test
  void aComputedCurveKeepsEveryValue() {
    // Scores against the number of trees: 30 chosen counts, one point each, however many there are.
    List<Trial> trials = new ArrayList<>();
    for (int k = 1; k <= 30; k++) {
      trials.add(trial(k - 1, k * 10, 0.99, 0.9));
    }
    ValidationCurveModel m = ValidationCurveModel.of(trials, "max_depth", new Distribution.IntRange(0, 300, false),
        Complexity.NONE, Direction.MAXIMIZE, false);
    assertEquals(30, m.points().size());
    assertEquals(ValidationCurveModel.BINS, ValidationCurveModel.of(trials, "max_depth",
        new Distribution.IntRange(0, 300, false), Complexity.NONE, Direction.MAXIMIZE).points().size());
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
    assertEquals(UNDER, m.points().get(0).zone(), "depth 1");
    assertEquals(GOOD, m.points().get(3).zone(), "depth 4, the best");
    assertEquals(OVER, m.points().get(9).zone(), "depth 10");
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
    assertEquals(OVER, m.points().get(0).zone(), "k = 1 overfits");
    assertEquals(UNDER, m.points().get(4).zone(), "k = 81 underfits");
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
