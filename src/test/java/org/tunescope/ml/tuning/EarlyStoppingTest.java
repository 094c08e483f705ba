package org.tunescope.ml.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.sampler.RandomSampler;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Study;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialContext;
import org.tunescope.ml.Task;
import org.tunescope.ml.cv.FoldPlan;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;

/** XGBoost's early stopping on the validation folds: the round it keeps, and what the trial records. */
class EarlyStoppingTest {

  private static final ModelSpec XGBOOST = ModelCatalog.standard().find("xgboost", Task.CLASSIFICATION).orElseThrow();

  @Test
  void theBestRoundOfTheMeanCurveWithinThePatience() {
    // Mean losses by round: 4.5, 3.5, 2.5 (best so far), 3, 2.75, 2 (found only with a patience of 3 or more).
    List<double[]> curves = List.of(new double[] {5, 4, 3, 3.5, 3, 2, 4}, new double[] {4, 3, 2, 2.5, 2.5, 2, 4});
    assertEquals(3, EarlyStop.bestRounds(curves, 1));
    assertEquals(3, EarlyStop.bestRounds(curves, 2));
    assertEquals(6, EarlyStop.bestRounds(curves, 3));
    // The first of equal losses is kept; a curve that only falls keeps every round.
    assertEquals(1, EarlyStop.bestRounds(List.of(new double[] {1, 1, 1}), 5));
    assertEquals(3, EarlyStop.bestRounds(List.of(new double[] {3, 2, 1}), 1));
  }

  @Test
  void aTrialRecordsTheBestValidationRoundAndScoresAsAFitOfThatManyRounds() throws Exception {
    LearningProblem problem = SampleData.problem("breast_cancer");
    FoldPlan plan = FoldPlan.stratified(problem.labels(), problem.numClasses(), 3);
    CrossValidatedObjective objective = new CrossValidatedObjective(problem, XGBOOST, Metric.LOG_LOSS, plan);
    int trees = 300;
    int patience = 10;
    Map<String, Object> params = Map.of("trees", (long) trees, "learning_rate", 0.3, "early_stopping_rounds",
        (long) patience);
    TrialContext context = new TrialContext(0, 5, () -> false);
    List<FoldScore> stopped = objective.evaluate(params, context);
    int best = context.attributes().get(CrossValidatedObjective.BEST_ROUND).intValue();
    assertTrue(best >= 1 && best + patience < trees, "stopped early at " + best);

    // The mean validation log loss by round, from one fit per fold scored at every round (our own metric):
    // the recorded round is the lowest of the rounds early stopping looked at, and none of the `patience`
    // rounds after it is lower.
    int[] counts = IntStream.rangeClosed(1, trees).toArray();
    Map<String, Object> plain = new HashMap<>(params);
    plain.put("early_stopping_rounds", 0L);
    List<Map<Integer, FoldScore>> staged = objective.stagedScores(plain, 5, counts, () -> false);
    double atBest = meanValidation(staged, best);
    for (int r = 1; r <= best + patience; r++) {
      assertTrue(atBest <= meanValidation(staged, r) + 1e-6, "round " + r + " is better than " + best);
    }
    for (int r = 1; r < best; r++) {
      assertTrue(meanValidation(staged, r) > atBest - 1e-6, "round " + r + " is as good as " + best);
    }

    // The trial's scores are those of a separate fit of that many rounds, without early stopping.
    Map<String, Object> separate = new HashMap<>(plain);
    separate.put("trees", (long) best);
    assertEquals(objective.evaluate(separate, new TrialContext(0, 5, () -> false)), stopped);
  }

  @Test
  void offByDefaultAndRecordedOnEveryTrialOfAStudyWhenOn() {
    LearningProblem problem = SampleData.problem("breast_cancer");
    FoldPlan plan = FoldPlan.stratified(problem.labels(), problem.numClasses(), 3);
    assertEquals(0L, XGBOOST.withDefaults(Map.of()).getInt("early_stopping_rounds"));
    assertEquals(new Distribution.Fixed(0L), XGBOOST.hyperParameter("early_stopping_rounds").orElseThrow()
        .defaultSearch());
    SearchSpace space = XGBOOST.spaceSearchingOnly(Map.of("learning_rate", new Distribution.FloatRange(0.1, 0.5, true),
        "trees", new Distribution.Fixed(200L), "early_stopping_rounds", new Distribution.Fixed(5L)));
    Study study = new Study("stop", "accuracy", Metric.ACCURACY.direction(), space, new RandomSampler(space, 2),
        Budget.trials(3), 2);
    StudyResult result;
    try (CrossValidatedObjective objective = new CrossValidatedObjective(problem, XGBOOST, Metric.ACCURACY, plan)) {
      result = new StudyRunner(2).run(study, objective, StudyListener.NONE);
    }
    for (Trial t : result.trials()) {
      assertTrue(t.isComplete(), t.error().orElse(""));
      double best = t.attributes().get(CrossValidatedObjective.BEST_ROUND);
      assertTrue(best >= 1 && best <= 200, "trial " + t.number() + " best round " + best);
    }
    SearchSpace off = XGBOOST.spaceSearchingOnly(Map.of("trees", new Distribution.Fixed(5L)));
    Study plainStudy = new Study("plain", "accuracy", Metric.ACCURACY.direction(), off, new RandomSampler(off, 2),
        Budget.trials(1), 2);
    try (CrossValidatedObjective objective = new CrossValidatedObjective(problem, XGBOOST, Metric.ACCURACY, plan)) {
      assertEquals(Map.of(), new StudyRunner(1).run(plainStudy, objective, StudyListener.NONE).trials().get(0)
          .attributes());
    }
  }

  private static double meanValidation(List<Map<Integer, FoldScore>> staged, int rounds) {
    return staged.stream().mapToDouble(f -> f.get(rounds).validation()).average().orElseThrow();
  }
}
