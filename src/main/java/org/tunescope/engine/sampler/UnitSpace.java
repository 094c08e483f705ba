package org.tunescope.engine.sampler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;

/**
 * The search space seen as the unit cube [0, 1)^d, one coordinate per parameter, the way the learning
 * samplers see it: a log range is uniform in log space, an integer range is cut into one bin per integer
 * (log-sized on log ranges, as {@link RandomSampler} draws them), a choice into one bin per value. A
 * point of the cube decodes to parameters in declared order, conditional ones only when they apply, so
 * every sampler that works in the cube respects ranges, scales, integers and conditions alike.
 */
final class UnitSpace {

  private final SearchSpace space;
  private final List<SearchParameter> params;

  UnitSpace(SearchSpace space) {
    this.space = space;
    this.params = space.parameters();
  }

  SearchSpace space() {
    return space;
  }

  int dimensions() {
    return params.size();
  }

  SearchParameter parameter(int d) {
    return params.get(d);
  }

  /** Whether coordinate {@code d} can vary at all (a fixed value or a one-value choice cannot). */
  boolean varies(int d) {
    Distribution dist = params.get(d).distribution();
    return !(dist instanceof Distribution.Fixed) && !(dist instanceof Distribution.Choice c && c.values().size() == 1);
  }

  /** The parameters at a point: coordinate d gives parameter d, if it applies given those before it. */
  Map<String, Object> decode(IntToDoubleFunction coordinate) {
    Map<String, Object> chosen = new LinkedHashMap<>();
    for (int d = 0; d < params.size(); d++) {
      SearchParameter p = params.get(d);
      if (p.isActive(chosen)) {
        chosen.put(p.name(), value(p.distribution(), coordinate.applyAsDouble(d)));
      }
    }
    return chosen;
  }

  /** The coordinates of some parameters: NaN for a parameter that is missing (inactive). */
  double[] encode(Map<String, Object> values) {
    double[] u = new double[params.size()];
    for (int d = 0; d < u.length; d++) {
      Object v = values.get(params.get(d).name());
      u[d] = v == null ? Double.NaN : coordinate(params.get(d).distribution(), v);
    }
    return u;
  }

  /** The value of one distribution at coordinate u in [0, 1). */
  static Object value(Distribution d, double u) {
    u = Math.min(Math.max(u, 0), Math.nextDown(1.0));
    if (d instanceof Distribution.Fixed f) {
      return f.value();
    }
    if (d instanceof Distribution.Choice c) {
      return c.values().get(Math.min(c.values().size() - 1, (int) (u * c.values().size())));
    }
    if (d instanceof Distribution.FloatRange r) {
      if (r.low() == r.high()) {
        return r.low();
      }
      double x = r.log()
          ? Math.exp(Math.log(r.low()) + u * (Math.log(r.high()) - Math.log(r.low())))
          : r.low() + u * (r.high() - r.low());
      return Math.min(r.high(), Math.max(r.low(), x));
    }
    Distribution.IntRange r = (Distribution.IntRange) d;
    double x = r.log()
        ? Math.exp(Math.log(r.low()) + u * (Math.log(r.high() + 1.0) - Math.log(r.low())))
        : r.low() + u * (r.high() - r.low() + 1.0);
    return Math.min(r.high(), Math.max(r.low(), (long) Math.floor(x)));
  }

  /** The coordinate of a value: its position for floats, the middle of its bin for integers and choices. */
  static double coordinate(Distribution d, Object value) {
    if (d instanceof Distribution.Fixed) {
      return 0.5;
    }
    if (d instanceof Distribution.Choice c) {
      int i = c.values().indexOf(value);
      return ((i < 0 ? 0 : i) + 0.5) / c.values().size();
    }
    double v = ((Number) value).doubleValue();
    if (d instanceof Distribution.FloatRange r) {
      if (r.low() == r.high()) {
        return 0.5;
      }
      double u = r.log()
          ? (Math.log(v) - Math.log(r.low())) / (Math.log(r.high()) - Math.log(r.low()))
          : (v - r.low()) / (r.high() - r.low());
      return clamp(u);
    }
    Distribution.IntRange r = (Distribution.IntRange) d;
    if (r.log()) {
      double span = Math.log(r.high() + 1.0) - Math.log(r.low());
      double lo = (Math.log(v) - Math.log(r.low())) / span;
      double hi = (Math.log(v + 1) - Math.log(r.low())) / span;
      return clamp((lo + hi) / 2);
    }
    return clamp((v - r.low() + 0.5) / (r.high() - r.low() + 1.0));
  }

  /** Whether coordinate d is categorical: its bins have no order, so distances mean nothing. */
  boolean categorical(int d) {
    return params.get(d).distribution() instanceof Distribution.Choice;
  }

  int categories(int d) {
    return ((Distribution.Choice) params.get(d).distribution()).values().size();
  }

  private static double clamp(double u) {
    return Math.min(Math.max(u, 0), Math.nextDown(1.0));
  }
}
