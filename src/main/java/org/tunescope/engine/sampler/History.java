package org.tunescope.engine.sampler;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;

/** What the learning samplers learn from: the complete, full-budget trials, best first. */
final class History {

  private History() {
  }

  /**
   * The complete trials with a finite score, best first; ties, and the order the runner handed them
   * over in, do not matter: equal scores go to the lower trial number, so the result depends on the
   * history alone.
   */
  static List<Trial> ranked(List<Trial> finished, Direction direction) {
    // Each trial's mean computed once: a trial computes its summary afresh on every call.
    record Scored(Trial trial, double score) {
    }
    Comparator<Scored> byScore = Comparator.comparingDouble(Scored::score);
    if (direction == Direction.MAXIMIZE) {
      byScore = byScore.reversed();
    }
    return finished.stream()
        .filter(Trial::isComplete)
        .map(t -> new Scored(t, t.validation().mean()))
        .filter(s -> Double.isFinite(s.score()))
        .sorted(byScore.thenComparingInt(s -> s.trial().number()))
        .map(Scored::trial)
        .toList();
  }

  /** Whether some finished trial already evaluated exactly these parameters. */
  static boolean seen(List<Trial> finished, Map<String, Object> params) {
    for (Trial t : finished) {
      if (t.params().equals(params)) {
        return true;
      }
    }
    return false;
  }
}
