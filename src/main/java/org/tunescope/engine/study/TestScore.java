package org.tunescope.engine.study;

import java.util.Map;

/**
 * A held-out check's outcome: the study's best trial refitted on every tuning row and scored once
 * on the rows tuning never saw.
 *
 * @param metric     the metric's id
 * @param trial      the number of the trial refitted (the study's best when the check ran)
 * @param params     the hyperparameters refitted
 * @param train      the refitted model's score on the tuning rows it was fitted on
 * @param validation the cross-validated score the search gave these parameters
 * @param test       the score on the held-out rows
 * @param tuningRows rows the model was refitted on
 * @param testRows   rows it was scored on
 * @param fraction   the share of rows held out
 * @param seed       the split's seed
 */
public record TestScore(String metric, int trial, Map<String, Object> params, double train, double validation,
    double test, int tuningRows, int testRows, double fraction, long seed) {

  public TestScore {
    params = Map.copyOf(params);
  }

  /** How much higher (or lower) the cross-validated score was than the test score, in the metric's units. */
  public double optimism() {
    return validation - test;
  }
}
