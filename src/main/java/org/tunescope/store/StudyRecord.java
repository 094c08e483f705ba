package org.tunescope.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.engine.study.StudyInfo;
import org.tunescope.ml.tuning.TuningRequest;

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
   * The record of a study about to run for the first time.
   *
   * @param data             the data file; kept as an absolute path so that the study can be resumed from
   *                         any folder
   * @param tunescopeVersion the version that runs it
   */
  public static StudyRecord of(PreparedStudy prepared, TuningRequest request, Path data, String tunescopeVersion) {
    return new StudyRecord(prepared.info(), StoredRequest.of(request, data.toAbsolutePath()),
        Provenance.current(tunescopeVersion), prepared.study().plannedTrials(), Optional.empty());
  }

  /**
   * How {@code other} asks for a different study than this one, or empty when both search the same way on
   * the same data (their budgets and data paths may differ).
   */
  public Optional<String> difference(StudyRecord other) {
    if (!info.sha256().equals(other.info.sha256())) {
      return Optional.of("data with SHA-256 " + other.info.sha256().substring(0, 12) + "... instead of "
          + info.sha256().substring(0, 12) + "...");
    }
    return request.difference(other.request);
  }
}
