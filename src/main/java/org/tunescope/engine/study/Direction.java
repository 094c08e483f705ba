package org.tunescope.engine.study;

import java.util.Locale;

/** Whether a study looks for the highest or the lowest score. */
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

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
