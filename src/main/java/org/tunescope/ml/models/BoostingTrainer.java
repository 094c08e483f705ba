package org.tunescope.ml.models;

/**
 * Fits a boosted ensemble: rounds added one after another, each correcting the previous ones, whose first
 * k rounds are the k-round model. A cheap evaluation of such a model (successive halving's and
 * Hyperband's budgets) is fewer rounds on every training row, not every round on fewer rows: the score
 * of a short run is what the full run passes through, and the cost falls with the rounds.
 */
@FunctionalInterface
public interface BoostingTrainer extends StagedTrainer {
}
