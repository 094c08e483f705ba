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
}
