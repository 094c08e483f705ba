package org.tunescope.ml.tuning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;

/**
 * The overfitting (validation) curve of one hyperparameter, computed from a study's trials without
 * drawing: per x value (or bin, for continuous values) the trial with the best validation score there,
 * with its train and validation means and fold standard deviations; the zones of underfitting, good
 * fit and overfitting; the best point; and the one-standard-error choice.
 */
public final class ValidationCurveModel {

  /** Continuous parameters are binned into this many bins (in log space on log axes). */
  public static final int BINS = 12;

  /** Where a point of the curve lies. */
  public enum Zone { UNDERFITTING, GOOD_FIT, OVERFITTING }

  /**
   * One point of the curve: the best trial at an x value.
   *
   * @param x        the parameter's value (a category's index for categorical parameters)
   * @param trial    the trial with the best validation score at that value or bin
   * @param zone     how the model fits there
   */
  public record Point(double x, Trial trial, Zone zone) {
    public double train() {
      return trial.train().mean();
    }

    public double trainStd() {
      return trial.train().std();
    }

    public double validation() {
      return trial.validation().mean();
    }

    public double validationStd() {
      return trial.validation().std();
    }
  }

  private final String parameter;
  private final boolean log;
  private final List<String> categories;
  private final List<Point> points;
  private final List<Trial> all;
  private final Optional<Point> best;
  private final Optional<Point> oneStandardError;

  private ValidationCurveModel(String parameter, boolean log, List<String> categories, List<Point> points,
      List<Trial> all, Optional<Point> best, Optional<Point> oneStandardError) {
    this.parameter = parameter;
    this.log = log;
    this.categories = categories;
    this.points = points;
    this.all = all;
    this.best = best;
    this.oneStandardError = oneStandardError;
  }

  /**
   * Builds the curve of {@code parameter}.
   *
   * @param searched   the parameter's distribution in the study (log scale, categories)
   * @param complexity which way the parameter makes the model more complex
   */
  public static ValidationCurveModel of(List<Trial> trials, String parameter, Distribution searched,
      Complexity complexity, Direction direction) {
    boolean log = searched instanceof Distribution.FloatRange f && f.log()
        || searched instanceof Distribution.IntRange i && i.log();
    List<String> categories = new ArrayList<>();
    if (searched instanceof Distribution.Choice c && c.values().stream().allMatch(v -> v instanceof String)) {
      c.values().forEach(v -> categories.add((String) v));
    }
    List<Trial> usable = trials.stream().filter(Trial::isComplete)
        .filter(t -> t.params().get(parameter) != null && Double.isFinite(t.validation().mean())).toList();
    Map<Double, Trial> bestAt = new LinkedHashMap<>();
    boolean continuous = searched instanceof Distribution.FloatRange && distinct(usable, parameter, categories) > BINS;
    double[] range = range(usable, parameter, categories, log);
    for (Trial t : usable) {
      double x = x(t, parameter, categories);
      double key = continuous ? binCentre(x, range, log) : x;
      Trial current = bestAt.get(key);
      if (current == null || direction.isBetter(t.validation().mean(), current.validation().mean())) {
        bestAt.put(key, t);
      }
    }
    // Points ordered from the simplest model to the most complex.
    Comparator<Map.Entry<Double, Trial>> byX = Map.Entry.comparingByKey();
    List<Map.Entry<Double, Trial>> ordered = bestAt.entrySet().stream().sorted(byX).toList();
    if (complexity == Complexity.LESS_WHEN_RAISED) {
      ordered = new ArrayList<>(ordered);
      java.util.Collections.reverse(ordered);
    }
    List<Trial> byComplexity = ordered.stream().map(Map.Entry::getValue).toList();
    List<Zone> zones = zones(byComplexity, direction);
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      points.add(new Point(ordered.get(i).getKey(), ordered.get(i).getValue(), zones.get(i)));
    }
    Optional<Point> best = points.stream().reduce((a, b) ->
        direction.isBetter(b.validation(), a.validation()) ? b : a);
    Optional<Point> simplest = best.flatMap(b -> {
      double se = b.validationStd() / Math.sqrt(Math.max(1, b.trial().folds().size()));
      // The first point, from the simple end, within one standard error of the best.
      return points.stream().filter(p -> direction == Direction.MAXIMIZE
          ? p.validation() >= b.validation() - se : p.validation() <= b.validation() + se).findFirst();
    });
    points.sort(Comparator.comparingDouble(Point::x));
    return new ValidationCurveModel(parameter, log, List.copyOf(categories), List.copyOf(points), usable, best,
        simplest);
  }

  /**
   * Labels each point from simple to complex: worse than the best by more than a tolerance on the simple
   * side is underfitting; on the complex side, with a gap wider than at the best, overfitting. The zones
   * are contiguous: every point simpler than an underfitting one underfits too, and every point more
   * complex than an overfitting one overfits, so a noisy curve does not flicker between zones.
   */
  static List<Zone> zones(List<Trial> byComplexity, Direction direction) {
    List<Zone> zones = new ArrayList<>();
    if (byComplexity.isEmpty()) {
      return zones;
    }
    int bestIndex = 0;
    for (int i = 1; i < byComplexity.size(); i++) {
      if (direction.isBetter(byComplexity.get(i).validation().mean(), byComplexity.get(bestIndex).validation().mean())) {
        bestIndex = i;
      }
    }
    Trial best = byComplexity.get(bestIndex);
    double worst = byComplexity.stream().mapToDouble(t -> t.validation().mean())
        .reduce(direction == Direction.MAXIMIZE ? Math::min : Math::max).orElse(best.validation().mean());
    double se = best.validation().std() / Math.sqrt(Math.max(1, best.folds().size()));
    // A point counts as a good fit when it is within one standard error of the best, or within a tenth
    // of the curve's whole range: noise should not make zones flicker.
    double tolerance = Math.max(se, 0.1 * Math.abs(best.validation().mean() - worst));
    double bestGap = Math.abs(best.gap(direction));
    for (int i = 0; i < byComplexity.size(); i++) {
      Trial t = byComplexity.get(i);
      double shortfall = Math.abs(best.validation().mean() - t.validation().mean());
      if (shortfall <= tolerance) {
        zones.add(Zone.GOOD_FIT);
      } else if (i < bestIndex) {
        zones.add(Zone.UNDERFITTING);
      } else {
        zones.add(Math.abs(t.gap(direction)) > bestGap ? Zone.OVERFITTING : Zone.GOOD_FIT);
      }
    }
    int lastUnder = zones.lastIndexOf(Zone.UNDERFITTING);
    for (int i = 0; i < lastUnder; i++) {
      zones.set(i, Zone.UNDERFITTING);
    }
    int firstOver = zones.indexOf(Zone.OVERFITTING);
    for (int i = Math.max(firstOver, 0); firstOver >= 0 && i < zones.size(); i++) {
      zones.set(i, Zone.OVERFITTING);
    }
    return zones;
  }

  private static long distinct(List<Trial> trials, String parameter, List<String> categories) {
    return trials.stream().map(t -> x(t, parameter, categories)).distinct().count();
  }

  private static double[] range(List<Trial> trials, String parameter, List<String> categories, boolean log) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Trial t : trials) {
      double x = x(t, parameter, categories);
      double v = log ? Math.log10(x) : x;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return new double[] {lo, hi};
  }

  private static double binCentre(double x, double[] range, boolean log) {
    double v = log ? Math.log10(x) : x;
    double width = (range[1] - range[0]) / BINS;
    if (width <= 0) {
      return x;
    }
    int bin = Math.min(BINS - 1, (int) ((v - range[0]) / width));
    double centre = range[0] + (bin + 0.5) * width;
    return log ? Math.pow(10, centre) : centre;
  }

  /** A trial's x: the number, or the category's index. */
  static double x(Trial t, String parameter, List<String> categories) {
    Object v = t.params().get(parameter);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    int i = categories.indexOf(String.valueOf(v));
    return i >= 0 ? i : categories.size();
  }

  public String parameter() {
    return parameter;
  }

  public boolean isLog() {
    return log;
  }

  public List<String> categories() {
    return categories;
  }

  /** The curve's points, by x. */
  public List<Point> points() {
    return points;
  }

  /** Every complete trial that has the parameter: the faint points behind the curve. */
  public List<Trial> allTrials() {
    return all;
  }

  public Optional<Point> best() {
    return best;
  }

  /** The simplest model within one standard error of the best. */
  public Optional<Point> oneStandardError() {
    return oneStandardError;
  }

  /** The x of a trial on this curve's axis. */
  public double xOf(Trial t) {
    return x(t, parameter, categories);
  }
}
