package org.tunescope.ml.models.xgboost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.FittedModel;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.TrainingData;

/** A fold's training matrix is built once, shared by every fit on it, and freed when released. */
class SharedMatricesTest {

  private static final ModelSpec MODEL = ModelCatalog.standard().find("xgboost", Task.CLASSIFICATION).orElseThrow();

  @Test
  void fitsOnTheSameRowsShareOneMatrixPerMaxBinUntilReleased() throws Exception {
    double[][] x = rows(400, 6, 1);
    double[] y = labels(x);
    for (int seed = 0; seed < 5; seed++) {
      double[] shared = predict(data(x, y, seed, true), Map.of("trees", 8L, "subsample", 0.8));
      double[] own = predict(data(x, y, seed, false), Map.of("trees", 8L, "subsample", 0.8));
      assertArrayEquals(own, shared, "a shared matrix fits as a private one");
    }
    assertEquals(1, SharedMatrices.sharedFor(x), "five fits, one matrix");

    for (long bins : new long[] {16, 32, 64, 100, 128}) {
      predict(data(x, y, 0, true), Map.of("trees", 3L, "max_bin", bins));
    }
    assertEquals(SharedMatrices.BINS_PER_ROWS, SharedMatrices.sharedFor(x),
        "one per max_bin, at most " + SharedMatrices.BINS_PER_ROWS + " (the others are private to their fit)");

    MODEL.trainer().release(x);
    assertEquals(0, SharedMatrices.sharedFor(x));
    predict(data(x, y, 0, true), Map.of("trees", 3L));
    assertEquals(1, SharedMatrices.sharedFor(x), "built again after a release");
    MODEL.trainer().release(x);
  }

  @Test
  void concurrentFitsOnAFreshMatrixGiveTheScoresOfSeparateOnes() throws Exception {
    double[][] x = rows(3000, 10, 2);
    double[] y = labels(x);
    List<Map<String, Object>> params = IntStream.range(0, 6)
        .mapToObj(i -> Map.<String, Object>of("trees", 20L, "max_depth", 2L + i % 3, "colsample_bytree", 0.7))
        .toList();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<double[]>> shared = params.stream()
          .map(p -> pool.submit(() -> predict(data(x, y, 7, true), p))).toList();
      for (int i = 0; i < params.size(); i++) {
        assertArrayEquals(predict(data(x, y, 7, false), params.get(i)), shared.get(i).get(), "fit " + i);
      }
    } finally {
      pool.shutdownNow();
      MODEL.trainer().release(x);
    }
  }

  private static double[] predict(TrainingData data, Map<String, Object> params) throws Exception {
    try (FittedModel fitted = MODEL.trainer().fit(data, MODEL.withDefaults(new HashMap<>(params)))) {
      return fitted.probabilities(data.x()).orElseThrow()[0].clone();
    }
  }

  private static TrainingData data(double[][] x, double[] y, long seed, boolean reused) {
    List<String> names = IntStream.range(0, x[0].length).mapToObj(j -> "f" + j).toList();
    return new TrainingData(x, y, 2, names, seed, 1, reused);
  }

  private static double[][] rows(int n, int p, long seed) {
    java.util.Random random = new java.util.Random(seed);
    double[][] x = new double[n][p];
    for (double[] row : x) {
      for (int j = 0; j < p; j++) {
        row[j] = random.nextDouble() < 0.05 ? Double.NaN : random.nextGaussian();
      }
    }
    return x;
  }

  private static double[] labels(double[][] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double s = 0;
      for (int j = 0; j < x[i].length; j++) {
        s += Double.isNaN(x[i][j]) ? 0.5 : x[i][j] * (j % 3 - 1);
      }
      y[i] = s > 0 ? 1 : 0;
    }
    return y;
  }
}
