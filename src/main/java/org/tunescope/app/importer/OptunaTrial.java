package org.tunescope.app.importer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tunescope.store.ImportedTrial;

/**
 * One Optuna trial as read.
 *
 * @param state          Optuna's state: COMPLETE, PRUNED, FAIL, RUNNING or WAITING
 * @param params         each parameter's value as the user's code saw it (a categorical's choice, not its index)
 * @param values         objective index to value (a pruned trial has its last intermediate value, if any)
 * @param userAttributes key to the value's JSON text
 */
public record OptunaTrial(long id, int number, String state, Optional<Instant> start, Optional<Instant> complete,
                          Map<String, Object> params, Map<Integer, Double> values, List<ImportedTrial.Step> intermediate,
                          Map<String, String> userAttributes, Optional<String> failReason) {

  public OptunaTrial {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    values = Collections.unmodifiableMap(new TreeMap<>(values));
    intermediate = List.copyOf(intermediate);
    userAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(userAttributes));
  }

  /** Collects a trial's rows from the several tables that hold them. */
  static final class Builder {
    final long id;
    final int number;
    final String state;
    final Optional<Instant> start;
    final Optional<Instant> complete;
    final Map<String, Object> params = new LinkedHashMap<>();
    final Map<Integer, Double> values = new TreeMap<>();
    final List<ImportedTrial.Step> intermediate = new ArrayList<>();
    final Map<String, String> userAttributes = new LinkedHashMap<>();
    Optional<String> failReason = Optional.empty();

    Builder(long id, int number, String state, Optional<Instant> start, Optional<Instant> complete) {
      this.id = id;
      this.number = number;
      this.state = state;
      this.start = start;
      this.complete = complete;
    }

    OptunaTrial build() {
      return new OptunaTrial(id, number, state, start, complete, params, values, intermediate, userAttributes,
          failReason);
    }
  }
}
