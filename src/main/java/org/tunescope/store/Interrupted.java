package org.tunescope.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tunescope.engine.study.Seeds;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;

/** The record of a trial whose process died while it ran. */
final class Interrupted {

  private Interrupted() {
  }

  static String reason(Owner owner) {
    return "the process running it (pid " + owner.pid() + " on " + owner.host() + ") stopped";
  }

  /** Why a trial of {@code owner} was marked interrupted: its process stopped, or (elsewhere) its heartbeat did. */
  static String reason(Owner owner, Instant lastHeartbeat, Instant now) {
    if (owner.isLocal()) {
      return reason(owner);
    }
    return "stale: the process running it (pid " + owner.pid() + " on " + owner.host() + ") sent no heartbeat for "
        + java.time.Duration.between(lastHeartbeat, now).toSeconds() + " s";
  }

  static Trial trial(StudyRecord study, int number, Owner owner, Instant started) {
    return new Trial(number, TrialState.INTERRUPTED, Map.of(), List.of(), Seeds.derive(study.info().seed(), number),
        0, 0, Optional.of(reason(owner)), started);
  }
}
