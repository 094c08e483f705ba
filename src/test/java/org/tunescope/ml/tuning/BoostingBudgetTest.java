package org.tunescope.ml.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunescope.engine.sampler.HyperbandSampler;
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
import org.tunescope.ml.models.BoostingTrainer;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;

/** Successive halving's and Hyperband's budgets for boosted models are rounds, not rows. */
class BoostingBudgetTest {

  private static final ModelCatalog CATALOG = ModelCatalog.standard();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"xgboost", "gradient_boosting"})
  void aThirdOfTheBudgetIsAThirdOfTheRoundsOnEveryTrainingRow(String id) throws Exception {
    LearningProblem problem = SampleData.problem("breast_cancer");
    ModelSpec model = CATALOG.find(id, Task.CLASSIFICATION).orElseThrow();
    FoldPlan plan = FoldPlan.stratified(problem.labels(), problem.numClasses(), 3);
    CrossValidatedObjective objective = new CrossValidatedObjective(problem, model, Metric.ACCURACY, plan);
    Map<String, Object> params = Map.of("trees", 30L, "learning_rate", 0.3, "max_depth", 3L);

    List<FoldScore> third = objective.evaluate(params, new TrialContext(0, 7, () -> false, 1.0 / 3));
    List<FoldScore> tenRounds = objective.evaluate(Map.of("trees", 10L, "learning_rate", 0.3, "max_depth", 3L),
        new TrialContext(0, 7, () -> false));
    assertEquals(tenRounds, third);
    List<FoldScore> full = objective.evaluate(params, new TrialContext(0, 7, () -> false));
    assertNotEquals(full, third, "the cheap evaluation is not the full one");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"xgboost", "gradient_boosting"})
  void aLearningCurveStillLearnsFromFewerRows(String id) throws Exception {
    LearningProblem problem = SampleData.problem("breast_cancer");
    ModelSpec base = CATALOG.find(id, Task.CLASSIFICATION).orElseThrow();
    Map<Integer, Integer> rowsSeen = new ConcurrentHashMap<>();
    BoostingTrainer recording = (data, params) -> {
      rowsSeen.merge(data.rows(), 1, Integer::sum);
      return ((BoostingTrainer) base.trainer()).fit(data, params);
    };
    ModelSpec model = new ModelSpec(base.id(), base.task(), base.name(), base.group(), base.description(),
        base.hyperParameters(), false, recording);
    FoldPlan plan = FoldPlan.stratified(problem.labels(), problem.numClasses(), 3);
    CrossValidatedObjective objective = new CrossValidatedObjective(problem, model, Metric.ACCURACY, plan);
    LearningCurve.compute(objective, Map.of("trees", 10L), 1, new double[] {0.25}, () -> false);
    assertTrue(rowsSeen.keySet().stream().allMatch(n -> n < 100), rowsSeen.toString());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"xgboost", "gradient_boosting"})
  void hyperbandTrainsBoostedModelsOnEveryRowOfTheFold(String id) {
    LearningProblem problem = SampleData.problem("breast_cancer");
    ModelSpec base = CATALOG.find(id, Task.CLASSIFICATION).orElseThrow();
    Map<Integer, Integer> rowsSeen = new ConcurrentHashMap<>();
    Map<Long, Integer> roundsSeen = new ConcurrentHashMap<>();
    BoostingTrainer recording = (data, params) -> {
      rowsSeen.merge(data.rows(), 1, Integer::sum);
      roundsSeen.merge((long) params.getInt("trees"), 1, Integer::sum);
      return ((BoostingTrainer) base.trainer()).fit(data, params);
    };
    ModelSpec model = new ModelSpec(base.id(), base.task(), base.name(), base.group(), base.description(),
        base.hyperParameters(), false, recording);
    FoldPlan plan = FoldPlan.stratified(problem.labels(), problem.numClasses(), 3);
    SearchSpace space = TuningSetup.space(model, Map.of(), false)
        .with("trees", new org.tunescope.engine.space.Distribution.Fixed(27L));
    Study study = new Study(id, "accuracy", Metric.ACCURACY.direction(), space, new HyperbandSampler(space, Metric.ACCURACY.direction(), 3),
        Budget.trials(13), 3);
    StudyResult result;
    try (CrossValidatedObjective objective = new CrossValidatedObjective(problem, model, Metric.ACCURACY, plan)) {
      result = new StudyRunner(1).run(study, objective, StudyListener.NONE);
    }
    assertTrue(result.trials().stream().anyMatch(t -> t.budget() < 1), "some cheap evaluations");
    for (Trial t : result.trials()) {
      assertTrue(t.isComplete() || t.state() == org.tunescope.engine.study.TrialState.PRUNED,
          t.error().orElse(""));
    }
    // Every fit saw a whole fold's training rows (379 or 380 of 569); the cheap ones fewer rounds.
    assertTrue(rowsSeen.keySet().stream().allMatch(n -> n >= 379), rowsSeen.toString());
    assertTrue(roundsSeen.keySet().stream().anyMatch(r -> r < 27), roundsSeen.toString());
  }
}
