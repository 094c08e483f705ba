package org.tunescope.app.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.distribution.TDistribution;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Trial;

/**
 * The paired comparison of two models' validation scores on the same folds: per fold, how much better the
 * first model did than the second (positive when it did better, whichever way the metric is better); the
 * mean of those differences, their sample standard deviation, the half-width of a 95 % t-interval of the
 * mean, and on how many folds the first model was ahead.
 *
 * <p>The rule for a clear difference: the 95 % interval excludes zero and every fold agrees on the sign.
 * Otherwise the folds disagree (or are too few to tell) and the verdict is "no clear difference". With one
 * fold there is no spread at all, so there is never a clear difference.
 *
 * @param first       the first model's name, as the sentence names it
 * @param second      the second model's name
 * @param metric      the metric the scores are in ("accuracy")
 * @param differences per fold, first's validation score minus second's, signed so that positive means first
 *                    is better
 */
public record PairedFolds(String first, String second, String metric, Direction direction, List<Double> differences) {

  /** The confidence of the interval in the sentence. */
  public static final double CONFIDENCE = 0.95;

  public PairedFolds {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(direction, "direction");
    differences = List.copyOf(differences);
    if (differences.isEmpty()) {
      throw new IllegalArgumentException("a paired comparison needs at least one fold");
    }
  }

  /**
   * Compares two trials scored on the same folds (same data, same fold plan).
   *
   * @throws IllegalArgumentException when they were not scored on the same number of folds
   */
  public static PairedFolds of(String first, Trial a, String second, Trial b, String metric, Direction direction) {
    return of(first, validation(a), second, validation(b), metric, direction);
  }

  /** Compares two lists of per-fold validation scores, in the same fold order. */
  public static PairedFolds of(String first, List<Double> a, String second, List<Double> b, String metric,
      Direction direction) {
    if (a.size() != b.size()) {
      throw new IllegalArgumentException(first + " has " + a.size() + " fold scores and " + second + " has "
          + b.size() + ": they were not scored on the same folds");
    }
    List<Double> d = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      double diff = a.get(i) - b.get(i);
      d.add(direction == Direction.MAXIMIZE ? diff : -diff);
    }
    return new PairedFolds(first, second, metric, direction, d);
  }

  private static List<Double> validation(Trial t) {
    return t.folds().stream().map(FoldScore::validation).toList();
  }

  public int folds() {
    return differences.size();
  }

  /** The mean advantage of the first model over the second, in the metric's units. */
  public double mean() {
    return differences.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  /** The sample standard deviation (n - 1) of the per-fold differences; NaN for one fold. */
  public double std() {
    int n = folds();
    if (n < 2) {
      return Double.NaN;
    }
    double m = mean();
    double ss = differences.stream().mapToDouble(v -> (v - m) * (v - m)).sum();
    return Math.sqrt(ss / (n - 1));
  }

  /** Half the width of the 95 % t-interval of the mean difference; NaN for one fold. */
  public double halfWidth() {
    int n = folds();
    if (n < 2) {
      return Double.NaN;
    }
    double t = new TDistribution(n - 1).inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
    return t * std() / Math.sqrt(n);
  }

  /** On how many folds the first model scored better than the second. */
  public int firstAhead() {
    return (int) differences.stream().filter(d -> d > 0).count();
  }

  /** On how many folds the second model scored better than the first. */
  public int secondAhead() {
    return (int) differences.stream().filter(d -> d < 0).count();
  }

  /** Whether one model is better: the interval excludes zero and every fold says the same. */
  public boolean isClear() {
    double h = halfWidth();
    if (!Double.isFinite(h)) {
      return false;
    }
    double m = mean();
    boolean excludesZero = m - h > 0 || m + h < 0;
    return excludesZero && (firstAhead() == folds() || secondAhead() == folds());
  }

  /** The better model's name, or the first when neither is clearly better. */
  public String leader() {
    return mean() >= 0 ? first : second;
  }

  /**
   * The comparison in words: "svm is better than random_forest by 0.0120 ± 0.0040 accuracy (95 % interval),
   * on 5 of 5 folds", or "No clear difference between ...", saying why.
   */
  public String sentence() {
    boolean firstLeads = mean() >= 0;
    String leader = firstLeads ? first : second;
    String other = firstLeads ? second : first;
    int ahead = firstLeads ? firstAhead() : secondAhead();
    String by = number(Math.abs(mean())) + (Double.isFinite(halfWidth()) ? " ± " + number(halfWidth()) : "")
        + " " + metric;
    if (isClear()) {
      return leader + " is better than " + other + " by " + by + " (95 % interval), on " + ahead + " of " + folds()
          + " folds.";
    }
    if (firstAhead() == 0 && secondAhead() == 0) {
      return "No clear difference between " + first + " and " + second + ": they score the same on every fold.";
    }
    String why = folds() < 2 ? "one fold gives no spread to judge by"
        : ahead < folds() ? "the folds disagree: " + leader + " is ahead on " + ahead + " of " + folds()
        : "the 95 % interval contains 0";
    return "No clear difference between " + leader + " and " + other + ": " + leader + " is ahead by " + by
        + ", but " + why + ".";
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
