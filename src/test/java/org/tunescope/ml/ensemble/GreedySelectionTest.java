package org.tunescope.ml.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.FoldPredictions;
import org.tunescope.ml.cv.Fold;
import org.tunescope.ml.cv.FoldPlan;
import org.tunescope.ml.metrics.Metric;

/** Greedy ensemble selection on predictions small enough to check by hand. */
class GreedySelectionTest {

  /** Two folds of five rows each: fold 0 validates rows 0-4, fold 1 rows 5-9; classes 1 1 1 0 0 in both. */
  private static final FoldPlan PLAN = new FoldPlan(List.of(
      new Fold(new int[] {5, 6, 7, 8, 9}, new int[] {0, 1, 2, 3, 4}),
      new Fold(new int[] {0, 1, 2, 3, 4}, new int[] {5, 6, 7, 8, 9})), "two halves");
  private static final double[] Y = {1, 1, 1, 0, 0, 1, 1, 1, 0, 0};

  private static final EnsembleScoring ACCURACY = new EnsembleScoring(PLAN, Y, 2, Metric.ACCURACY);

  /** A binary classifier's fold predictions from its class-1 probabilities of each fold's five rows. */
  private static List<FoldPredictions> candidate(double[] fold0, double[] fold1) {
    // A fold's training rows are the other fold's validation rows: the same probabilities serve.
    return List.of(new FoldPredictions(2, twoColumns(fold1), twoColumns(fold0)),
        new FoldPredictions(2, twoColumns(fold0), twoColumns(fold1)));
  }

  private static float[] twoColumns(double[] classOne) {
    float[] out = new float[classOne.length * 2];
    for (int i = 0; i < classOne.length; i++) {
      out[2 * i] = (float) (1 - classOne[i]);
      out[2 * i + 1] = (float) classOne[i];
    }
    return out;
  }

  // Classes 1 1 1 0 0. A is right but on row 2 (accuracy 0.8), C right on rows 0, 3, 4 (0.6), B only on rows 2
  // and 4 (0.4); but B is sure exactly where A hesitates, so A and B averaged are right everywhere.
  private static final double[] A = {0.9, 0.9, 0.45, 0.1, 0.1};
  private static final double[] C = {0.8, 0.4, 0.4, 0.2, 0.2};
  private static final double[] B = {0.4, 0.4, 0.9, 0.6, 0.2};

  @Test
  void greedyPicksAWeakerCandidateThatComplementsTheBest() {
    List<List<FoldPredictions>> pool = List.of(candidate(A, A), candidate(C, C), candidate(B, B));
    GreedySelection.Selection s = new GreedySelection(ACCURACY, 3).select(pool);
    // Round 1: A alone (0.8). Round 2: A+B (1.0) beats A+A and A+C (0.8). Round 3: A+A+B is 1.0 too, no better:
    // the ensemble kept is the round-2 one.
    assertArrayEquals(new double[] {0.8, 1.0, 1.0}, s.rounds(), 1e-12);
    assertArrayEquals(new int[] {1, 0, 1}, s.counts());
    assertEquals(1.0, s.score(), 1e-12);
    assertEquals(2, s.size());
    assertArrayEquals(new double[] {1, 0, 1}, s.weights());
    // The score is the weighted soft vote's mean validation score, as EnsembleScoring computes it.
    assertEquals(s.score(), mean(ACCURACY.vote(pool, s.weights())), 1e-12);
  }

  @Test
  void eachFoldIsScoredBySelectionMadeOnTheOtherFoldsOnly() {
    // A is perfect on fold 0 and 0.6 on fold 1; B is 0.4 on fold 0 and perfect on fold 1.
    double[] perfect = {0.9, 0.9, 0.9, 0.1, 0.1};
    double[] sixty = {0.9, 0.4, 0.4, 0.1, 0.1};
    double[] forty = {0.4, 0.4, 0.9, 0.6, 0.1};
    List<List<FoldPredictions>> pool = List.of(candidate(perfect, sixty), candidate(forty, perfect));
    GreedySelection greedy = new GreedySelection(ACCURACY, 1);
    // On both folds at once A (mean 0.8) beats B (0.7): the optimistic score of a selection judged on the data
    // that chose it.
    GreedySelection.Selection all = greedy.select(pool);
    assertArrayEquals(new int[] {1, 0}, all.counts());
    assertEquals(0.8, all.score(), 1e-12);
    // Fold 0 is scored by the choice fold 1 makes (B, 0.4 on fold 0), fold 1 by fold 0's (A, 0.6 on fold 1).
    GreedySelection.Nested nested = greedy.foldScores(pool);
    assertArrayEquals(new int[] {0, 1}, nested.selections().get(0).counts());
    assertArrayEquals(new int[] {1, 0}, nested.selections().get(1).counts());
    assertEquals(0.4, nested.folds().get(0).validation(), 1e-12);
    assertEquals(0.6, nested.folds().get(1).validation(), 1e-12);
    // Train scores: each fold's selection on its training rows (the other fold's rows): B on rows 5-9, A on 0-4.
    assertEquals(1.0, nested.folds().get(0).train(), 1e-12);
    assertEquals(1.0, nested.folds().get(1).train(), 1e-12);
  }

  @Test
  void neverWorseThanTheBestSingleCandidateOnTheSelectionFolds() {
    Random random = new Random(7);
    int rows = 60;
    FoldPlan plan = FoldPlan.kFold(rows, 3);
    double[] classes = IntStream.range(0, rows).mapToDouble(i -> random.nextInt(2)).toArray();
    double[] values = IntStream.range(0, rows).mapToDouble(i -> random.nextGaussian()).toArray();
    for (Metric metric : List.of(Metric.ACCURACY, Metric.AUC, Metric.LOG_LOSS, Metric.RMSE, Metric.R2)) {
      boolean regression = metric.task() == org.tunescope.ml.Task.REGRESSION;
      double[] y = regression ? values : classes;
      EnsembleScoring scoring = new EnsembleScoring(plan, y, regression ? 0 : 2, metric);
      List<List<FoldPredictions>> pool = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        pool.add(noisy(plan, y, regression, 0.5 + c * 0.2, random));
      }
      GreedySelection.Selection s = new GreedySelection(scoring, 10).select(pool);
      double bestSingle = pool.stream().mapToDouble(p -> mean(scoring.vote(List.of(p)))).reduce(
          metric.direction() == org.tunescope.engine.study.Direction.MAXIMIZE ? Math::max : Math::min).orElseThrow();
      assertEquals(bestSingle, s.rounds()[0], 1e-12, metric.id());
      boolean notWorse = metric.direction() == org.tunescope.engine.study.Direction.MAXIMIZE
          ? s.score() >= bestSingle : s.score() <= bestSingle;
      assertTrue(notWorse, metric.id() + ": " + s.score() + " against " + bestSingle);
      assertTrue(s.size() >= 1 && s.size() <= 10, metric.id() + " size " + s.size());
      assertEquals(s.score(), mean(scoring.vote(pool, s.weights())), 1e-9, metric.id());
    }
  }

  @Test
  void refusesNoRoundsAndCandidatesOfOtherFolds() {
    assertThrows(IllegalArgumentException.class, () -> new GreedySelection(ACCURACY, 0));
    List<FoldPredictions> oneFold = List.of(candidate(A, A).get(0));
    assertThrows(IllegalArgumentException.class, () -> new GreedySelection(ACCURACY, 2).select(List.of(oneFold)));
  }

  /** A candidate's predictions: the truth plus noise of this spread (classification: a noisy probability). */
  private static List<FoldPredictions> noisy(FoldPlan plan, double[] y, boolean regression, double noise,
      Random random) {
    List<FoldPredictions> folds = new ArrayList<>();
    for (Fold fold : plan.folds()) {
      folds.add(new FoldPredictions(regression ? 1 : 2, guess(fold.train(), y, regression, noise, random),
          guess(fold.validation(), y, regression, noise, random)));
    }
    return folds;
  }

  private static float[] guess(int[] rows, double[] y, boolean regression, double noise, Random random) {
    if (regression) {
      float[] out = new float[rows.length];
      for (int i = 0; i < rows.length; i++) {
        out[i] = (float) (y[rows[i]] + noise * random.nextGaussian());
      }
      return out;
    }
    double[] classOne = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      double logit = (y[rows[i]] == 1 ? 1 : -1) + noise * 2 * random.nextGaussian();
      classOne[i] = 1 / (1 + Math.exp(-logit));
    }
    return twoColumns(classOne);
  }

  private static double mean(List<org.tunescope.engine.study.FoldScore> folds) {
    return folds.stream().mapToDouble(org.tunescope.engine.study.FoldScore::validation).average().orElseThrow();
  }
}
