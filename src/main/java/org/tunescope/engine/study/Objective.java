package org.tunescope.engine.study;

import java.util.List;
import java.util.Map;

/** What a study measures for one set of hyperparameters: a train and a validation score per fold. */
@FunctionalInterface
public interface Objective {

  /**
   * Evaluates one trial. Throwing marks the trial FAILED with the exception's message; throwing
   * {@link TrialCancelledException} marks it INTERRUPTED.
   *
   * @param params  the trial's hyperparameters
   * @param context the trial's number and seed, and whether the study was cancelled
   */
  List<FoldScore> evaluate(Map<String, Object> params, TrialContext context) throws Exception;
}
