package org.tunescope.ml.models;

/** Fits an ensemble that can be cut to its first members (see {@link StagedModel}). */
@FunctionalInterface
public interface StagedTrainer extends Trainer {

  @Override
  StagedModel fit(TrainingData data, Params params) throws Exception;

  /** The hyperparameter that counts the members. */
  default String stageParameter() {
    return TreeModels.TREES;
  }
}
