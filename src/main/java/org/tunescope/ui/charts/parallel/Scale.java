package org.tunescope.ui.charts.parallel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps an axis's values to normalised positions in [0, 1] (0 at the bottom) and back, and says where
 * its ticks go. A value the scale cannot place (a parameter the trial did not use) maps to NaN.
 */
public sealed interface Scale permits Scale.Numeric, Scale.Categorical {

  /** The normalised position of {@code value}, or NaN when it has none on this axis. */
  double toUnit(Object value);

  /** The labelled ticks, bottom to top. */
  List<Tick> ticks();

  /** A value as the axis labels it. */
  String format(Object value);

  /**
   * A linear or log scale over [low, high]; {@code integer} scales put ticks on whole numbers only.
   */
  record Numeric(double low, double high, boolean log, boolean integer) implements Scale {

    public Numeric {
      if (!(low <= high) || log && low <= 0) {
        throw new IllegalArgumentException("bad scale " + low + ":" + high + (log ? " log" : ""));
      }
    }

    /** A linear scale that covers [min, max] with round ends, for scores read from the data. */
    public static Numeric fitting(double min, double max) {
      if (!Double.isFinite(min) || !Double.isFinite(max)) {
        return new Numeric(0, 1, false, false);
      }
      double span = max - min;
      if (span <= 0) {
        span = Math.max(Math.abs(max) * 0.1, 0.01);
        min -= span / 2;
        max += span / 2;
      }
      double step = niceStep(span / 5);
      double lo = Math.floor(min / step + 1e-9) * step;
      double hi = Math.ceil(max / step - 1e-9) * step;
      return new Numeric(clean(lo), clean(hi), false, false);
    }

    public double toUnit(double v) {
      if (Double.isNaN(v)) {
        return Double.NaN;
      }
      if (log) {
        double a = Math.log10(low);
        double b = Math.log10(high);
        return b == a ? 0.5 : (Math.log10(Math.max(v, Double.MIN_NORMAL)) - a) / (b - a);
      }
      return high == low ? 0.5 : (v - low) / (high - low);
    }

    @Override
    public double toUnit(Object value) {
      return value instanceof Number n ? toUnit(n.doubleValue()) : Double.NaN;
    }

    /** The value at normalised position {@code u}: the inverse of {@link #toUnit(double)}. */
    public double fromUnit(double u) {
      if (log) {
        double a = Math.log10(low);
        double b = Math.log10(high);
        return Math.pow(10, a + u * (b - a));
      }
      return low + u * (high - low);
    }

    @Override
    public List<Tick> ticks() {
      List<Double> values = log ? logTicks() : linearTicks();
      List<Tick> out = new ArrayList<>();
      for (double v : values) {
        out.add(new Tick(toUnit(v), label(v)));
      }
      return out;
    }

    private List<Double> linearTicks() {
      List<Double> out = new ArrayList<>();
      if (high == low) {
        out.add(low);
        return out;
      }
      double step = niceStep((high - low) / 6);
      if (integer) {
        step = Math.max(1, Math.round(step));
      }
      double first = Math.ceil(low / step - 1e-9) * step;
      for (double v = first; v <= high + step * 1e-9; v += step) {
        out.add(clean(v));
      }
      return out;
    }

    private List<Double> logTicks() {
      List<Double> out = new ArrayList<>();
      int first = (int) Math.ceil(Math.log10(low) - 1e-9);
      int last = (int) Math.floor(Math.log10(high) + 1e-9);
      if (last - first >= 2) {
        // Decades, every k-th one when there are many.
        int every = Math.max(1, (int) Math.ceil((last - first + 1) / 8.0));
        // Multiples of the stride, so that 1 stays a tick.
        for (int e = Math.floorDiv(first + every - 1, every) * every; e <= last; e += every) {
          out.add(Math.pow(10, e));
        }
        return out;
      }
      for (int[] mantissas : new int[][] {{1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
        out.clear();
        for (int e = first - 1; e <= last; e++) {
          for (int m : mantissas) {
            double v = clean(m * Math.pow(10, e));
            if (v >= low * (1 - 1e-9) && v <= high * (1 + 1e-9) && (!integer || v == Math.rint(v))) {
              out.add(v);
            }
          }
        }
        if (out.size() >= 3) {
          return out;
        }
      }
      if (out.isEmpty()) {
        out.add(low);
        out.add(high);
      }
      return out;
    }

    private String label(double v) {
      if (integer || v == Math.rint(v) && Math.abs(v) < 1e4) {
        return Long.toString(Math.round(v));
      }
      double exponent = Math.log10(Math.abs(v));
      if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e4)) {
        if (Math.abs(exponent - Math.rint(exponent)) < 1e-9) {
          return "1e" + (long) Math.rint(exponent);
        }
        return String.format(Locale.ROOT, "%.2g", v).replace("e-0", "e-").replace("e+0", "e").replace("e+", "e");
      }
      return plain(v);
    }

    @Override
    public String format(Object value) {
      if (!(value instanceof Number n)) {
        return "n/a";
      }
      if (value instanceof Long || integer) {
        return Long.toString(Math.round(n.doubleValue()));
      }
      double v = n.doubleValue();
      if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) {
        return String.format(Locale.ROOT, "%.3g", v);
      }
      return plain(Double.parseDouble(String.format(Locale.ROOT, "%.4g", v)));
    }
  }

  /** Evenly spaced categories: the i-th of n sits at (i + 0.5) / n. */
  record Categorical(List<Object> categories) implements Scale {

    public Categorical {
      categories = List.copyOf(categories);
    }

    public double position(int index) {
      return (index + 0.5) / categories.size();
    }

    @Override
    public double toUnit(Object value) {
      // A trial without this parameter (it did not apply, or the trial belongs to another study's space
      // while the chart switches studies) has none; and List.copyOf's indexOf(null) throws.
      if (value == null) {
        return Double.NaN;
      }
      int i = categories.indexOf(value);
      return i < 0 ? Double.NaN : position(i);
    }

    /** The categories whose positions lie in [lo, hi]. */
    public List<Object> within(double lo, double hi) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < categories.size(); i++) {
        double p = position(i);
        if (p >= lo && p <= hi) {
          out.add(categories.get(i));
        }
      }
      return out;
    }

    @Override
    public List<Tick> ticks() {
      List<Tick> out = new ArrayList<>();
      for (int i = 0; i < categories.size(); i++) {
        out.add(new Tick(position(i), String.valueOf(categories.get(i))));
      }
      return out;
    }

    @Override
    public String format(Object value) {
      return value == null ? "n/a" : String.valueOf(value);
    }
  }

  /** 1, 2 or 5 times a power of ten, the smallest not below {@code rough}. */
  static double niceStep(double rough) {
    if (!(rough > 0) || !Double.isFinite(rough)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    double f = rough / magnitude;
    double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return clean(nice * magnitude);
  }

  /** Removes floating-point noise (0.30000000000000004 becomes 0.3). */
  static double clean(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v == 0 ? 0 : v;
    }
    return new BigDecimal(v).round(new java.math.MathContext(12)).doubleValue();
  }

  private static String plain(double v) {
    return BigDecimal.valueOf(clean(v)).stripTrailingZeros().toPlainString();
  }
}
