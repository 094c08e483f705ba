package org.tunescope.ml.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.TestScore;
import org.tunescope.ml.Task;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;

/** Refit on the tuning rows, score once on the held-out rows. */
class HeldOutCheckTest {

  private final ModelCatalog catalog = ModelCatalog.standard();

  @Test
  void aDeepTreeFitsItsTuningRowsButScoresLessOnTheTestRows() {
    LearningProblem cancer = SampleData.problem("breast_cancer");
    HoldOutSplit split = HoldOutSplit.of(cancer, 0.2, 0);
    ModelSpec tree = catalog.find("decision_tree", Task.CLASSIFICATION).orElseThrow();
    TestScore score = HeldOutCheck.check(cancer, split, tree, Metric.ACCURACY, 0,
        Map.of("max_depth", 20L), 0.93, 0);
    assertEquals(1.0, score.train(), 1e-12, "the refit learns every tuning row");
    assertTrue(score.test() > 0.85 && score.test() < 1.0, "test accuracy " + score.test());
    assertEquals(split.test().length, score.testRows());
    assertEquals(split.tuning().length, score.tuningRows());
    assertEquals(0.93 - score.test(), score.optimism(), 1e-12);
    assertEquals(score, HeldOutCheck.check(cancer, split, tree, Metric.ACCURACY, 0, Map.of("max_depth", 20L), 0.93, 0),
        "the same seed gives the same score");
  }

  @Test
  void standardisingIsLearnedFromTheTuningRowsAndTheSvmScoresWellOnTheTestRows() {
    LearningProblem cancer = SampleData.problem("breast_cancer");
    HoldOutSplit split = HoldOutSplit.of(cancer, 0.2, 1);
    ModelSpec svm = catalog.find("svm", Task.CLASSIFICATION).orElseThrow();
    TestScore score = HeldOutCheck.check(cancer, split, svm, Metric.ACCURACY, 0,
        Map.of("kernel", "rbf", "C", 10.0, "gamma", 0.01), 0.97, 1);
    assertTrue(score.test() > 0.94, "test accuracy " + score.test());
  }

  @Test
  void regressionScoresTheTestRowsWithTheMetric() {
    LearningProblem diabetes = SampleData.problem("diabetes");
    HoldOutSplit split = HoldOutSplit.of(diabetes, 0.2, 0);
    ModelSpec ridge = catalog.find("ridge", Task.REGRESSION).orElseThrow();
    TestScore score = HeldOutCheck.check(diabetes, split, ridge, Metric.R2, 0, Map.of(), 0.45, 0);
    assertTrue(score.test() > 0.3 && score.test() < 0.7, "test r2 " + score.test());
    assertTrue(score.train() > 0.4, "train r2 " + score.train());
  }
}
