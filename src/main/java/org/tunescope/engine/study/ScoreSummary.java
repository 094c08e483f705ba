package org.tunescope.engine.study;

import java.util.List;

/**
 * The mean and standard deviation of one score across folds, with the fold values. The standard
 * deviation is the population one (as scikit-learn's {@code cv_results_} reports it).
 */
public record ScoreSummary(double mean, double std, List<Double> folds) {

  public static final ScoreSummary EMPTY = new ScoreSummary(Double.NaN, Double.NaN, List.of());

  public ScoreSummary {
    folds = List.copyOf(folds);
  }

  public static ScoreSummary of(List<Double> values) {
    if (values.isEmpty()) {
      return EMPTY;
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / values.size();
    return new ScoreSummary(mean, Math.sqrt(variance), values);
  }
}
