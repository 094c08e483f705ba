package org.tunescope.ml.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.Direction;
import org.tunescope.ml.Task;

/** Expected values were computed with scikit-learn 1.2 (sklearn.metrics) on the same inputs. */
class MetricTest {

  private static final double[] TRUTH = {0, 0, 1, 1, 2, 2, 2, 0};
  private static final double[] PREDICTED = {0, 1, 1, 1, 2, 0, 2, 2};

  @Test
  void classificationMetricsMatchScikitLearn() {
    assertEquals(0.625, Metric.ACCURACY.score(TRUTH, PREDICTED, null, 3), 1e-12);
    assertEquals(0.6666666666666666, Metric.BALANCED_ACCURACY.score(TRUTH, PREDICTED, null, 3), 1e-12);
    assertEquals(0.611111111111111, Metric.PRECISION.score(TRUTH, PREDICTED, null, 3), 1e-12);
    assertEquals(0.6666666666666666, Metric.RECALL.score(TRUTH, PREDICTED, null, 3), 1e-12);
    assertEquals(0.6222222222222222, Metric.F1.score(TRUTH, PREDICTED, null, 3), 1e-12);
  }

  @Test
  void probabilityMetricsMatchScikitLearn() {
    double[] truth = {0, 0, 1, 1, 1, 0};
    double[] p1 = {0.1, 0.4, 0.35, 0.8, 0.8, 0.8};
    double[][] probabilities = new double[6][];
    for (int i = 0; i < 6; i++) {
      probabilities[i] = new double[] {1 - p1[i], p1[i]};
    }
    assertEquals(0.6666666666666667, Metric.AUC.score(truth, null, probabilities, 2), 1e-12);
    assertEquals(0.6202888798308358, Metric.LOG_LOSS.score(truth, null, probabilities, 2), 1e-12);
  }

  @Test
  void regressionMetricsMatchScikitLearn() {
    double[] truth = {3, -0.5, 2, 7};
    double[] predicted = {2.5, 0, 2, 8};
    assertEquals(0.6123724356957945, Metric.RMSE.score(truth, predicted, null, 0), 1e-12);
    assertEquals(0.5, Metric.MAE.score(truth, predicted, null, 0), 1e-12);
    assertEquals(0.9486081370449679, Metric.R2.score(truth, predicted, null, 0), 1e-12);
  }

  @Test
  void eachMetricKnowsItsDirectionAndTask() {
    assertEquals(Direction.MAXIMIZE, Metric.ACCURACY.direction());
    assertEquals(Direction.MINIMIZE, Metric.LOG_LOSS.direction());
    assertEquals(Direction.MINIMIZE, Metric.RMSE.direction());
    assertEquals(Direction.MAXIMIZE, Metric.R2.direction());
    assertEquals(Optional.of(Metric.LOG_LOSS), Metric.find("log-loss"));
    assertTrue(Metric.RMSE.unfitFor(Task.CLASSIFICATION, 2).orElseThrow().contains("rmse is for regression"));
    assertTrue(Metric.AUC.unfitFor(Task.CLASSIFICATION, 3).isPresent());
    assertTrue(Metric.AUC.unfitFor(Task.CLASSIFICATION, 2).isEmpty());
  }
}
