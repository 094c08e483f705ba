package org.tunescope.ml.tuning;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.DistanceTrainer;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.Params;
import org.tunescope.ml.models.SquaredDistances;
import org.tunescope.ml.models.TrainingData;

/**
 * Start-up work done on a second core while the command line loads its data and opens its store: the
 * caller's steps (the study database's driver), then one pass of fits of the study's model on a small
 * made-up problem, which loads its classes and native library (XGBoost's is extracted from the jar on first
 * use) before the study's first trials need them. Longer warm-up fits, meant to let the JIT compile Smile's
 * SVM solver early, made the SVM grid's whole run slower (4.96 s against 4.59 s, four alternating runs): they
 * compete with the study's own workers for the two cores, so there is one pass only. Nothing here touches the
 * study: the fits use their own rows and thread, and any failure is ignored (the study reports its own).
 */
public final class StartupWarmUp {

  /** Fits stop after this long, so that the thread does not compete with the study's workers. */
  static final long FIT_BUDGET_NANOS = 1_500_000_000L;
  /** Passes over the parameter values below: one loads what the fits use; more only compete with the study. */
  private static final int PASSES = 1;
  private static final int ROWS = 150;
  private static final int FEATURES = 10;

  private StartupWarmUp() {
  }

  /** Starts the warm-up on a daemon thread and returns it; the process never waits for it. */
  public static Thread start(String modelId, Runnable... steps) {
    Thread t = new Thread(() -> run(modelId, List.of(steps)), "tunescope-warm-up");
    t.setDaemon(true);
    t.start();
    return t;
  }

  static void run(String modelId, List<Runnable> steps) {
    for (Runnable step : steps) {
      quietly(step);
    }
    try {
      fits(modelId);
    } catch (Exception | LinkageError e) {
      // the study fits the same model and reports what went wrong
    }
  }

  /** Fits the model with a few values of its usual parameters; returns how many fits ran. */
  static int fits(String modelId) throws Exception {
    ModelCatalog catalog = ModelCatalog.standard();
    Optional<ModelSpec> found = catalog.find(modelId, Task.CLASSIFICATION).or(() -> catalog.find(modelId, Task.REGRESSION));
    if (found.isEmpty()) {
      return 0;
    }
    ModelSpec spec = found.get();
    Random rnd = new Random(0);
    double[][] x = new double[ROWS][FEATURES];
    double[] y = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      for (int j = 0; j < FEATURES; j++) {
        x[i][j] = rnd.nextGaussian();
      }
      double s = x[i][0] + 0.5 * x[i][1] * x[i][2] + 0.3 * rnd.nextGaussian();
      y[i] = spec.task() == Task.CLASSIFICATION ? (s > 0 ? 1 : 0) : s;
    }
    int split = ROWS * 4 / 5;
    double[][] train = java.util.Arrays.copyOf(x, split);
    double[] trainY = java.util.Arrays.copyOf(y, split);
    double[][] validation = java.util.Arrays.copyOfRange(x, split, ROWS);
    TrainingData data = new TrainingData(train, trainY, spec.task() == Task.CLASSIFICATION ? 2 : 0,
        java.util.stream.IntStream.range(0, FEATURES).mapToObj(j -> "x" + j).toList(), 0);
    Optional<SquaredDistances> distances = spec.trainer() instanceof DistanceTrainer
        ? Optional.of(SquaredDistances.of(train, validation)) : Optional.empty();
    long start = System.nanoTime();
    int n = 0;
    // Values across a grid's usual ranges: small C makes every row a support vector, large C and gamma
    // run the solver longest. Names a model does not have are ignored.
    double[] cs = {0.01, 1, 100};
    double[] gammas = {0.001, 0.1, 10};
    for (int round = 0; round < PASSES && System.nanoTime() - start < FIT_BUDGET_NANOS; round++) {
      for (double c : cs) {
        for (double gamma : gammas) {
          if (System.nanoTime() - start >= FIT_BUDGET_NANOS) {
            return n;
          }
          Params params = spec.withDefaults(Map.of("C", c, "gamma", gamma, "trees", 20));
          var model = distances.isPresent() && ((DistanceTrainer) spec.trainer()).usesDistances(params)
              ? ((DistanceTrainer) spec.trainer()).fit(data, params, distances.get())
              : spec.trainer().fit(data, params);
          model.predict(validation);
          n++;
        }
      }
    }
    return n;
  }

  private static void quietly(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException | LinkageError e) {
      // a warm-up step that fails costs nothing: the study does the same work and reports its own errors
    }
  }
}
