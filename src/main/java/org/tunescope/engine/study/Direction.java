package org.tunescope.engine.study;

import java.util.Locale;

/**
 * Whether a study looks for the highest or the lowest score, and how that reads: every view that shows a
 * score or a gap takes its words from here, so that an error metric (rmse, log loss) never reads as if
 * higher were better.
 */
public enum Direction {
  MAXIMIZE,
  MINIMIZE;

  /** Whether score {@code a} is strictly better than {@code b}; NaN is never better. */
  public boolean isBetter(double a, double b) {
    if (Double.isNaN(a)) {
      return false;
    }
    if (Double.isNaN(b)) {
      return true;
    }
    return this == MAXIMIZE ? a > b : a < b;
  }

  /**
   * How much worse the validation score is than the train score: positive when the model does better on
   * the rows it learned from, whichever way the metric is better (train minus validation for accuracy,
   * validation minus train for rmse).
   */
  public double gap(double train, double validation) {
    return this == MAXIMIZE ? train - validation : validation - train;
  }

  /** "higher is better" or "lower is better". */
  public String better() {
    return this == MAXIMIZE ? "higher is better" : "lower is better";
  }

  /** A score's name with the way it is better, as axes and labels show it: "validation rmse (lower is better)". */
  public String label(String score) {
    return score + " (" + better() + ")";
  }

  /** The verb for a score that gets better, in help texts: "rises" or "falls". */
  public String improves() {
    return this == MAXIMIZE ? "rises" : "falls";
  }

  /** The verb for a score that gets worse, in help texts: "falls" or "rises". */
  public String worsens() {
    return this == MAXIMIZE ? "falls" : "rises";
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The direction of an {@link #id()} ("maximize", "minimize"), as results files and the store keep it. */
  public static Direction of(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
