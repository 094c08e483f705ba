package org.tunescope.ui.data;

import java.util.Locale;

/**
 * One way to write every number of a data column, so the preview's column reads as a column: integers as
 * integers, decimals with the same number of places in every row (as many as the column's values need, up
 * to six: {@code 14.23} and {@code 13.20}, not {@code 14.2300} beside {@code 13.2}), and numbers too large
 * or too small for that in scientific notation, all with the same number of digits.
 */
public final class ColumnNumberFormat {

  /** The most decimal places a column is written with. */
  static final int MAX_DECIMALS = 6;
  /** Significant digits of a column whose values need more than {@link #MAX_DECIMALS} places. */
  private static final int SIGNIFICANT = 6;

  /** Decimal places, or -1 for scientific notation. */
  private final int decimals;

  private ColumnNumberFormat(int decimals) {
    this.decimals = decimals;
  }

  /** The format for a column of these values ({@code NaN} is a missing cell and does not count). */
  public static ColumnNumberFormat of(double[] values) {
    double largest = 0;
    double smallest = Double.POSITIVE_INFINITY;
    int needed = 0;
    boolean exact = true;
    for (double v : values) {
      if (!Double.isFinite(v)) {
        continue;
      }
      double a = Math.abs(v);
      largest = Math.max(largest, a);
      if (a > 0) {
        smallest = Math.min(smallest, a);
      }
      if (exact && needed < MAX_DECIMALS + 1) {
        while (needed <= MAX_DECIMALS && !hasDecimals(v, needed)) {
          needed++;
        }
        exact = needed <= MAX_DECIMALS;
      }
    }
    if (largest >= 1e15) {
      return new ColumnNumberFormat(-1);
    }
    if (exact) {
      return new ColumnNumberFormat(needed);
    }
    // Values with more places than shown (measurements, generated data): six significant digits of the
    // largest, unless the smallest would then read as 0.
    if (smallest < Math.pow(10, -MAX_DECIMALS + 1) && largest < 1) {
      return new ColumnNumberFormat(-1);
    }
    int integerDigits = largest < 1 ? 1 : (int) Math.floor(Math.log10(largest)) + 1;
    return new ColumnNumberFormat(Math.max(1, Math.min(MAX_DECIMALS, SIGNIFICANT - integerDigits)));
  }

  /** Whether {@code v} is written in full with {@code d} decimal places (as read from a file, up to rounding). */
  private static boolean hasDecimals(double v, int d) {
    double scaled = v * Math.pow(10, d);
    // relative: a decimal read from a file is the nearest double, off by parts in 1e16
    return Math.abs(scaled - Math.rint(scaled)) <= 1e-9 * Math.abs(scaled);
  }

  /** The decimal places every value gets, or -1 when the column is written in scientific notation. */
  public int decimals() {
    return decimals;
  }

  /** A value of the column as text ({@code NaN}, a missing cell: empty). */
  public String format(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "-∞";
    }
    if (decimals < 0) {
      return String.format(Locale.ROOT, "%." + (SIGNIFICANT - 1) + "e", v);
    }
    return decimals == 0 ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
