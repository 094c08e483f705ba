package org.tunescope.ml.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.sampler.GridSampler;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Study;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.Task;
import org.tunescope.ml.cv.FoldPlan;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;

/** The curve the app will draw: deeper trees fit the training rows ever better while validation peaks early. */
class OverfittingCurveTest {

  @Test
  void decisionTreeDepthShowsTrainRisingToOneWhileValidationPeaksAtASmallDepth() {
    LearningProblem problem = SampleData.problem("breast_cancer");
    ModelSpec tree = ModelCatalog.standard().find("decision_tree", Task.CLASSIFICATION).orElseThrow();
    SearchSpace space = tree.spaceSearchingOnly(Map.of("max_depth", new Distribution.IntRange(1, 20, false)));
    Study study = new Study("depth", "accuracy", Direction.MAXIMIZE, space, new GridSampler(space, 20),
        Budget.unlimited(), 0);
    CrossValidatedObjective objective = new CrossValidatedObjective(problem, tree, Metric.ACCURACY,
        FoldPlan.stratified(problem.labels(), problem.numClasses(), 5));
    StudyResult result = new StudyRunner(2).run(study, objective, StudyListener.NONE);

    List<Trial> byDepth = result.trials();
    assertEquals(20, byDepth.size());
    double[] train = byDepth.stream().mapToDouble(t -> t.train().mean()).toArray();
    double[] validation = byDepth.stream().mapToDouble(t -> t.validation().mean()).toArray();
    assertTrue(train[0] < 0.95, "a stump cannot fit the training rows: " + train[0]);
    assertEquals(1.0, train[19], 1e-12, "depth 20 fits every training row");
    for (int d = 1; d < 20; d++) {
      assertTrue(train[d] >= train[d - 1] - 1e-12, "train accuracy never falls with depth, depth " + (d + 1));
    }
    int peak = 0;
    for (int d = 1; d < 20; d++) {
      if (validation[d] > validation[peak]) {
        peak = d;
      }
    }
    int peakDepth = peak + 1;
    assertTrue(peakDepth <= 8, "validation peaks at a small depth, not " + peakDepth);
    assertTrue(validation[peak] - validation[19] > 0.005,
        "deep trees validate worse than the best: " + validation[peak] + " vs " + validation[19]);
    assertTrue(byDepth.get(19).gap(Direction.MAXIMIZE) > byDepth.get(peak).gap(Direction.MAXIMIZE),
        "the gap widens past the peak");
  }
}
