package org.tunescope.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.tunescope.ml.tuning.StudyInfo;

/**
 * A study as a store keeps it: what it is (the results files' description), the request that rebuilds it,
 * its provenance, how many trials it plans, and whether its budget was met.
 *
 * @param plannedTrials the trials the study will run when known in advance (a grid, a trial budget)
 * @param finished      when a run met the study's budget; empty while more trials may run
 */
public record StudyRecord(StudyInfo info, StoredRequest request, Provenance provenance, OptionalInt plannedTrials,
                          Optional<Instant> finished) {

  public StudyRecord {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(provenance, "provenance");
  }

  public String name() {
    return info.name();
  }
}
