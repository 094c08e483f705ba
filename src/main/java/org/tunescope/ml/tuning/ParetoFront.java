package org.tunescope.ml.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;

/**
 * The points no other point dominates, for any number of objectives each with its own direction: a point
 * is dominated when another is at least as good on every objective and strictly better on one. Generic in
 * the point type, so that trials of several studies (validation score against fit seconds), or any other
 * pair of objectives, use the same rule. Points with a NaN objective are left out. For trials by score and
 * cost, the resource trade-off users tune for, see {@link #of(List, Direction, ToDoubleFunction)}.
 */
public final class ParetoFront {

  /** One objective: the value of a point, and which way is better. */
  public record Objective<P>(ToDoubleFunction<P> value, Direction direction) {
  }

  private ParetoFront() {
  }

  /** The non-dominated points, in the order given; exact ties are all kept. */
  public static <P> List<P> of(List<P> points, List<Objective<P>> objectives) {
    if (objectives.isEmpty()) {
      throw new IllegalArgumentException("a Pareto front needs at least one objective");
    }
    List<P> finite = points.stream().filter(p -> objectives.stream()
        .allMatch(o -> Double.isFinite(o.value().applyAsDouble(p)))).toList();
    List<P> front = new ArrayList<>();
    for (P p : finite) {
      boolean dominated = false;
      for (P q : finite) {
        if (q != p && dominates(q, p, objectives)) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        front.add(p);
      }
    }
    return front;
  }

  /** The front of two objectives, sorted by the first (cheapest first when it is a cost to minimise). */
  public static <P> List<P> of(List<P> points, Objective<P> x, Objective<P> y) {
    List<P> front = new ArrayList<>(of(points, List.of(x, y)));
    front.sort((a, b) -> {
      int c = Double.compare(x.value().applyAsDouble(a), x.value().applyAsDouble(b));
      return x.direction() == Direction.MINIMIZE ? c : -c;
    });
    return front;
  }

  /** The complete trials no other beats on both mean validation score and {@code cost}, cheapest first. */
  public static List<Trial> of(List<Trial> trials, Direction direction, ToDoubleFunction<Trial> cost) {
    return of(trials.stream().filter(Trial::isComplete).toList(), new Objective<>(cost, Direction.MINIMIZE),
        new Objective<>(t -> t.validation().mean(), direction));
  }

  /** Whether {@code a} is at least as good as {@code b} on every objective and better on one. */
  public static <P> boolean dominates(P a, P b, List<Objective<P>> objectives) {
    boolean better = false;
    for (Objective<P> o : objectives) {
      double va = o.value().applyAsDouble(a);
      double vb = o.value().applyAsDouble(b);
      if (o.direction().isBetter(vb, va)) {
        return false;
      }
      if (o.direction().isBetter(va, vb)) {
        better = true;
      }
    }
    return better;
  }
}
