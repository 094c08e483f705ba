package org.tunescope.engine.study;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The finished trials of a study run, in trial-number order.
 *
 * @param stopReason why the run ended early: cancelled, or a listener (a store) failed; empty when the
 *                   budget or the grid was used up
 */
public record StudyResult(Study study, List<Trial> trials, Duration elapsed, Optional<String> stopReason) {

  public StudyResult {
    trials = trials.stream().sorted(Comparator.comparingInt(Trial::number)).toList();
  }

  /** The complete trial with the best mean validation score; ties go to the lower trial number. */
  public Optional<Trial> best() {
    return best(trials, study.direction());
  }

  public static Optional<Trial> best(List<Trial> trials, Direction direction) {
    return ranked(trials, direction).stream().findFirst();
  }

  public static List<Trial> ranked(List<Trial> trials, Direction direction) {
    Comparator<Trial> byScore = Comparator.comparingDouble(t -> t.validation().mean());
    if (direction == Direction.MAXIMIZE) {
      byScore = byScore.reversed();
    }
    return trials.stream()
        .filter(Trial::isComplete)
        .filter(t -> !Double.isNaN(t.validation().mean()))
        .sorted(byScore.thenComparingInt(Trial::number))
        .toList();
  }

  public long count(TrialState state) {
    return trials.stream().filter(t -> t.state() == state).count();
  }
}
