package org.tunescope.engine.space;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One dimension of a search space: a named distribution, applying always or under a condition. */
public record SearchParameter(String name, Distribution distribution, Optional<Condition> condition) {

  public SearchParameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(distribution, "distribution");
    Objects.requireNonNull(condition, "condition");
  }

  public static SearchParameter of(String name, Distribution distribution) {
    return new SearchParameter(name, distribution, Optional.empty());
  }

  /** Whether this parameter applies given the values of the parameters before it. */
  public boolean isActive(Map<String, Object> chosen) {
    return condition.map(c -> c.holds(chosen)).orElse(true);
  }
}
