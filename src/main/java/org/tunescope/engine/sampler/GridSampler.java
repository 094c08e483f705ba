package org.tunescope.engine.sampler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.Scale;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Sampler;
import org.tunescope.engine.study.Trial;

/**
 * Every combination of a grid, in a fixed order: parameters vary in declared order, the last one
 * fastest. Continuous ranges get {@code points} values (log-spaced on log ranges); an integer range
 * gets all its integers when there are at most {@code points}. A conditional parameter is only
 * combined with the values of its parent under which it applies, so an SVM grid over kernels does not
 * repeat the linear kernel once per gamma.
 */
public final class GridSampler implements Sampler {

  /**
   * The most points a grid may have. Every point is built up front; a model with many parameters
   * (XGBoost declares ten) over its default ranges would otherwise ask for millions (5^10) and run out
   * of memory long before a trial runs, instead of saying what to change.
   */
  public static final int MAX_POINTS = 100_000;

  private final List<Map<String, Object>> grid;

  public GridSampler(SearchSpace space, int points) {
    if (points < 1) {
      throw new IllegalArgumentException("a grid needs at least 1 point per range, got " + points);
    }
    long size = 1;
    List<String> searched = new ArrayList<>();
    for (SearchParameter p : space.parameters()) {
      int values = values(p.distribution(), points).size();
      if (values > 1) {
        searched.add(p.name());
        size = Math.min(size * values, Long.MAX_VALUE / 1024);
      }
    }
    // An upper bound (conditional parameters count as always active): checked before building anything.
    if (size > MAX_POINTS) {
      throw new IllegalArgumentException("a grid over " + searched.size() + " searched parameters ("
          + String.join(", ", searched) + ") with " + points + " values per range has up to " + size
          + " points, more than " + MAX_POINTS + ": search fewer parameters (keep the others at their"
          + " defaults), give fewer values per range, or use a random or Bayesian search");
    }
    List<Map<String, Object>> combos = new ArrayList<>();
    expand(space.parameters(), 0, new LinkedHashMap<>(), points, combos);
    this.grid = Collections.unmodifiableList(combos);
  }

  /** The grid points in the order they are tried. */
  public List<Map<String, Object>> points() {
    return grid;
  }

  @Override
  public Optional<Map<String, Object>> sample(int number, List<Trial> finished) {
    return number < grid.size() ? Optional.of(grid.get(number)) : Optional.empty();
  }

  @Override
  public OptionalInt size() {
    return OptionalInt.of(grid.size());
  }

  @Override
  public String name() {
    return "grid";
  }

  private static void expand(List<SearchParameter> params, int index, LinkedHashMap<String, Object> chosen,
      int points, List<Map<String, Object>> out) {
    if (index == params.size()) {
      out.add(Collections.unmodifiableMap(new LinkedHashMap<>(chosen)));
      return;
    }
    SearchParameter p = params.get(index);
    if (!p.isActive(chosen)) {
      expand(params, index + 1, chosen, points, out);
      return;
    }
    for (Object value : values(p.distribution(), points)) {
      chosen.put(p.name(), value);
      expand(params, index + 1, chosen, points, out);
      chosen.remove(p.name());
    }
  }

  /** The values a grid tries for one distribution. */
  public static List<Object> values(Distribution d, int points) {
    return Scale.of(d).grid(points);
  }
}
