package org.tunescope.engine.space;

import java.util.List;
import java.util.Objects;

/**
 * The values one search parameter may take in a study. Values are {@code Double} for float parameters,
 * {@code Long} for int parameters and {@code String} for categorical ones.
 */
public sealed interface Distribution
    permits Distribution.FloatRange, Distribution.IntRange, Distribution.Choice, Distribution.Fixed {

  /** Whether the value lies in this distribution. */
  boolean contains(Object value);

  /** A continuous range [low, high], uniform or log-uniform. */
  record FloatRange(double low, double high, boolean log) implements Distribution {
    public FloatRange {
      if (!(low <= high) || !Double.isFinite(low) || !Double.isFinite(high)) {
        throw new IllegalArgumentException("range " + low + ":" + high + " is empty or not finite");
      }
      if (log && low <= 0) {
        throw new IllegalArgumentException("a log range must be positive, got " + low + ":" + high);
      }
    }

    @Override
    public boolean contains(Object value) {
      return value instanceof Double d && d >= low && d <= high;
    }
  }

  /** An integer range [low, high], both ends included, uniform or log-uniform. */
  record IntRange(long low, long high, boolean log) implements Distribution {
    public IntRange {
      if (low > high) {
        throw new IllegalArgumentException("range " + low + ":" + high + " is empty");
      }
      if (log && low <= 0) {
        throw new IllegalArgumentException("a log range must be positive, got " + low + ":" + high);
      }
    }

    @Override
    public boolean contains(Object value) {
      return value instanceof Long l && l >= low && l <= high;
    }
  }

  /** A listed set of values: the categories of a categorical parameter, or chosen numbers. */
  record Choice(List<Object> values) implements Distribution {
    public Choice {
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("a choice needs at least one value");
      }
    }

    @Override
    public boolean contains(Object value) {
      return values.contains(value);
    }
  }

  /** One value that the search does not vary. */
  record Fixed(Object value) implements Distribution {
    public Fixed {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean contains(Object candidate) {
      return value.equals(candidate);
    }
  }
}
