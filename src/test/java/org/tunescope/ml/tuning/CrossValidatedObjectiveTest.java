package org.tunescope.ml.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.TrialContext;
import org.tunescope.engine.study.TrialCancelledException;
import org.tunescope.ml.Task;
import org.tunescope.ml.cv.Fold;
import org.tunescope.ml.cv.FoldPlan;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.data.NumericColumn;
import org.tunescope.ml.data.Table;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.FittedModel;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.TrainingData;

class CrossValidatedObjectiveTest {

  // The feature's scale differs wildly between the halves: statistics from all rows would be visible.
  private static final Table TABLE = new Table(List.of(
      new NumericColumn("x", new double[] {1, 2, 3, 4, 100, 200, 300, 400}),
      new NumericColumn("target", new double[] {0, 0, 1, 1, 0, 0, 1, 1})));
  private static final LearningProblem PROBLEM = LearningProblem.of(TABLE, "target", Optional.of(Task.CLASSIFICATION),
      Optional.empty());

  /** A model that predicts class 1 above the training mean of x, and records what it was trained on. */
  private static ModelSpec spy(List<TrainingData> seen) {
    return new ModelSpec("spy", Task.CLASSIFICATION, "Spy", "Test", "records its training data", List.of(), true,
        (data, params) -> {
          seen.add(data);
          double mean = Arrays.stream(data.x()).mapToDouble(r -> r[0]).average().orElseThrow();
          return new FittedModel() {
            @Override
            public double[] predict(double[][] x) {
              return Arrays.stream(x).mapToDouble(r -> r[0] > mean ? 1 : 0).toArray();
            }
          };
        });
  }

  @Test
  void eachFoldIsStandardisedWithItsOwnTrainingRowsOnly() throws Exception {
    List<TrainingData> seen = new ArrayList<>();
    FoldPlan halves = new FoldPlan(List.of(new Fold(new int[] {0, 1, 2, 3}, new int[] {4, 5, 6, 7}),
        new Fold(new int[] {4, 5, 6, 7}, new int[] {0, 1, 2, 3})), "halves");
    CrossValidatedObjective objective = new CrossValidatedObjective(PROBLEM, spy(seen), Metric.ACCURACY, halves);
    List<FoldScore> scores = objective.evaluate(Map.of(), new TrialContext(0, 1, () -> false));
    assertEquals(2, seen.size());
    for (TrainingData d : seen) {
      double mean = Arrays.stream(d.x()).mapToDouble(r -> r[0]).average().orElseThrow();
      double var = Arrays.stream(d.x()).mapToDouble(r -> (r[0] - mean) * (r[0] - mean)).average().orElseThrow();
      assertEquals(0, mean, 1e-12, "centred on its own training rows");
      assertEquals(1, var, 1e-12, "scaled by its own training rows");
      assertEquals(4, d.rows(), "trained on the training rows alone");
    }
    assertEquals(new FoldScore(1.0, 0.5), scores.get(0),
        "validation rows (100..400) all lie above the training mean: predicted 1, half right");
  }

  @Test
  void aPartialBudgetTrainsOnThatFractionOfTheTrainingRowsPerClassAndTheSameRowsEachTime() throws Exception {
    List<TrainingData> seen = new ArrayList<>();
    FoldPlan halves = new FoldPlan(List.of(new Fold(new int[] {0, 1, 2, 3}, new int[] {4, 5, 6, 7}),
        new Fold(new int[] {4, 5, 6, 7}, new int[] {0, 1, 2, 3})), "halves");
    CrossValidatedObjective objective = new CrossValidatedObjective(PROBLEM, spy(seen), Metric.ACCURACY, halves);
    objective.evaluate(Map.of(), new TrialContext(0, 1, () -> false, 0.5));
    objective.evaluate(Map.of(), new TrialContext(1, 2, () -> false, 0.5));
    assertEquals(4, seen.size());
    for (TrainingData d : seen) {
      assertEquals(2, d.rows(), "half of 4 training rows");
      assertEquals(1, Arrays.stream(d.labels()).sum(), "one row of each class");
    }
    assertEquals(Arrays.deepToString(seen.get(0).x()), Arrays.deepToString(seen.get(2).x()), "same rows for every trial");
  }

  @Test
  void noFoldStartsOnceCancelled() {
    List<TrainingData> seen = new ArrayList<>();
    FoldPlan plan = FoldPlan.stratified(PROBLEM.labels(), 2, 2);
    CrossValidatedObjective objective = new CrossValidatedObjective(PROBLEM, spy(seen), Metric.ACCURACY, plan);
    assertThrows(TrialCancelledException.class,
        () -> objective.evaluate(Map.of(), new TrialContext(0, 1, () -> true)));
    assertEquals(0, seen.size());
  }
}
