package org.tunescope.engine.sampler;

import java.util.Arrays;
import java.util.Locale;
import org.tunescope.engine.space.SearchSpace;

/** The search methods a study can use, by the name users type. */
public enum SearchMethod {
  GRID,
  RANDOM;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SearchMethod parse(String text) {
    String key = text.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(m -> m.name().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown search '" + text + "'; use one of "
            + String.join(", ", Arrays.stream(values()).map(SearchMethod::id).toList())));
  }

  /** A sampler of this method over {@code space}. */
  public Sampler sampler(SearchSpace space, long seed, int gridPoints) {
    return switch (this) {
      case GRID -> new GridSampler(space, gridPoints);
      case RANDOM -> new RandomSampler(space, seed);
    };
  }
}
