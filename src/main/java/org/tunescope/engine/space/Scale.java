package org.tunescope.engine.space;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Where a value sits on a linear, log, integer or categorical scale, and how it is written. Positions are
 * in [0, 1] (0 at the low end); samplers draw through {@link #valueAt}, sliders move in
 * {@link #toSlider slider space}, and every chart axis places its ticks and labels with it. A value the
 * scale cannot place (a parameter a trial did not use) has no position: NaN.
 */
public sealed interface Scale permits Scale.Numeric, Scale.Categorical {

  /** The position of {@code value} on an axis (not clamped), or NaN when it has none on this scale. */
  double toUnit(Object value);

  /**
   * The value a uniform draw {@code u} in [0, 1) lands on: a float at its position, an integer in its bin
   * (one bin per integer, log-sized on log scales), a category in its bin.
   */
  Object valueAt(double u);

  /** The inverse of {@link #valueAt}: a float's clamped position, the middle of an integer's or category's bin. */
  double unitOf(Object value);

  /** The values a grid of {@code points} tries: evenly spaced (log-spaced on log scales), or every category. */
  List<Object> grid(int points);

  /** The labelled ticks of a parameter axis, low to high. */
  List<Tick> ticks();

  /** A value as an axis's tooltip writes it; "n/a" for none. */
  String format(Object value);

  /** One labelled mark at a position in [0, 1]. */
  record Tick(double position, String label) {
  }

  /** The scale of a distribution: a fixed value is a category of its own. */
  static Scale of(Distribution d) {
    if (d instanceof Distribution.FloatRange r) {
      return new Numeric(r.low(), r.high(), r.log(), false);
    }
    if (d instanceof Distribution.IntRange r) {
      return new Numeric(r.low(), r.high(), r.log(), true);
    }
    return new Categorical(d instanceof Distribution.Choice c ? c.values() : List.of(((Distribution.Fixed) d).value()));
  }

  /**
   * A linear or log scale over [low, high]. An {@code integer} scale takes whole values: its ticks are
   * whole numbers and its draws fall in one bin per integer over [low, high + 1).
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
      double step = niceStep(span / 5, false);
      double lo = Math.floor(min / step + 1e-9) * step;
      double hi = Math.ceil(max / step - 1e-9) * step;
      return new Numeric(clean(lo), clean(hi), false, false);
    }

    // Natural logs throughout: the samplers have always drawn with them, so seeded studies draw the same values.
    public double toUnit(double v) {
      if (Double.isNaN(v)) {
        return Double.NaN;
      }
      if (high == low) {
        return 0.5;
      }
      return log ? (Math.log(Math.max(v, Double.MIN_NORMAL)) - Math.log(low)) / (Math.log(high) - Math.log(low))
          : (v - low) / (high - low);
    }

    @Override
    public double toUnit(Object value) {
      return value instanceof Number n ? toUnit(n.doubleValue()) : Double.NaN;
    }

    /** The value at position {@code u}: the inverse of {@link #toUnit(double)}. */
    public double fromUnit(double u) {
      return log ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) : low + u * (high - low);
    }

    @Override
    public Object valueAt(double u) {
      u = clampUnit(u);
      if (!integer) {
        return high == low ? low : Math.min(high, Math.max(low, fromUnit(u)));
      }
      double x = log ? Math.exp(Math.log(low) + u * (Math.log(high + 1.0) - Math.log(low)))
          : low + u * (high - low + 1.0);
      return Math.min((long) high, Math.max((long) low, (long) Math.floor(x)));
    }

    @Override
    public double unitOf(Object value) {
      double v = ((Number) value).doubleValue();
      if (!integer) {
        return high == low ? 0.5 : clampUnit(toUnit(v));
      }
      if (log) {
        double span = Math.log(high + 1.0) - Math.log(low);
        return clampUnit(((Math.log(v) - Math.log(low)) / span + (Math.log(v + 1) - Math.log(low)) / span) / 2);
      }
      return clampUnit((v - low + 0.5) / (high - low + 1.0));
    }

    @Override
    public List<Object> grid(int points) {
      List<Object> values = new ArrayList<>();
      if (integer && high - low + 1 <= points) {
        for (long v = (long) low; v <= (long) high; v++) {
          values.add(v);
        }
        return values;
      }
      for (int i = 0; i < points; i++) {
        double x = gridPoint(i, points);
        values.add(integer ? (Object) Math.round(x) : (Object) x);
      }
      return List.copyOf(new LinkedHashSet<>(values));
    }

    private double gridPoint(int i, int points) {
      if (points == 1) {
        return log ? Math.sqrt(low * high) : (low + high) / 2;
      }
      // Exact ends, and powers of ten computed as such, so a log grid over [0.01, 1000] says 0.01, not 0.010000000000000004.
      if (i == 0 || i == points - 1) {
        return i == 0 ? low : high;
      }
      double t = (double) i / (points - 1);
      return log ? Math.pow(10, Math.log10(low) + t * (Math.log10(high) - Math.log10(low))) : low + t * (high - low);
    }

    @Override
    public List<Tick> ticks() {
      List<Tick> out = new ArrayList<>();
      for (double v : log ? logTicks() : linearTicks()) {
        out.add(new Tick(toUnit(v), label(v)));
      }
      return out;
    }

    private List<Double> linearTicks() {
      if (high == low) {
        return new ArrayList<>(List.of(low));
      }
      double step = niceStep((high - low) / 6, false);
      return multiples(low, high, integer ? Math.max(1, Math.round(step)) : step);
    }

    private List<Double> logTicks() {
      int first = (int) Math.ceil(Math.log10(low) - 1e-9);
      int last = (int) Math.floor(Math.log10(high) + 1e-9);
      if (last - first >= 2) {
        return decades(first, last, Math.max(1, (int) Math.ceil((last - first + 1) / 8.0)));
      }
      List<Double> out = new ArrayList<>();
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

    /** A tick label of a parameter axis: whole numbers plain, decades as 1eN, two digits elsewhere far from 1. */
    private String label(double v) {
      if (integer || v == Math.rint(v) && Math.abs(v) < 1e4) {
        return Long.toString(Math.round(v));
      }
      double exponent = Math.log10(Math.abs(v));
      if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e4)) {
        if (Math.abs(exponent - Math.rint(exponent)) < 1e-9) {
          return "1e" + (long) Math.rint(exponent);
        }
        return shortExponent(String.format(Locale.ROOT, "%.2g", v)).replace("e+", "e");
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

  /** Evenly spaced categories: the i-th of n sits at (i + 0.5) / n, in the middle of its bin. */
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

    @Override
    public Object valueAt(double u) {
      return categories.get(Math.min(categories.size() - 1, (int) (clampUnit(u) * categories.size())));
    }

    /** An unknown category (a space changed since) counts as the first, so learning samplers still place it. */
    @Override
    public double unitOf(Object value) {
      return position(Math.max(0, categories.indexOf(value)));
    }

    @Override
    public List<Object> grid(int points) {
      return categories;
    }

    /** The categories whose positions lie in [lo, hi]. */
    public List<Object> within(double lo, double hi) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < categories.size(); i++) {
        if (position(i) >= lo && position(i) <= hi) {
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

  // --- charts' value axes (they map values to pixels themselves)

  /** About {@code target} tick values over [lo, hi], at multiples of 1, 2 or 5 times a power of ten. */
  static List<Double> linearTicks(double lo, double hi, int target) {
    return hi > lo ? multiples(lo, hi, niceStep((hi - lo) / Math.max(1, target), true)) : new ArrayList<>(List.of(lo));
  }

  /** Every power of ten in [lo, hi] (values, not logs); the two ends when the range spans less. */
  static List<Double> decadeTicks(double lo, double hi) {
    List<Double> ticks = decades((int) Math.ceil(Math.log10(lo) - 1e-9), (int) Math.floor(Math.log10(hi) + 1e-9), 1);
    return ticks.size() < 2 ? new ArrayList<>(List.of(lo, hi)) : ticks;
  }

  /** A chart's short label: 0.001, 0.25, 12, 1e4, four significant digits at most. */
  static String label(double v) {
    if (v == 0) {
      return "0";
    }
    if (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3) {
      return shortExponent(String.format(Locale.ROOT, "%.0e", v));
    }
    return stripZeros(String.format(Locale.ROOT, "%.4g", v));
  }

  /** A parameter value as the lab writes it: whole numbers plain, reals with three significant digits. */
  static String text(Object value) {
    if (value instanceof Double d) {
      return Math.abs(d) >= 1000 || Math.abs(d) < 0.01 ? String.format(Locale.ROOT, "%.2g", d)
          : stripZeros(String.format(Locale.ROOT, "%.3g", d)); // zeros after a point only: 100, not 1
    }
    return String.valueOf(value);
  }

  // --- sliders

  /** A value in slider space: log10 of it on a log scale (a slider moves evenly through decades). */
  static double toSlider(double v, boolean log) {
    return log ? Math.log10(Math.max(v, Double.MIN_NORMAL)) : v;
  }

  /** A slider position back in the value's units, snapped to a whole number on an integer scale. */
  static double fromSlider(double s, boolean log, boolean integer) {
    double v = log ? Math.pow(10, s) : s;
    return integer ? Math.rint(v) : v;
  }

  // --- shared arithmetic

  /**
   * 1, 2 or 5 times a power of ten: the nearest to {@code rough} (a chart's ticks about a target count
   * apart) or the smallest not below it (an axis's ends or at most a number of ticks).
   */
  private static double niceStep(double rough, boolean nearest) {
    if (!(rough > 0) || !Double.isFinite(rough)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    double f = rough / magnitude;
    double nice = nearest ? (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) : (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10);
    return nearest ? magnitude * nice : clean(nice * magnitude);
  }

  /** The multiples of {@code step} in [lo, hi], an exact 0 among them. */
  private static List<Double> multiples(double lo, double hi, double step) {
    List<Double> out = new ArrayList<>();
    for (double v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
      out.add(Math.abs(v) < step * 1e-9 ? 0 : clean(v));
    }
    return out;
  }

  /** Every {@code every}-th power of ten from 10^first to 10^last, at multiples of {@code every} so that 1 stays. */
  private static List<Double> decades(int first, int last, int every) {
    List<Double> out = new ArrayList<>();
    for (int e = Math.floorDiv(first + every - 1, every) * every; e <= last; e += every) {
      out.add(Math.pow(10, e));
    }
    return out;
  }

  /** Removes floating-point noise (0.30000000000000004 becomes 0.3). */
  static double clean(double v) {
    return v == 0 || !Double.isFinite(v) ? (v == 0 ? 0 : v) : new BigDecimal(v).round(new MathContext(12)).doubleValue();
  }

  private static double clampUnit(double u) {
    return Math.min(Math.max(u, 0), Math.nextDown(1.0));
  }

  private static String plain(double v) {
    return BigDecimal.valueOf(clean(v)).stripTrailingZeros().toPlainString();
  }

  private static String shortExponent(String s) {
    return s.replace("e-0", "e-").replace("e+0", "e");
  }

  private static String stripZeros(String s) {
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }
}
