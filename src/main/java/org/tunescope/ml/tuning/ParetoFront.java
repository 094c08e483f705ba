package org.tunescope.ml.tuning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;

/**
 * The trials no other trial beats on both score and cost: for each, every trial that costs less scores
 * worse. The resource trade-off users tune for.
 */
public final class ParetoFront {

  private ParetoFront() {
  }

  /** The front, cheapest first, of the complete trials by mean validation score and {@code cost}. */
  public static List<Trial> of(List<Trial> trials, Direction direction, ToDoubleFunction<Trial> cost) {
    List<Trial> sorted = trials.stream().filter(Trial::isComplete)
        .filter(t -> Double.isFinite(t.validation().mean()))
        .sorted(Comparator.comparingDouble(cost).thenComparing((a, b) ->
            direction.isBetter(a.validation().mean(), b.validation().mean()) ? -1
                : direction.isBetter(b.validation().mean(), a.validation().mean()) ? 1 : 0))
        .toList();
    List<Trial> front = new ArrayList<>();
    double best = Double.NaN;
    for (Trial t : sorted) {
      if (direction.isBetter(t.validation().mean(), best)) {
        front.add(t);
        best = t.validation().mean();
      }
    }
    return front;
  }
}
