package org.tunescope.engine.space;

import java.util.Map;
import java.util.Set;

/**
 * Makes a parameter apply only when another parameter has one of some values: SVM {@code gamma} only
 * when {@code kernel} is rbf, {@code degree} only when it is poly.
 */
public record Condition(String parent, Set<Object> values) {

  public Condition {
    values = Set.copyOf(values);
  }

  /** A condition satisfied when {@code parent} equals one of {@code values}. */
  public static Condition when(String parent, Object... values) {
    return new Condition(parent, Set.of(values));
  }

  /** Whether the parameter applies, given the values chosen so far. */
  public boolean holds(Map<String, Object> chosen) {
    Object value = chosen.get(parent);
    return value != null && values.contains(value);
  }

  @Override
  public String toString() {
    return parent + " in " + values;
  }
}
