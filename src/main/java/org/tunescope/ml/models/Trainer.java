package org.tunescope.ml.models;

/** Fits one kind of model with given hyperparameters. */
@FunctionalInterface
public interface Trainer {

  /**
   * Fits a model. Any exception means the trial fails with the exception's message.
   *
   * @param data   the training rows
   * @param params every declared hyperparameter of the model, searched or default
   */
  FittedModel fit(TrainingData data, Params params) throws Exception;

  /**
   * Whether the model takes missing feature values as they are (NaN) instead of the training median:
   * XGBoost learns a default direction for them at every split.
   */
  default boolean takesMissingValues() {
    return false;
  }

  /**
   * Frees what this trainer kept for fits on these rows ({@link TrainingData#rowsReused}): XGBoost's
   * native training matrices, which the garbage collector does not see. A later fit builds them again.
   */
  default void release(double[][] x) {
  }
}
