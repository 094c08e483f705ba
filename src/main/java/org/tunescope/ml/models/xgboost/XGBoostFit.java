package org.tunescope.ml.models.xgboost;

import java.lang.ref.Cleaner;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tunescope.ml.models.FittedModel;
import org.tunescope.ml.models.StagedModel;

/**
 * A fitted XGBoost booster. Its first k rounds are a model too: predicting with the iteration range
 * [0, k) gives exactly the predictions of a k-round fit with the same seed (staged scores), so nothing is
 * cut or copied. The booster's native memory is freed by {@link #close}, or once the model and every
 * view of its first rounds are collected.
 */
final class XGBoostFit implements StagedModel {

  private static final Cleaner CLEANER = Cleaner.create();

  private final Booster booster;
  private final int stages;
  private final int numClasses;
  private final Cleaner.Cleanable free;

  XGBoostFit(Booster booster, int numClasses) throws XGBoostError {
    this.booster = booster;
    this.stages = booster.getNumBoostedRound();
    this.numClasses = numClasses;
    // The action holds the booster, not this model, so that the model can become unreachable.
    this.free = CLEANER.register(this, booster::dispose);
  }

  @Override
  public int stages() {
    return stages;
  }

  @Override
  public double[] predict(double[][] x) {
    return predict(x, stages);
  }

  @Override
  public Optional<double[][]> probabilities(double[][] x) {
    return probabilities(x, stages);
  }

  @Override
  public FittedModel firstStages(int count) {
    if (count < 1 || count > stages) {
      throw new IllegalArgumentException("the ensemble has " + stages + " members, asked for the first " + count);
    }
    // An inner view: it keeps this model, and so the booster, alive while it is used.
    return new FittedModel() {
      @Override
      public double[] predict(double[][] x) {
        return XGBoostFit.this.predict(x, count);
      }

      @Override
      public Optional<double[][]> probabilities(double[][] x) {
        return XGBoostFit.this.probabilities(x, count);
      }
    };
  }

  @Override
  public void close() {
    free.clean();
  }

  private double[] predict(double[][] x, int rounds) {
    float[][] out = raw(x, rounds);
    double[] predicted = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      predicted[i] = numClasses == 0 ? out[i][0]
          : numClasses == 2 ? (out[i][0] > 0.5f ? 1 : 0)
          : argmax(out[i]);
    }
    return predicted;
  }

  private Optional<double[][]> probabilities(double[][] x, int rounds) {
    if (numClasses == 0) {
      return Optional.empty();
    }
    float[][] out = raw(x, rounds);
    double[][] p = new double[x.length][numClasses];
    for (int i = 0; i < x.length; i++) {
      if (numClasses == 2) {
        p[i][1] = out[i][0];
        p[i][0] = 1 - p[i][1];
      } else {
        for (int c = 0; c < numClasses; c++) {
          p[i][c] = out[i][c];
        }
      }
    }
    return Optional.of(p);
  }

  private float[][] raw(double[][] x, int rounds) {
    if (x.length == 0) {
      return new float[0][];
    }
    try {
      return booster.inplace_predict(SharedMatrices.rowMajor(x), x.length, x[0].length, Float.NaN,
          new int[] {0, rounds}, Booster.PredictionType.kValue, null);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost could not predict: " + e.getMessage(), e);
    }
  }

  private static int argmax(float[] row) {
    int best = 0;
    for (int c = 1; c < row.length; c++) {
      if (row[c] > row[best]) {
        best = c;
      }
    }
    return best;
  }
}
