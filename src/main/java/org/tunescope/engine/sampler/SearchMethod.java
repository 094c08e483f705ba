package org.tunescope.engine.sampler;

import java.util.Arrays;
import java.util.Locale;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Sampler;

/** The search methods a study can use, by the name users type. */
public enum SearchMethod {
  /** Every combination of a grid. */
  GRID,
  /** Independent random draws. */
  RANDOM,
  /** Quasi-random Sobol points: random search, spread more evenly. */
  SOBOL,
  /** Bayesian optimisation with a tree-structured Parzen estimator. */
  BAYES,
  /** A steady-state genetic algorithm. */
  GENETIC,
  /** Asynchronous successive halving: cheap partial evaluations first, full ones for the promising. */
  HALVING,
  /** Hyperband: successive halving in brackets that start at different budgets, down to full evaluations. */
  HYPERBAND;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SearchMethod parse(String text) {
    String key = text.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(m -> m.name().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown search '" + text + "'; use one of "
            + String.join(", ", Arrays.stream(values()).map(SearchMethod::id).toList())));
  }

  /**
   * A sampler of this method over {@code space}.
   *
   * @param direction  whether the study maximises or minimises its score: the methods that learn need it
   * @param gridPoints values per continuous range, for a grid
   */
  public Sampler sampler(SearchSpace space, Direction direction, long seed, int gridPoints) {
    return switch (this) {
      case GRID -> new GridSampler(space, gridPoints);
      case RANDOM -> new RandomSampler(space, seed);
      case SOBOL -> new SobolSampler(space, seed);
      case BAYES -> new TpeSampler(space, direction, seed);
      case GENETIC -> new GeneticSampler(space, direction, seed);
      case HALVING -> new HalvingSampler(space, direction, seed);
      case HYPERBAND -> new HyperbandSampler(space, direction, seed);
    };
  }
}
