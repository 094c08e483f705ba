package org.tunescope.ml.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.TrialContext;
import org.tunescope.ml.Task;
import org.tunescope.ml.cv.FoldPlan;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;

class LearningCurveTest {

  @Test
  void aDeepTreeFitsItsTrainingRowsAtEverySizeWhileValidationImprovesWithMoreRows() throws Exception {
    LearningProblem cancer = SampleData.problem("breast_cancer");
    ModelSpec tree = ModelCatalog.standard().find("decision_tree", Task.CLASSIFICATION).orElseThrow();
    CrossValidatedObjective objective = new CrossValidatedObjective(cancer, tree, Metric.ACCURACY,
        FoldPlan.stratified(cancer.labels(), cancer.numClasses(), 5));
    Map<String, Object> params = Map.of("max_depth", 20L);
    List<LearningCurve.Point> curve = LearningCurve.compute(objective, params, 3, LearningCurve.DEFAULT_FRACTIONS,
        () -> false);
    assertEquals(8, curve.size());
    assertEquals(0.1, curve.get(0).fraction(), 1e-12);
    assertEquals(1.0, curve.get(7).fraction(), 1e-12);
    assertEquals(455, curve.get(7).trainRows(), "4/5 of 569 rows");
    for (LearningCurve.Point p : curve) {
      assertEquals(1.0, p.train().mean(), 1e-12, "a deep tree learns every row it sees");
      assertEquals(5, p.validation().folds().size());
    }
    assertTrue(curve.get(7).validation().mean() > curve.get(0).validation().mean(),
        "more rows validate better: " + curve.get(0).validation().mean() + " -> " + curve.get(7).validation().mean());
    List<FoldScore> full = objective.evaluate(params, new TrialContext(0, 3, () -> false));
    assertEquals(full.stream().mapToDouble(FoldScore::validation).average().orElseThrow(),
        curve.get(7).validation().mean(), 1e-12, "at 100 % the curve is the trial's own score");
  }
}
