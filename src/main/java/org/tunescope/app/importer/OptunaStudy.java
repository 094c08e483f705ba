package org.tunescope.app.importer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One study of an Optuna storage as read: its objectives' directions (and names, when the user set them),
 * each parameter's distribution and its trials in number order.
 */
public record OptunaStudy(String name, List<String> directions, List<String> metricNames,
                          Map<String, OptunaDistribution> distributions, List<OptunaTrial> trials) {

  public OptunaStudy {
    directions = List.copyOf(directions);
    metricNames = List.copyOf(metricNames);
    distributions = Collections.unmodifiableMap(new LinkedHashMap<>(distributions));
    trials = List.copyOf(trials);
  }

  /** The name of objective {@code k}: the user's, else Optuna's own column name ("value", "values_1"). */
  public String objectiveName(int k) {
    if (k < metricNames.size()) {
      return metricNames.get(k);
    }
    return directions.size() == 1 ? "value" : "values_" + k;
  }
}
