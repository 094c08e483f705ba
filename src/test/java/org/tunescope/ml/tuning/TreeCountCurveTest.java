package org.tunescope.ml.tuning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.TrialContext;
import org.tunescope.ml.Task;
import org.tunescope.ml.cv.FoldPlan;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;

class TreeCountCurveTest {

  private static final ModelCatalog CATALOG = ModelCatalog.standard();

  @Test
  void countsStartAtOneTreeAndEndAtTheTrialsCount() {
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8}, TreeCountCurve.counts(8, 30));
    int[] counts = TreeCountCurve.counts(500, 30);
    assertEquals(1, counts[0]);
    assertEquals(500, counts[counts.length - 1]);
    assertTrue(counts.length <= 30 && counts.length >= 25, "about 30 counts: " + counts.length);
    for (int i = 1; i < counts.length; i++) {
      assertTrue(counts[i] > counts[i - 1], "ascending and distinct");
    }
  }

  /**
   * The curve's point at k trees is exactly what a fit of k trees scores: the first k trees of a fit
   * are the model of k trees (same seed), for every ensemble of the catalog.
   */
  @ParameterizedTest
  @CsvSource({
      "random_forest, CLASSIFICATION, breast_cancer, accuracy",
      "gradient_boosting, CLASSIFICATION, iris, log_loss",
      "adaboost, CLASSIFICATION, breast_cancer, accuracy",
      "random_forest, REGRESSION, diabetes, r2",
      "gradient_boosting, REGRESSION, diabetes, rmse"})
  void eachPointIsTheScoreOfAFitWithThatManyTrees(String id, Task task, String data, String metric)
      throws Exception {
    LearningProblem problem = SampleData.problem(data);
    ModelSpec model = CATALOG.find(id, task).orElseThrow();
    CrossValidatedObjective objective = new CrossValidatedObjective(problem, model, Metric.find(metric).orElseThrow(),
        task == Task.CLASSIFICATION ? FoldPlan.stratified(problem.labels(), problem.numClasses(), 3)
            : FoldPlan.kFold(problem.rows(), 3));
    Map<String, Object> params = Map.of("trees", 12L, "max_depth", 3L);
    List<TreeCountCurve.Point> curve = TreeCountCurve.compute(objective, model, params, 7, () -> false);
    assertEquals(12, curve.size(), "1 to 12 trees");
    for (int k : new int[] {1, 5, 12}) {
      List<FoldScore> own = objective.evaluate(Map.of("trees", (long) k, "max_depth", 3L),
          new TrialContext(0, 7, () -> false));
      TreeCountCurve.Point point = curve.get(k - 1);
      assertEquals(k, point.trees());
      for (int f = 0; f < own.size(); f++) {
        assertEquals(own.get(f).train(), point.train().folds().get(f), 1e-12, id + " train, " + k + " trees, fold " + f);
        assertEquals(own.get(f).validation(), point.validation().folds().get(f), 1e-12,
            id + " validation, " + k + " trees, fold " + f);
      }
    }
  }

  @Test
  void aForestsValidationScoreLevelsOffAsTreesAreAdded() throws Exception {
    LearningProblem cancer = SampleData.problem("breast_cancer");
    ModelSpec forest = CATALOG.find("random_forest", Task.CLASSIFICATION).orElseThrow();
    CrossValidatedObjective objective = new CrossValidatedObjective(cancer, forest, Metric.ACCURACY,
        FoldPlan.stratified(cancer.labels(), cancer.numClasses(), 5));
    List<TreeCountCurve.Point> curve = TreeCountCurve.compute(objective, forest, Map.of("trees", 60L), 1, () -> false);
    double one = curve.get(0).validation().mean();
    double all = curve.get(curve.size() - 1).validation().mean();
    assertTrue(all > one + 0.02, "many trees validate better than one: " + one + " -> " + all);
    assertTrue(curve.get(curve.size() - 1).train().mean() > 0.99, "a grown forest fits its training rows");
  }

  @Test
  void modelsThatAreNoEnsembleHaveNoCurve() {
    ModelSpec svm = CATALOG.find("svm", Task.CLASSIFICATION).orElseThrow();
    assertFalse(TreeCountCurve.appliesTo(svm));
    LearningProblem cancer = SampleData.problem("breast_cancer");
    CrossValidatedObjective objective = new CrossValidatedObjective(cancer, svm, Metric.ACCURACY,
        FoldPlan.stratified(cancer.labels(), cancer.numClasses(), 3));
    assertThrows(IllegalArgumentException.class, () -> TreeCountCurve.compute(objective, svm, Map.of(), 1, () -> false));
  }
}
