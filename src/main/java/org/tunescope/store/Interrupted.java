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

  static Trial trial(StudyRecord study, int number, Owner owner, Instant started) {
    return new Trial(number, TrialState.INTERRUPTED, Map.of(), List.of(), Seeds.derive(study.info().seed(), number),
        0, 0, Optional.of(reason(owner)), started);
  }
}
