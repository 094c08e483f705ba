package org.tunescope.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Readable tick values for chart axes: 1-2-5 steps on linear axes, decades on log axes. */
public final class Ticks {

  private Ticks() {
  }

  /** About {@code target} ticks over [lo, hi], at multiples of 1, 2 or 5 times a power of ten. */
  public static List<Double> linear(double lo, double hi, int target) {
    List<Double> ticks = new ArrayList<>();
    if (!(hi > lo)) {
      ticks.add(lo);
      return ticks;
    }
    double raw = (hi - lo) / Math.max(1, target);
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = magnitude * (raw / magnitude < 1.5 ? 1 : raw / magnitude < 3.5 ? 2 : raw / magnitude < 7.5 ? 5 : 10);
    for (double v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
      ticks.add(Math.abs(v) < step * 1e-9 ? 0 : v);
    }
    return ticks;
  }

  /** Every power of ten in [lo, hi] (values, not logs); at least the two ends when the range is narrow. */
  public static List<Double> log(double lo, double hi) {
    List<Double> ticks = new ArrayList<>();
    for (int e = (int) Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++) {
      ticks.add(Math.pow(10, e));
    }
    if (ticks.size() < 2) {
      ticks.clear();
      ticks.add(lo);
      ticks.add(hi);
    }
    return ticks;
  }

  /** A short label: 0.001, 0.25, 12, 1e+04. */
  public static String label(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e4 || a < 1e-3) {
      return String.format(Locale.ROOT, "%.0e", v).replace("e-0", "e-").replace("e+0", "e");
    }
    String s = String.format(Locale.ROOT, "%.4g", v);
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }
}
