package org.tunescope.ml.models;

import java.util.Optional;

/** A trained model. */
public interface FittedModel {

  /** One prediction per row: a class index (as a double) for classification, a value for regression. */
  double[] predict(double[][] x);

  /** Class probabilities, one row per sample, when the model gives them (AUC and log loss need them). */
  default Optional<double[][]> probabilities(double[][] x) {
    return Optional.empty();
  }
}
