package org.tunescope.engine.sampler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.Scale;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;

/**
 * The search space seen as the unit cube [0, 1)^d, one coordinate per parameter, the way the learning
 * samplers see it: each parameter's {@link Scale} maps its coordinate to a value (uniform in log space on
 * log ranges, one bin per integer or per choice). A
 * point of the cube decodes to parameters in declared order, conditional ones only when they apply, so
 * every sampler that works in the cube respects ranges, scales, integers and conditions alike.
 */
final class UnitSpace {

  private final SearchSpace space;
  private final List<SearchParameter> params;
  private final List<Scale> scales;

  UnitSpace(SearchSpace space) {
    this.space = space;
    this.params = space.parameters();
    this.scales = params.stream().map(p -> Scale.of(p.distribution())).toList();
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
        chosen.put(p.name(), scales.get(d).valueAt(coordinate.applyAsDouble(d)));
      }
    }
    return chosen;
  }

  /** The coordinates of some parameters: NaN for a parameter that is missing (inactive). */
  double[] encode(Map<String, Object> values) {
    double[] u = new double[params.size()];
    for (int d = 0; d < u.length; d++) {
      Object v = values.get(params.get(d).name());
      u[d] = v == null ? Double.NaN : scales.get(d).unitOf(v);
    }
    return u;
  }

  /** Whether coordinate d is categorical: its bins have no order, so distances mean nothing. */
  boolean categorical(int d) {
    return params.get(d).distribution() instanceof Distribution.Choice;
  }

  int categories(int d) {
    return ((Distribution.Choice) params.get(d).distribution()).values().size();
  }

}
