package org.tunescope.ml.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.tunescope.engine.study.Direction;
import org.tunescope.ml.Task;

/**
 * A score of predictions against the truth, for one task, with the direction that is better.
 * Classification metrics take class indices; AUC and log loss take class probabilities.
 */
public enum Metric {
  ACCURACY("accuracy", Task.CLASSIFICATION, Direction.MAXIMIZE, false),
  BALANCED_ACCURACY("balanced_accuracy", Task.CLASSIFICATION, Direction.MAXIMIZE, false),
  PRECISION("precision", Task.CLASSIFICATION, Direction.MAXIMIZE, false),
  RECALL("recall", Task.CLASSIFICATION, Direction.MAXIMIZE, false),
  F1("f1", Task.CLASSIFICATION, Direction.MAXIMIZE, false),
  AUC("auc", Task.CLASSIFICATION, Direction.MAXIMIZE, true),
  LOG_LOSS("log_loss", Task.CLASSIFICATION, Direction.MINIMIZE, true),
  RMSE("rmse", Task.REGRESSION, Direction.MINIMIZE, false),
  MAE("mae", Task.REGRESSION, Direction.MINIMIZE, false),
  R2("r2", Task.REGRESSION, Direction.MAXIMIZE, false);

  private static final double EPS = 1e-15;

  private final String id;
  private final Task task;
  private final Direction direction;
  private final boolean needsProbabilities;

  Metric(String id, Task task, Direction direction, boolean needsProbabilities) {
    this.id = id;
    this.task = task;
    this.direction = direction;
    this.needsProbabilities = needsProbabilities;
  }

  /** The name on the command line and in results. */
  public String id() {
    return id;
  }

  public Task task() {
    return task;
  }

  public Direction direction() {
    return direction;
  }

  /** Whether the metric scores class probabilities rather than predicted classes. */
  public boolean needsProbabilities() {
    return needsProbabilities;
  }

  /** The metric a study uses when the user names none. */
  public static Metric defaultFor(Task task) {
    return task == Task.CLASSIFICATION ? ACCURACY : R2;
  }

  public static Optional<Metric> find(String id) {
    String key = id.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(values()).filter(m -> m.id.equals(key)).findFirst();
  }

  /**
   * Why this metric cannot score a problem, if it cannot: a regression metric on classes, AUC on more
   * than two classes.
   */
  public Optional<String> unfitFor(Task problemTask, int numClasses) {
    if (problemTask != task) {
      return Optional.of("metric " + id + " is for " + task.id() + ", but the target makes this a "
          + problemTask.id() + " problem");
    }
    if (this == AUC && numClasses != 2) {
      return Optional.of("metric auc needs a target with two classes, this one has " + numClasses);
    }
    return Optional.empty();
  }

  /**
   * Scores predictions.
   *
   * @param truth         true class indices (as doubles) or values
   * @param predicted     predicted class indices or values
   * @param probabilities class probabilities per row, required when {@link #needsProbabilities()}
   * @param numClasses    number of classes (0 for regression)
   */
  public double score(double[] truth, double[] predicted, double[][] probabilities, int numClasses) {
    if (truth.length == 0) {
      return Double.NaN;
    }
    return switch (this) {
      case ACCURACY -> accuracy(truth, predicted);
      case BALANCED_ACCURACY -> macro(truth, predicted, numClasses, Kind.RECALL, true);
      case PRECISION -> macro(truth, predicted, numClasses, Kind.PRECISION, false);
      case RECALL -> macro(truth, predicted, numClasses, Kind.RECALL, false);
      case F1 -> macro(truth, predicted, numClasses, Kind.F1, false);
      case AUC -> auc(truth, requireProbabilities(probabilities));
      case LOG_LOSS -> logLoss(truth, requireProbabilities(probabilities));
      case RMSE -> Math.sqrt(meanSquaredError(truth, predicted));
      case MAE -> meanAbsoluteError(truth, predicted);
      case R2 -> r2(truth, predicted);
    };
  }

  private double[][] requireProbabilities(double[][] probabilities) {
    if (probabilities == null) {
      throw new IllegalArgumentException("metric " + id + " needs class probabilities, which this model does not give");
    }
    return probabilities;
  }

  private enum Kind { PRECISION, RECALL, F1 }

  private static double accuracy(double[] truth, double[] predicted) {
    int correct = 0;
    for (int i = 0; i < truth.length; i++) {
      if (truth[i] == predicted[i]) {
        correct++;
      }
    }
    return (double) correct / truth.length;
  }

  /**
   * Macro average over the classes present in the truth or the predictions (as scikit-learn does); a
   * class never predicted has precision 0. Balanced accuracy averages recall over true classes only.
   */
  private static double macro(double[] truth, double[] predicted, int numClasses, Kind kind, boolean trueOnly) {
    int k = Math.max(numClasses, 1);
    long[] tp = new long[k];
    long[] fp = new long[k];
    long[] fn = new long[k];
    for (int i = 0; i < truth.length; i++) {
      int t = (int) truth[i];
      int p = (int) predicted[i];
      if (t == p) {
        tp[t]++;
      } else {
        fn[t]++;
        if (p >= 0 && p < k) {
          fp[p]++;
        }
      }
    }
    double sum = 0;
    int classes = 0;
    for (int c = 0; c < k; c++) {
      boolean inTruth = tp[c] + fn[c] > 0;
      boolean inPredictions = tp[c] + fp[c] > 0;
      if (trueOnly ? !inTruth : !inTruth && !inPredictions) {
        continue;
      }
      double precision = tp[c] + fp[c] == 0 ? 0 : (double) tp[c] / (tp[c] + fp[c]);
      double recall = tp[c] + fn[c] == 0 ? 0 : (double) tp[c] / (tp[c] + fn[c]);
      sum += switch (kind) {
        case PRECISION -> precision;
        case RECALL -> recall;
        case F1 -> precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      };
      classes++;
    }
    return classes == 0 ? Double.NaN : sum / classes;
  }

  /** Area under the ROC curve for two classes (class 1 positive), with ties counted half (Mann-Whitney). */
  private static double auc(double[] truth, double[][] probabilities) {
    int n = truth.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(probabilities[a][1], probabilities[b][1]));
    double rankSumPositive = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && probabilities[order[j + 1]][1] == probabilities[order[i]][1]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int m = i; m <= j; m++) {
        if (truth[order[m]] == 1) {
          rankSumPositive += averageRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  private static double logLoss(double[] truth, double[][] probabilities) {
    double sum = 0;
    for (int i = 0; i < truth.length; i++) {
      double p = probabilities[i][(int) truth[i]];
      sum -= Math.log(Math.min(1 - EPS, Math.max(EPS, p)));
    }
    return sum / truth.length;
  }

  private static double meanSquaredError(double[] truth, double[] predicted) {
    double sum = 0;
    for (int i = 0; i < truth.length; i++) {
      double d = truth[i] - predicted[i];
      sum += d * d;
    }
    return sum / truth.length;
  }

  private static double meanAbsoluteError(double[] truth, double[] predicted) {
    double sum = 0;
    for (int i = 0; i < truth.length; i++) {
      sum += Math.abs(truth[i] - predicted[i]);
    }
    return sum / truth.length;
  }

  private static double r2(double[] truth, double[] predicted) {
    double mean = Arrays.stream(truth).average().orElse(Double.NaN);
    double total = 0;
    for (double t : truth) {
      total += (t - mean) * (t - mean);
    }
    double residual = meanSquaredError(truth, predicted) * truth.length;
    if (total == 0) {
      return residual == 0 ? 1.0 : 0.0;
    }
    return 1 - residual / total;
  }
}
