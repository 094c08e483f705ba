package org.tunescope.ml.models;

import java.util.Optional;

/**
 * A trained model. Models that hold native memory (XGBoost's boosters) free it on {@link #close}; they
 * also free it once collected, but the garbage collector does not see native memory, so code that fits
 * many models closes each when done.
 */
public interface FittedModel extends AutoCloseable {

  /** One prediction per row: a class index (as a double) for classification, a value for regression. */
  double[] predict(double[][] x);

  /** Class probabilities, one row per sample, when the model gives them (AUC and log loss need them). */
  default Optional<double[][]> probabilities(double[][] x) {
    return Optional.empty();
  }

  /** Frees native memory the model holds; it must not be used afterwards. Nothing to do for most models. */
  @Override
  default void close() {
  }
}
