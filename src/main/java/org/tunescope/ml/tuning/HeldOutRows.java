package org.tunescope.ml.tuning;

import org.tunescope.engine.study.TestScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.ModelSpec;

/**
 * The rows a study keeps out of tuning: the whole problem and its split into tuning and test rows.
 *
 * @param all   every row of the data, tuning and test
 * @param split which rows tuning sees and which it never sees
 */
public record HeldOutRows(LearningProblem all, HoldOutSplit split) {

  /** The best trial refitted on every tuning row and scored once on the test rows. */
  public TestScore check(ModelSpec model, Metric metric, Trial best) {
    return HeldOutCheck.check(all, split, model, metric, best.number(), best.params(), best.validation().mean(), best.seed());
  }
}
