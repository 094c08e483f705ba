package org.tunescope.app.importer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tunescope.store.ImportRecord;

/**
 * What one import did, for the line the command prints.
 *
 * @param states      the source's trials by state, in the source's words (COMPLETE, PRUNED, FAIL ...)
 * @param added       trials new to the store
 * @param updated     trials the store had that changed in the source since (a running trial that finished)
 * @param notYet      trials the source is still running or has waiting: imported once they finish
 */
public record ImportSummary(String name, ImportRecord origin, Map<String, Integer> states, int imported, int added,
                            int updated, int notYet) {

  public ImportSummary {
    states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
  }

  /** One line: "imported study svm from the Optuna storage x.db (study svm): 30 trials (13 complete ...), 30 new". */
  public String describe() {
    StringBuilder s = new StringBuilder("imported study " + name + " from " + origin.describe() + ": " + imported
        + " trials");
    List<String> parts = states.entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> e.getValue() + " " + e.getKey().toLowerCase(java.util.Locale.ROOT)).toList();
    if (!parts.isEmpty()) {
      s.append(" (").append(String.join(", ", parts)).append(" in the source)");
    }
    s.append("; ").append(added).append(" new, ").append(updated).append(" updated");
    if (notYet > 0) {
      s.append("; ").append(notYet).append(notYet == 1 ? " trial" : " trials")
          .append(" still running or waiting, imported once finished (import again)");
    }
    return s.toString();
  }

  /** The line naming every objective, when there are several: which one the trials show and how to pick another. */
  public String objectivesLine(String howToPick) {
    List<ImportRecord.Objective> all = origin.objectives();
    StringBuilder s = new StringBuilder("study " + name + " has " + all.size() + " objectives:");
    for (int k = 0; k < all.size(); k++) {
      s.append(' ').append(k).append(' ').append(all.get(k).name()).append(" (").append(all.get(k).direction())
          .append(')').append(k < all.size() - 1 ? "," : "");
    }
    return s.append("; showing ").append(origin.objective()).append(" (").append(howToPick).append(" shows another)").toString();
  }
}
