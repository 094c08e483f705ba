package org.tunescope.ml.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.sampler.RandomSampler;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.Study;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;
import org.tunescope.ml.Task;
import org.tunescope.ml.cv.FoldPlan;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;

/** Every model of the catalog runs a real search over its default space. */
class CatalogSearchTest {

  private static final LearningProblem CANCER = SampleData.problem("breast_cancer");
  private static final LearningProblem DIABETES = SampleData.problem("diabetes");

  static Stream<ModelSpec> models() {
    return ModelCatalog.standard().models().stream();
  }

  @Test
  void theCatalogCoversBothTasks() {
    ModelCatalog catalog = ModelCatalog.standard();
    for (String id : new String[] {"decision_tree", "random_forest", "gradient_boosting", "adaboost", "svm",
        "logistic_regression", "knn", "mlp"}) {
      assertTrue(catalog.find(id, Task.CLASSIFICATION).isPresent(), id);
    }
    for (String id : new String[] {"linear", "ridge", "lasso", "elastic_net", "polynomial", "decision_tree",
        "random_forest", "gradient_boosting", "svm", "gaussian_process", "mlp"}) {
      assertTrue(catalog.find(id, Task.REGRESSION).isPresent(), id);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void eachModelCompletesAThreeTrialRandomSearch(ModelSpec model) {
    StudyResult result = search(model, 3, 2);
    assertEquals(3, result.trials().size());
    for (Trial t : result.trials()) {
      assertEquals(TrialState.COMPLETE, t.state(), model.id() + " trial " + t.number() + ": " + t.error().orElse(""));
      assertEquals(3, t.folds().size());
      assertTrue(Double.isFinite(t.train().mean()) && Double.isFinite(t.validation().mean()));
    }
    double best = result.best().orElseThrow().validation().mean();
    if (model.task() == Task.CLASSIFICATION) {
      assertTrue(best > 0.7, model.id() + " best accuracy " + best);
    } else {
      assertTrue(best > 0.0, model.id() + " best r2 " + best);
    }
  }

  @Test
  void seededModelsGiveTheSameScoresWhateverTheNumberOfWorkers() {
    for (String id : new String[] {"random_forest", "mlp", "svm"}) {
      ModelSpec model = ModelCatalog.standard().find(id, Task.CLASSIFICATION).orElseThrow();
      StudyResult one = search(model, 4, 1);
      StudyResult two = search(model, 4, 2);
      for (int i = 0; i < 4; i++) {
        assertEquals(one.trials().get(i).params(), two.trials().get(i).params(), id);
        assertEquals(one.trials().get(i).folds(), two.trials().get(i).folds(), id + " trial " + i);
      }
    }
  }

  private static StudyResult search(ModelSpec model, int trials, int workers) {
    LearningProblem problem = model.task() == Task.CLASSIFICATION ? CANCER : DIABETES;
    Metric metric = Metric.defaultFor(model.task());
    var space = TuningSetup.space(model, Map.of(), false);
    Study study = new Study(model.id(), metric.id(), metric.direction(), space, new RandomSampler(space, 11),
        Budget.trials(trials), 11);
    FoldPlan folds = model.task() == Task.CLASSIFICATION
        ? FoldPlan.stratified(problem.labels(), problem.numClasses(), 3) : FoldPlan.kFold(problem.rows(), 3);
    assertFalse(space.parameters().isEmpty() && !model.hyperParameters().isEmpty());
    return new StudyRunner(workers).run(study, new CrossValidatedObjective(problem, model, metric, folds),
        StudyListener.NONE);
  }
}
