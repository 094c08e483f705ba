package org.tunescope.engine.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The non-dominated points of two objectives, each with its own direction: a point is on the front when no
 * other point is at least as good on both objectives and better on one. What a multi-objective study's
 * trade-off is (Optuna's {@code study.best_trials}). Points with a NaN or infinite value are never on it.
 */
public final class ParetoSet {

  private ParetoSet() {
  }

  /**
   * The indices of the non-dominated points, ordered along the first objective from its best to its worst
   * value (so that joining them draws the front); equal points are all on it, as neither dominates the other.
   *
   * @param first  the first objective's value of each point
   * @param second the second objective's value of each point, index for index
   */
  public static List<Integer> front(double[] first, Direction firstDirection, double[] second,
      Direction secondDirection) {
    if (first.length != second.length) {
      throw new IllegalArgumentException(first.length + " values of the first objective, " + second.length
          + " of the second");
    }
    // Larger is better on both keys: a minimized objective is negated.
    double[] a = better(first, firstDirection);
    double[] b = better(second, secondDirection);
    List<Integer> order = IntStream.range(0, a.length).filter(i -> Double.isFinite(a[i]) && Double.isFinite(b[i]))
        .boxed().sorted(Comparator.<Integer>comparingDouble(i -> -a[i]).thenComparingDouble(i -> -b[i])).toList();
    // Every point before one in this order is at least as good on the first objective; it is dominated when one
    // of them is better on the second, or equal on the second and strictly better on the first. The first point
    // to reach the best second value so far has the best first value among those that reach it.
    List<Integer> front = new ArrayList<>();
    double bestB = Double.NEGATIVE_INFINITY;
    double aAtBestB = Double.NaN;
    for (int i : order) {
      boolean dominated = bestB > b[i] || bestB == b[i] && aAtBestB > a[i];
      if (!dominated) {
        front.add(i);
      }
      if (b[i] > bestB) {
        bestB = b[i];
        aAtBestB = a[i];
      }
    }
    return front;
  }

  private static double[] better(double[] values, Direction direction) {
    double sign = direction == Direction.MAXIMIZE ? 1 : -1;
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = sign * values[i];
    }
    return out;
  }
}
