package org.tunescope.ml.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.sampler.GridSampler;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.Study;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialContext;
import org.tunescope.engine.study.TrialState;
import org.tunescope.ml.Task;
import org.tunescope.ml.cv.FoldPlan;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.StagedTrainer;

class SharedEnsembleFitsTest {

  private static final LearningProblem CANCER = SampleData.problem("breast_cancer");
  private static final FoldPlan FOLDS = FoldPlan.stratified(CANCER.labels(), CANCER.numClasses(), 3);
  private static final ModelSpec FOREST = ModelCatalog.standard().find("random_forest", Task.CLASSIFICATION)
      .orElseThrow();

  @Test
  void aGridOverTreeCountsFitsEachGroupOncePerFoldAndScoresAsOwnFitsWould() {
    AtomicInteger fits = new AtomicInteger();
    ModelSpec counted = counting(FOREST, fits);
    SearchSpace space = counted.spaceSearchingOnly(Map.of(
        "trees", new Distribution.Choice(List.of(5L, 10L, 20L)),
        "max_depth", new Distribution.Choice(List.of(2L, 4L))));
    GridSampler grid = new GridSampler(space, 3);
    CrossValidatedObjective base = new CrossValidatedObjective(CANCER, counted, Metric.ACCURACY, FOLDS);
    CrossValidatedObjective shared = base.sharingEnsembleFits(grid.points(), 11);
    Study study = new Study("forest", "accuracy", Metric.ACCURACY.direction(), space, grid, Budget.unlimited(), 11);

    StudyResult result = new StudyRunner(2).run(study, shared, StudyListener.NONE);

    assertEquals(6, result.trials().size());
    assertTrue(result.trials().stream().allMatch(t -> t.state() == TrialState.COMPLETE));
    assertEquals(2 * 3, fits.get(), "one fit per depth and fold, not one per trial and fold");
    // Fitting each trial on its own with the same fold seeds gives the same scores: a plan whose only
    // group is another depth leaves these trials unshared.
    SearchSpace other = counted.spaceSearchingOnly(Map.of(
        "trees", new Distribution.Choice(List.of(5L, 20L)), "max_depth", new Distribution.Choice(List.of(8L))));
    CrossValidatedObjective alone = base.sharingEnsembleFits(new GridSampler(other, 3).points(), 11);
    for (Trial t : result.trials()) {
      assertEquals(t.folds(), evaluate(alone, t.params()), "trial " + t.params());
    }
    assertEquals(2 * 3 + 6 * 3, fits.get(), "the own fits were not shared");
    for (long depth : new long[] {2, 4}) {
      assertTrue(trial(result, 5, depth).fitSeconds() < trial(result, 20, depth).fitSeconds(),
          "a 5-tree trial is charged a quarter of its group's 20-tree fit, less than the 20-tree trial");
    }
  }

  @Test
  void searchesOtherThanAGridAndModelsOtherThanEnsemblesShareNothing() {
    CrossValidatedObjective forest = new CrossValidatedObjective(CANCER, FOREST, Metric.ACCURACY, FOLDS);
    assertSame(forest, forest.sharingEnsembleFits(List.of(Map.of("trees", 5L), Map.of("trees", 6L, "max_depth", 3L)), 1),
        "no two points differ only in trees");
    ModelSpec tree = ModelCatalog.standard().find("decision_tree", Task.CLASSIFICATION).orElseThrow();
    CrossValidatedObjective single = new CrossValidatedObjective(CANCER, tree, Metric.ACCURACY, FOLDS);
    assertSame(single, single.sharingEnsembleFits(List.of(Map.of("max_depth", 2L), Map.of("max_depth", 3L)), 1));
  }

  private static List<org.tunescope.engine.study.FoldScore> evaluate(CrossValidatedObjective objective,
      Map<String, Object> params) {
    try {
      return objective.evaluate(params, new TrialContext(0, 99, () -> false));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Trial trial(StudyResult result, long trees, long depth) {
    return result.trials().stream()
        .filter(t -> t.params().get("trees").equals(trees) && t.params().get("max_depth").equals(depth))
        .findFirst().orElseThrow();
  }

  private static ModelSpec counting(ModelSpec model, AtomicInteger fits) {
    StagedTrainer trainer = (StagedTrainer) model.trainer();
    return new ModelSpec(model.id(), model.task(), model.name(), model.group(), model.description(),
        model.hyperParameters(), model.needsStandardizing(), (StagedTrainer) (data, params) -> {
          fits.incrementAndGet();
          return trainer.fit(data, params);
        });
  }
}
