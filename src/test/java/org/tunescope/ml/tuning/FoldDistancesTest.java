package org.tunescope.ml.tuning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.sampler.GridSampler;
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
import org.tunescope.ml.models.SquaredDistances;

/**
 * The folds' squared distances serve an rbf SVM's kernel: the same fold scores as the kernel computed from
 * the features, shared by a study's trials, released at its end, and left out when they would not fit.
 */
class FoldDistancesTest {

  private static final LearningProblem CANCER = SampleData.problem("breast_cancer");
  private static final LearningProblem WINE = SampleData.problem("wine");
  private static final LearningProblem DIABETES = SampleData.problem("diabetes");

  /** Grid points that ask each gamma more than once, as a grid does: the second ask gets a kernel matrix. */
  private static final List<Map<String, Object>> POINTS = List.of(
      svm(0.01, 1e-4), svm(1.0, 0.03), svm(1000, 10), svm(10, 0.03), svm(0.1, 1e-4), svm(1000, 0.03),
      svm(1.0, 10));

  private static Map<String, Object> svm(double c, double gamma) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("kernel", "rbf");
    p.put("C", c);
    p.put("gamma", gamma);
    return p;
  }

  private static ModelSpec model(Task task) {
    return ModelCatalog.standard().find("svm", task).orElseThrow();
  }

  /** The same model with a plain trainer: every kernel value computed from the feature rows. */
  private static ModelSpec direct(ModelSpec model) {
    return new ModelSpec(model.id(), model.task(), model.name(), model.group(), model.description(),
        model.hyperParameters(), model.needsStandardizing(), (data, params) -> model.trainer().fit(data, params));
  }

  private static FoldPlan folds(LearningProblem problem, int k) {
    return problem.task() == Task.CLASSIFICATION ? FoldPlan.stratified(problem.labels(), problem.numClasses(), k)
        : FoldPlan.kFold(problem.rows(), k);
  }

  private static List<FoldScore> evaluate(CrossValidatedObjective objective, Map<String, Object> params)
      throws Exception {
    return objective.evaluate(params, new TrialContext(0, 7, () -> false));
  }

  private static void assertSameScores(LearningProblem problem, Metric metric, FoldDistances distances)
      throws Exception {
    ModelSpec model = model(problem.task());
    FoldPlan plan = folds(problem, 5);
    CrossValidatedObjective cached = new CrossValidatedObjective(problem, model, metric, plan, distances);
    CrossValidatedObjective plain = new CrossValidatedObjective(problem, direct(model), metric, plan);
    for (Map<String, Object> p : POINTS) {
      assertEquals(evaluate(plain, p), evaluate(cached, p), problem.targetName() + " " + metric.id() + " " + p);
    }
  }

  @Test
  void theCachedDistancesGiveTheFoldScoresOfTheKernelComputedFromTheFeatures() throws Exception {
    FoldDistances distances = new FoldDistances();
    assertSameScores(CANCER, Metric.ACCURACY, distances);
    assertTrue(distances.bytesInUse() > 5 * SquaredDistances.bytes(CANCER.rows()),
        "the distances of 5 folds and kernel matrices of the gammas asked twice were used");
    // Log loss scores the Platt-scaled decision values themselves, not only their signs.
    assertSameScores(CANCER, Metric.LOG_LOSS, new FoldDistances());
    assertSameScores(WINE, Metric.ACCURACY, new FoldDistances()); // three machines, one per class
    assertSameScores(DIABETES, Metric.RMSE, new FoldDistances()); // support vector regression
  }

  @Test
  void subsamplesOfAFoldLookUpTheFoldsDistancesAndOtherKernelsComputeTheirOwn() throws Exception {
    FoldDistances distances = new FoldDistances();
    ModelSpec model = model(Task.CLASSIFICATION);
    FoldPlan plan = folds(CANCER, 3);
    CrossValidatedObjective cached = new CrossValidatedObjective(CANCER, model, Metric.ACCURACY, plan, distances);
    CrossValidatedObjective plain = new CrossValidatedObjective(CANCER, direct(model), Metric.ACCURACY, plan);
    for (double budget : new double[] {1.0 / 3, 0.5}) {
      TrialContext context = new TrialContext(0, 3, () -> false, budget);
      Map<String, Object> p = svm(1, budget / 10); // a gamma asked once: no kernel matrix
      assertEquals(plain.evaluate(p, context), cached.evaluate(p, context), "budget " + budget);
    }
    assertEquals(3 * SquaredDistances.bytes(CANCER.rows()), distances.bytesInUse(),
        "the subsamples use their full fold's distances, computed once");
    Map<String, Object> laplacian = new LinkedHashMap<>(svm(1, 0.03));
    laplacian.put("kernel", "laplacian");
    assertEquals(evaluate(plain, laplacian), evaluate(cached, laplacian));
    assertEquals(3 * SquaredDistances.bytes(CANCER.rows()), distances.bytesInUse(), "no distances for laplacian");
  }

  @Test
  void aStudysTrialsShareEachFoldsDistancesAndTheEndOfTheStudyReleasesThem() throws Exception {
    ModelSpec model = model(Task.CLASSIFICATION);
    SearchSpace space = model.spaceSearchingOnly(Map.of("kernel", new Distribution.Choice(List.of("rbf")),
        "C", new Distribution.Choice(List.of(0.1, 10.0)), "gamma", new Distribution.Choice(List.of(1e-3, 0.1))));
    GridSampler grid = new GridSampler(space, 2);
    FoldPlan plan = folds(CANCER, 5);
    CrossValidatedObjective objective = new CrossValidatedObjective(CANCER, model, Metric.ACCURACY, plan);
    Study study = new Study("svm", "accuracy", Metric.ACCURACY.direction(), space, grid, Budget.unlimited(), 5);

    StudyResult result = new StudyRunner(2).run(study, objective, StudyListener.NONE);

    assertEquals(4, result.trials().size());
    long distances = 5 * SquaredDistances.bytes(CANCER.rows());
    // Every gamma was asked twice per fold (once per C): distances once per fold, one kernel matrix per gamma.
    assertEquals(distances + 2 * distances, objective.distanceBytes());
    objective.close();
    assertEquals(0, objective.distanceBytes(), "released at the end of the study");
    // Still usable afterwards (a chart of the finished study): computed again, the same scores.
    Trial first = result.trials().get(0);
    assertEquals(first.folds(), objective.evaluate(first.params(), new TrialContext(first.number(), first.seed(),
        () -> false)));
    assertEquals(distances, objective.distanceBytes());
  }

  @Test
  void foldsBeyondTheBudgetFallBackToTheKernelComputedFromTheFeatures() throws Exception {
    long oneFold = SquaredDistances.bytes(CANCER.rows());
    // No room at all: every fit computes its kernel from the features.
    FoldDistances none = new FoldDistances(oneFold - 1);
    assertSameScores(CANCER, Metric.ACCURACY, none);
    assertEquals(0, none.bytesInUse());
    // Room for the distances of two folds: the others and every kernel matrix are left out.
    FoldDistances two = new FoldDistances(2 * oneFold);
    assertSameScores(CANCER, Metric.ACCURACY, two);
    assertEquals(2 * oneFold, two.bytesInUse());
  }

  @Test
  void aModelFittedOnIndexRowsPredictsRowsFromElsewhereToo() throws Exception {
    ModelSpec model = model(Task.CLASSIFICATION);
    FoldPlan plan = folds(CANCER, 5);
    CrossValidatedObjective cached = new CrossValidatedObjective(CANCER, model, Metric.LOG_LOSS, plan);
    FoldData fold = cached.fold(0);
    org.tunescope.ml.models.DistanceTrainer trainer = (org.tunescope.ml.models.DistanceTrainer) model.trainer();
    SquaredDistances distances = SquaredDistances.of(fold.xTrain(), fold.xValidation());
    var data = new org.tunescope.ml.models.TrainingData(fold.xTrain(), fold.yTrain(), CANCER.numClasses(),
        fold.featureNames(), 1);
    var params = model.withDefaults(svm(10, 0.03));
    smile.math.MathEx.setSeed(1);
    var onIndexRows = trainer.fit(data, params, distances);
    // New row arrays with the same values: not rows of the fold, so scored on the feature rows.
    double[][] copies = Arrays.stream(fold.xValidation()).map(double[]::clone).toArray(double[][]::new);
    assertTrue(distances.indexRows(copies).isEmpty());
    assertArrayEquals(onIndexRows.predict(fold.xValidation()), onIndexRows.predict(copies));
    double[][] p = onIndexRows.probabilities(fold.xValidation()).orElseThrow();
    double[][] q = onIndexRows.probabilities(copies).orElseThrow();
    for (int i = 0; i < p.length; i++) {
      assertArrayEquals(p[i], q[i], 0.0);
    }
    List<double[]> rows = new ArrayList<>(Arrays.asList(fold.xValidation()));
    assertTrue(distances.indexRows(rows.toArray(double[][]::new)).isPresent(), "same row arrays, another matrix");
  }
}
