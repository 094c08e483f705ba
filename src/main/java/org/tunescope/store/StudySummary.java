package org.tunescope.store;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;

/**
 * One line of the list of studies.
 *
 * @param done    trials that ended complete, failed or pruned (interrupted ones will run again)
 * @param running trials being evaluated now
 * @param best    the best mean validation score of a complete trial
 */
public record StudySummary(String name, String model, String dataset, int done, int running, OptionalInt planned,
                           OptionalDouble best, State state) {

  /** Where a study is: some trials running, its budget met, or stopped before that. */
  public enum State {
    RUNNING, FINISHED, STOPPED;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The summary of a study from its finished trials and its running count. */
  public static StudySummary of(StudyRecord study, List<Trial> trials, int running) {
    int done = (int) trials.stream().filter(t -> t.state() != TrialState.INTERRUPTED).count();
    Direction direction = Direction.valueOf(study.info().direction().toUpperCase(Locale.ROOT));
    OptionalDouble best = StudyResult.best(trials, direction).stream().mapToDouble(t -> t.validation().mean())
        .findFirst();
    return new StudySummary(study.name(), study.info().model(), study.info().dataset(), done, running,
        study.plannedTrials(), best, state(study, running));
  }

  static State state(StudyRecord study, int running) {
    if (running > 0) {
      return State.RUNNING;
    }
    return study.finished().isPresent() ? State.FINISHED : State.STOPPED;
  }
}
