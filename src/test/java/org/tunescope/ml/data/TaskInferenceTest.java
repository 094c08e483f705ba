package org.tunescope.ml.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tunescope.ml.Task;

class TaskInferenceTest {

  private static Task infer(double... values) {
    return TaskInference.inferTask(new NumericColumn("y", values));
  }

  @Test
  void categoricalIsClassification() {
    assertEquals(Task.CLASSIFICATION, TaskInference.inferTask(new CategoricalColumn("y", new String[] {"a", "b", null})));
  }

  @Test
  void threeIntegerCodesAreClassification() {
    assertEquals(Task.CLASSIFICATION, infer(0, 1, 2, 2, 1, 0, 0, 1, 2, Double.NaN));
  }

  @Test
  void continuousIsRegression() {
    assertEquals(Task.REGRESSION, infer(0.5, 1.25, 2, 2, 1, 0, 0, 1, 2));
  }

  @Test
  void manyDistinctIntegersAreRegression() {
    double[] v = new double[100];
    for (int i = 0; i < v.length; i++) {
      v[i] = i % 21;
    }
    assertEquals(Task.REGRESSION, infer(v));
    for (int i = 0; i < v.length; i++) {
      v[i] = i % 20;
    }
    assertEquals(Task.CLASSIFICATION, infer(v));
  }

  @Test
  void fewRowsWithDistinctIntegersAreRegression() {
    // 4 distinct values in 6 rows: not fewer than half the rows
    assertEquals(Task.REGRESSION, infer(3, 7, 12, 40, 3, 7));
  }

  @Test
  void allMissingIsRegression() {
    assertEquals(Task.REGRESSION, infer(Double.NaN, Double.NaN));
  }
}
