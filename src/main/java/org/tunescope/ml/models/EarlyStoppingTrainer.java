package org.tunescope.ml.models;

import org.tunescope.ml.metrics.Metric;

/**
 * A boosted model that scores held-out rows after every round while it trains, so that a
 * cross-validated objective can stop it early: the number of rounds chosen by the validation score.
 */
public interface EarlyStoppingTrainer extends BoostingTrainer {

  /**
   * The hyperparameter that turns early stopping on: stop once the validation score has not improved for
   * this many rounds; 0 (its default) is off, so that trials keep every round and grids stay comparable.
   */
  String PATIENCE = "early_stopping_rounds";

  /**
   * A fit of every round the parameters ask for, as {@link #fit} makes it, and the validation loss after
   * each round.
   *
   * @param metric the study's metric; the loss follows it where the library has it (see the implementation)
   */
  WatchedFit fitWatching(TrainingData data, double[][] xValidation, double[] yValidation, Params params,
      Metric metric) throws Exception;

  /**
   * A fit and its validation curve.
   *
   * @param model         the fitted ensemble; its first k rounds are the k-round model
   * @param lossByRound   the validation score after rounds 1, 2, ..., as a loss: lower is better
   */
  record WatchedFit(StagedModel model, double[] lossByRound) {
  }
}
