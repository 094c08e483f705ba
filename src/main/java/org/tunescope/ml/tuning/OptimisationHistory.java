package org.tunescope.ml.tuning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;

/** A study's optimisation history: when each trial ended and the best validation score up to it. */
public final class OptimisationHistory {

  private OptimisationHistory() {
  }

  /** For each complete trial in x order: {x, best validation score so far}. */
  public static List<double[]> bestSoFar(List<Trial> trials, Direction direction, boolean byTime) {
    List<Trial> done = trials.stream().filter(Trial::isComplete)
        .sorted(Comparator.comparingDouble(t -> x(t, trials, byTime))).toList();
    List<double[]> out = new ArrayList<>();
    double best = Double.NaN;
    for (Trial t : done) {
      if (direction.isBetter(t.validation().mean(), best)) {
        best = t.validation().mean();
      }
      out.add(new double[] {x(t, trials, byTime), best});
    }
    return out;
  }

  /** A trial's x: its number, or seconds from the first trial's start to its end. */
  public static double x(Trial t, List<Trial> all, boolean byTime) {
    if (!byTime) {
      return t.number();
    }
    long first = all.stream().mapToLong(a -> a.started().toEpochMilli()).min().orElse(0);
    return (t.started().toEpochMilli() - first) / 1000.0 + t.fitSeconds();
  }
}
