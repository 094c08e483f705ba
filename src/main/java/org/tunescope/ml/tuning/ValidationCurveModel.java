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
import org.tunescope.engine.study.ScoreSummary;
import org.tunescope.engine.study.Trial;

/**
 * The overfitting (validation) curve of one hyperparameter, computed from a study's trials without
 * drawing: per x value (or bin, when there are many values) the trial with the best validation score
 * there, with its train and validation means and fold standard deviations; the zones of underfitting,
 * good fit and overfitting where the scores show them; the best point; and the one-standard-error choice.
 *
 * @param isLog            whether the parameter was searched on a log scale
 * @param categories       a categorical parameter's values, in the order of their x (empty for numbers)
 * @param points           the curve's points, by x
 * @param allTrials        every complete trial that has the parameter: the faint points behind the curve
 * @param oneStandardError the simplest model within one standard error of the best
 */
public record ValidationCurveModel(String parameter, boolean isLog, List<String> categories, List<Point> points,
    List<Trial> allTrials, Optional<Point> best, Optional<Point> oneStandardError) {

  /**
   * Parameters with many values are binned into this many bins (in log space on log axes): continuous
   * ones with more distinct values than this, integer ones with more than {@link #MAX_INTEGER_POINTS}.
   */
  public static final int BINS = 12;

  /**
   * Integer values up to this many each get their own point (the lab's 20-value grids, tree depths); a
   * search over a wide integer range (trees 10..500) has hundreds, one noisy trial each: those are binned.
   */
  public static final int MAX_INTEGER_POINTS = 2 * BINS;

  /** Where a point of the curve lies, when the scores show it. */
  public enum Zone { UNDERFITTING, GOOD_FIT, OVERFITTING }

  /**
   * One point of the curve: the best trial at an x value.
   *
   * @param x        the parameter's value (a category's index for categorical parameters; a bin's centre)
   * @param trial    the trial with the best validation score at that value or bin
   * @param zone     how the model fits there; empty when the scores give no clear verdict
   */
  public record Point(double x, Trial trial, Optional<Zone> zone) {
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

  /**
   * Builds the curve of {@code parameter} from a study's trials, binning many values.
   *
   * @param searched   the parameter's distribution in the study (log scale, categories)
   * @param complexity which way the parameter makes the model more complex
   */
  public static ValidationCurveModel of(List<Trial> trials, String parameter, Distribution searched,
      Complexity complexity, Direction direction) {
    return of(trials, parameter, searched, complexity, direction, true);
  }

  /**
   * Builds the curve of {@code parameter}.
   *
   * @param binManyValues false for a computed curve whose x values were chosen (a learning curve, scores
   *                      against trees): each value keeps its own point however many there are
   */
  public static ValidationCurveModel of(List<Trial> trials, String parameter, Distribution searched,
      Complexity complexity, Direction direction, boolean binManyValues) {
    boolean log = searched instanceof Distribution.FloatRange f && f.log()
        || searched instanceof Distribution.IntRange i && i.log();
    List<String> categories = new ArrayList<>();
    if (searched instanceof Distribution.Choice c && c.values().stream().allMatch(v -> v instanceof String)) {
      c.values().forEach(v -> categories.add((String) v));
    }
    List<Trial> usable = trials.stream().filter(Trial::isComplete)
        .filter(t -> t.params().get(parameter) != null && Double.isFinite(t.validation().mean())).toList();
    Map<Double, Trial> bestAt = new LinkedHashMap<>();
    long distinct = distinct(usable, parameter, categories);
    boolean binned = binManyValues && (searched instanceof Distribution.FloatRange && distinct > BINS
        || searched instanceof Distribution.IntRange && distinct > MAX_INTEGER_POINTS);
    double[] range = range(usable, parameter, categories, log);
    for (Trial t : usable) {
      double x = x(t, parameter, categories);
      double key = binned ? binCentre(x, range, log) : x;
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
    List<Optional<Zone>> zones = zones(byComplexity, direction);
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
   * Labels each point from simple to complex by the evidence against the best point, never by the plotted
   * range (one collapsed point must not make every other point look close to the best):
   * <ul>
   *   <li>good fit: validation within the standard error of its difference from the best (the standard
   *       errors of both means across folds, combined), the best itself included;</li>
   *   <li>underfitting, on the simple side of the best: validation worse than the best by more than that,
   *       and training no better than at the best (by more than its own standard error): both are poor;</li>
   *   <li>overfitting, on the complex side: validation worse than the best by more than that, while
   *       training stays at least as good as at the best and better than validation;</li>
   *   <li>no zone otherwise (a point worse than the best without either pattern, or a dip between points
   *       near the best).</li>
   * </ul>
   * The named zones are contiguous runs at the ends: underfitting is the run of underfitting points from
   * the simplest one, overfitting the run of overfitting points up to the most complex one, so a noisy
   * curve does not flicker between them. Works for both directions (rmse is minimised) and does not rely on
   * the sign of the trial's gap. A point with fewer than two folds has no standard error: it gets no
   * zone unless it is the best.
   */
  static List<Optional<Zone>> zones(List<Trial> byComplexity, Direction direction) {
    int n = byComplexity.size();
    List<Optional<Zone>> zones = new ArrayList<>();
    if (n == 0) {
      return zones;
    }
    int bestIndex = 0;
    for (int i = 1; i < n; i++) {
      if (direction.isBetter(byComplexity.get(i).validation().mean(), byComplexity.get(bestIndex).validation().mean())) {
        bestIndex = i;
      }
    }
    Trial best = byComplexity.get(bestIndex);
    boolean[] near = new boolean[n];
    boolean[] under = new boolean[n];
    boolean[] over = new boolean[n];
    for (int i = 0; i < n; i++) {
      Trial t = byComplexity.get(i);
      double shortfall = worseBy(best.validation().mean(), t.validation().mean(), direction);
      double tolerance = Math.hypot(standardError(best.validation()), standardError(t.validation()));
      double trainShortfall = worseBy(best.train().mean(), t.train().mean(), direction);
      double trainTolerance = Math.hypot(standardError(best.train()), standardError(t.train()));
      // NaN (no standard error) fails every comparison: no evidence, no zone.
      boolean worse = shortfall > tolerance;
      near[i] = i == bestIndex || shortfall <= tolerance;
      under[i] = i < bestIndex && worse && trainShortfall >= -trainTolerance;
      over[i] = i > bestIndex && worse && trainShortfall <= trainTolerance
          && worseBy(t.train().mean(), t.validation().mean(), direction) > 0;
    }
    int underEnd = 0;
    while (underEnd < n && under[underEnd]) {
      underEnd++;
    }
    int overStart = n;
    while (overStart > 0 && over[overStart - 1]) {
      overStart--;
    }
    for (int i = 0; i < n; i++) {
      zones.add(i < underEnd ? Optional.of(Zone.UNDERFITTING) : i >= overStart ? Optional.of(Zone.OVERFITTING)
          : near[i] ? Optional.of(Zone.GOOD_FIT) : Optional.empty());
    }
    return zones;
  }

  /** How much worse {@code score} is than {@code reference}: positive when worse, in either direction. */
  private static double worseBy(double reference, double score, Direction direction) {
    return direction == Direction.MAXIMIZE ? reference - score : score - reference;
  }

  /** The standard error of a mean across folds; NaN with fewer than two folds. */
  static double standardError(ScoreSummary s) {
    int folds = s.folds().size();
    return folds < 2 ? Double.NaN : s.std() / Math.sqrt(folds);
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

  /** The x of a trial on this curve's axis. */
  public double xOf(Trial t) {
    return x(t, parameter, categories);
  }
}
