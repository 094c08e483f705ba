package org.tunescope.ml.lab;

import java.util.ArrayList;
import java.util.List;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.engine.space.ParamType;
import org.tunescope.engine.space.Scale;

/**
 * The lab slider's axis for one hyperparameter: its range, moved in log space when the parameter's
 * default search is log, snapped to whole numbers for integer parameters, with the simple end where the
 * catalog's {@link Complexity} says.
 *
 * @param parameter the declaration
 * @param range     the range the slider covers
 */
public record ParameterAxis(HyperParameter parameter, Distribution range) {

  public ParameterAxis {
    if (!(range instanceof Distribution.IntRange || range instanceof Distribution.FloatRange)) {
      throw new IllegalArgumentException("the lab's slider needs a numeric range, not " + range);
    }
  }

  /** The axis over the parameter's default search range. */
  public static ParameterAxis of(HyperParameter parameter) {
    return new ParameterAxis(parameter, parameter.defaultSearch());
  }

  public boolean isLog() {
    return range instanceof Distribution.FloatRange f ? f.log() : ((Distribution.IntRange) range).log();
  }

  public boolean isInteger() {
    return parameter.type() == ParamType.INT;
  }

  public double low() {
    return range instanceof Distribution.FloatRange f ? f.low() : ((Distribution.IntRange) range).low();
  }

  public double high() {
    return range instanceof Distribution.FloatRange f ? f.high() : ((Distribution.IntRange) range).high();
  }

  /** The slider's minimum (log10 of the low end on a log axis). */
  public double sliderMin() {
    return Scale.toSlider(low(), isLog());
  }

  public double sliderMax() {
    return Scale.toSlider(high(), isLog());
  }

  /** The parameter value at a slider position, snapped and clamped: a {@code Long} or a {@code Double}. */
  public Object valueAt(double slider) {
    double v = Math.max(low(), Math.min(high(), Scale.fromSlider(slider, isLog(), isInteger())));
    return isInteger() ? (Object) Math.round(v) : (Object) v;
  }

  /** The slider position of a value. */
  public double sliderAt(double value) {
    return Scale.toSlider(Math.max(low(), Math.min(high(), value)), isLog());
  }

  /** Whether raising the value makes the model simpler (k of k-NN): the slider's simple end is then on the right. */
  public boolean simpleAtHigh() {
    return parameter.complexity() == Complexity.LESS_WHEN_RAISED;
  }

  /** {@code steps} slider positions from the simplest model to the most complex. */
  public List<Double> sweep(int steps) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      double t = steps == 1 ? 0 : i / (double) (steps - 1);
      double from = simpleAtHigh() ? sliderMax() : sliderMin();
      double to = simpleAtHigh() ? sliderMin() : sliderMax();
      out.add(sliderAt(toDouble(valueAt(from + t * (to - from)))));
    }
    return out;
  }

  /** A value as text: whole numbers plain, reals with three significant digits. */
  public static String format(Object value) {
    return Scale.text(value);
  }

  public static double toDouble(Object value) {
    return ((Number) value).doubleValue();
  }
}
