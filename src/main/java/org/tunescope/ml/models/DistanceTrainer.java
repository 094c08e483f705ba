package org.tunescope.ml.models;

/**
 * Fits a model whose kernel sees rows only through their squared distances for some parameter values (an
 * rbf support vector machine). Given a fold's {@link SquaredDistances}, computed once per fold and shared
 * by a study's trials, it looks each distance up instead of computing it at every kernel evaluation; the
 * fitted model is the same as {@link #fit(TrainingData, Params)}'s.
 */
public interface DistanceTrainer extends Trainer {

  /** Whether a fit with these values would use the distances, so that a fold's are worth computing. */
  boolean usesDistances(Params params);

  /**
   * Fits as {@link #fit(TrainingData, Params)} does; when the training rows are rows of {@code distances},
   * on their index rows.
   */
  FittedModel fit(TrainingData data, Params params, SquaredDistances distances) throws Exception;
}
