package org.tunescope.engine.study;

import java.util.Objects;
import org.tunescope.engine.space.SearchSpace;

/**
 * A search: which score to optimise and in which direction, over which space, chosen by which sampler,
 * for how long, from which seed.
 */
public record Study(
    String name,
    String metric,
    Direction direction,
    SearchSpace space,
    Sampler sampler,
    Budget budget,
    long seed) {

  public Study {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(sampler, "sampler");
    Objects.requireNonNull(budget, "budget");
  }

  /** How many trials the study will run when that is known in advance: the smaller of grid and budget. */
  public java.util.OptionalInt plannedTrials() {
    var grid = sampler.size();
    var max = budget.maxTrials();
    if (grid.isPresent() && max.isPresent()) {
      return java.util.OptionalInt.of(Math.min(grid.getAsInt(), max.getAsInt()));
    }
    return grid.isPresent() ? grid : max;
  }
}
