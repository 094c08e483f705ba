package org.tunescope.engine.space;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ordered parameters a study searches. A conditional parameter comes after the parameter its
 * condition names, so that sampling in order always knows whether a parameter applies.
 */
public record SearchSpace(List<SearchParameter> parameters) {

  public SearchSpace {
    parameters = List.copyOf(parameters);
    Set<String> seen = new HashSet<>();
    for (SearchParameter p : parameters) {
      Optional<Condition> condition = p.condition();
      if (condition.isPresent() && !seen.contains(condition.get().parent())) {
        throw new IllegalArgumentException(
            "parameter " + p.name() + " depends on " + condition.get().parent() + ", which must come first");
      }
      if (!seen.add(p.name())) {
        throw new IllegalArgumentException("parameter " + p.name() + " appears twice");
      }
    }
  }

  public Optional<SearchParameter> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public List<String> names() {
    return parameters.stream().map(SearchParameter::name).toList();
  }

  /**
   * The parameters that apply for the given values, in order, with their values; inactive
   * parameters are dropped.
   */
  public Map<String, Object> activeOnly(Map<String, Object> values) {
    Map<String, Object> active = new LinkedHashMap<>();
    for (SearchParameter p : parameters) {
      if (p.isActive(active) && values.containsKey(p.name())) {
        active.put(p.name(), values.get(p.name()));
      }
    }
    return active;
  }

  /**
   * Whether some point of this space can give {@code p} a value: its condition's parent can take one of the
   * values it needs (an SVM space whose kernel is fixed at rbf never applies {@code degree}), and that parent
   * can apply in turn. A parent searched over numbers is taken as able to meet the condition.
   */
  public boolean canApply(SearchParameter p) {
    if (p.condition().isEmpty()) {
      return true;
    }
    Condition c = p.condition().get();
    Optional<SearchParameter> parent = parameter(c.parent());
    if (parent.isEmpty() || !canApply(parent.get())) {
      return false;
    }
    Distribution d = parent.get().distribution();
    if (d instanceof Distribution.Fixed f) {
      return c.values().contains(f.value());
    }
    if (d instanceof Distribution.Choice choice) {
      return choice.values().stream().anyMatch(c.values()::contains);
    }
    return true;
  }

  /** A copy with one parameter's distribution replaced. */
  public SearchSpace with(String name, Distribution distribution) {
    List<SearchParameter> copy = new ArrayList<>();
    for (SearchParameter p : parameters) {
      copy.add(p.name().equals(name) ? new SearchParameter(name, distribution, p.condition()) : p);
    }
    return new SearchSpace(copy);
  }
}
