package org.tunescope.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.tunescope.engine.study.StudyInfo;

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

  /**
   * How {@code other} asks for a different study than this one, or empty when both search the same way on
   * the same data (their budgets and data paths may differ).
   */
  public Optional<StoredRequest.Difference> difference(StudyRecord other) {
    if (!info.sha256().equals(other.info.sha256())) {
      return Optional.of(new StoredRequest.Difference("data with SHA-256", other.info.sha256().substring(0, 12) + "...",
          info.sha256().substring(0, 12) + "..."));
    }
    return request.difference(other.request);
  }
}
