package org.tunescope.ml.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunescope.engine.sampler.GridSampler;
import org.tunescope.engine.sampler.RandomSampler;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Study;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialContext;
import org.tunescope.engine.study.TrialState;
import org.tunescope.ml.Task;
import org.tunescope.ml.cv.FoldPlan;
import org.tunescope.ml.data.CategoricalColumn;
import org.tunescope.ml.data.Column;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.data.NumericColumn;
import org.tunescope.ml.data.Table;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.StagedTrainer;

/** XGBoost through the tuning engine: searches on every sample dataset, staged scores, threads, missing values. */
class XGBoostTuningTest {

  private static final ModelCatalog CATALOG = ModelCatalog.standard();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"iris", "wine", "breast_cancer", "diabetes"})
  void aThreeTrialRandomSearchCompletesOnEverySampleDatasetOfItsTask(String dataset) {
    LearningProblem problem = SampleData.problem(dataset);
    ModelSpec model = xgboost(problem.task());
    StudyResult result = search(problem, model, 3, 2);
    assertEquals(3, result.trials().size());
    for (Trial t : result.trials()) {
      assertEquals(TrialState.COMPLETE, t.state(), dataset + " trial " + t.number() + ": " + t.error().orElse(""));
      assertEquals(3, t.folds().size());
    }
    double best = result.best().orElseThrow().validation().mean();
    assertTrue(problem.task() == Task.CLASSIFICATION ? best > 0.85 : best > 0.2, dataset + " best " + best);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"breast_cancer", "iris", "diabetes"})
  void stagedScoresEqualSeparateFitsOfKRounds(String dataset) throws Exception {
    LearningProblem problem = SampleData.problem(dataset);
    ModelSpec model = xgboost(problem.task());
    CrossValidatedObjective objective = new CrossValidatedObjective(problem, model,
        Metric.defaultFor(problem.task()), plan(problem));
    // Row and feature sampling too: the first k rounds draw the same rows and features as a k-round fit.
    Map<String, Object> params = Map.of("trees", 40L, "learning_rate", 0.3, "subsample", 0.7,
        "colsample_bytree", 0.6);
    int[] counts = {1, 7, 20, 40};
    List<Map<Integer, FoldScore>> staged = objective.stagedScores(params, 5, counts, () -> false);
    for (int k : counts) {
      Map<String, Object> own = new HashMap<>(params);
      own.put("trees", (long) k);
      List<FoldScore> separate = objective.evaluate(own, new TrialContext(0, 5, () -> false));
      for (int f = 0; f < separate.size(); f++) {
        assertEquals(separate.get(f), staged.get(f).get(k), dataset + " k=" + k + " fold " + f);
      }
    }
    // The curve is not flat: the rounds do change the scores.
    assertTrue(staged.get(0).get(1).train() != staged.get(0).get(40).train());
  }

  @Test
  void aSeededStudyGivesTheSameScoresWithOneOrTwoWorkers() {
    LearningProblem problem = SampleData.problem("breast_cancer");
    ModelSpec model = xgboost(Task.CLASSIFICATION);
    StudyResult one = search(problem, model, 6, 1);
    StudyResult two = search(problem, model, 6, 2);
    for (int i = 0; i < 6; i++) {
      assertEquals(one.trials().get(i).params(), two.trials().get(i).params());
      assertEquals(one.trials().get(i).folds(), two.trials().get(i).folds(), "trial " + i);
    }
  }

  @Test
  void workersTimesThreadsPerFitStayWithinTheCores() throws Exception {
    LearningProblem problem = SampleData.problem("breast_cancer");
    Map<Integer, Integer> threadsSeen = new ConcurrentHashMap<>();
    ModelSpec base = xgboost(Task.CLASSIFICATION);
    StagedTrainer recording = (data, params) -> {
      threadsSeen.merge(data.threads(), 1, Integer::sum);
      return ((StagedTrainer) base.trainer()).fit(data, params);
    };
    ModelSpec model = new ModelSpec(base.id(), base.task(), base.name(), base.group(), base.description(),
        base.hyperParameters(), false, recording);
    int cores = Runtime.getRuntime().availableProcessors();
    CrossValidatedObjective objective = new CrossValidatedObjective(problem, model, Metric.ACCURACY, plan(problem));
    for (int workers : new int[] {1, 2, cores, 2 * cores}) {
      threadsSeen.clear();
      objective.forWorkers(workers).evaluate(Map.of("trees", 5L), new TrialContext(0, 1, () -> false));
      int threads = threadsSeen.keySet().iterator().next();
      assertEquals(1, threadsSeen.size());
      assertTrue(threads >= 1 && (workers * threads <= cores || threads == 1), workers + " x " + threads);
      assertEquals(Math.max(1, cores / workers), threads, "every core in use for " + workers + " workers");
    }
  }

  @Test
  void missingValuesReachXGBoostAsMissing() throws Exception {
    // x is missing exactly for class 1 and uniform on [0, 1] for class 0: the median a model without
    // native missing values gets in place of NaN lies amid class 0's values, so a single split (one stump)
    // separates the classes only when it sees "missing".
    int n = 300;
    double[] x = new double[n];
    String[] label = new String[n];
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < n; i++) {
      boolean one = i % 2 == 1;
      x[i] = one ? Double.NaN : random.nextDouble();
      label[i] = one ? "b" : "a";
    }
    List<Column> columns = new ArrayList<>();
    columns.add(new NumericColumn("x", x));
    columns.add(new CategoricalColumn("target", label));
    LearningProblem problem = LearningProblem.of(new Table(columns), "target", Optional.empty(), Optional.empty());
    ModelSpec model = xgboost(Task.CLASSIFICATION);
    CrossValidatedObjective objective = new CrossValidatedObjective(problem, model, Metric.ACCURACY, plan(problem));
    List<FoldScore> folds = objective.evaluate(Map.of("trees", 1L, "max_depth", 1L),
        new TrialContext(0, 1, () -> false));
    for (FoldScore f : folds) {
      assertEquals(1.0, f.validation(), 0.0, folds.toString());
    }
  }

  @Test
  void aGridOverXGBoostsTenDefaultRangesIsRefusedWithWhatToChange() {
    ModelSpec model = xgboost(Task.CLASSIFICATION);
    SearchSpace all = TuningSetup.space(model, Map.of(), false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SearchMethod.GRID.sampler(all, Direction.MAXIMIZE, 0, 5));
    assertTrue(e.getMessage().contains("10 searched parameters"), e.getMessage());
    assertTrue(e.getMessage().contains("9765625 points"), e.getMessage());
    assertTrue(e.getMessage().contains("random"), e.getMessage());
    // The grid (three parameters searched, the others at their defaults) runs as before.
    SearchSpace three = TuningSetup.space(model, Map.of("trees", new Distribution.Choice(List.of(50L, 100L)),
        "learning_rate", new Distribution.Choice(List.of(0.05, 0.1, 0.2)),
        "max_depth", new Distribution.Choice(List.of(2L, 3L))), true);
    assertEquals(12, new GridSampler(three, 5).points().size());
  }

  private static ModelSpec xgboost(Task task) {
    return CATALOG.find("xgboost", task).orElseThrow();
  }

  private static FoldPlan plan(LearningProblem problem) {
    return problem.task() == Task.CLASSIFICATION
        ? FoldPlan.stratified(problem.labels(), problem.numClasses(), 3) : FoldPlan.kFold(problem.rows(), 3);
  }

  private static StudyResult search(LearningProblem problem, ModelSpec model, int trials, int workers) {
    Metric metric = Metric.defaultFor(model.task());
    SearchSpace space = TuningSetup.space(model, Map.of(), false);
    Study study = new Study(model.id(), metric.id(), metric.direction(), space, new RandomSampler(space, 11),
        Budget.trials(trials), 11);
    try (CrossValidatedObjective objective =
             new CrossValidatedObjective(problem, model, metric, plan(problem)).forWorkers(workers)) {
      return new StudyRunner(workers).run(study, objective, StudyListener.NONE);
    }
  }
}
