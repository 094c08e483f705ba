package org.tunescope.ml.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.ScoreSummary;
import org.tunescope.engine.study.TrialContext;

/**
 * The learning curve of one set of hyperparameters: cross-validated train and validation scores when the
 * model learns from growing fractions of each training fold (the validation rows stay whole). A gap that
 * closes as rows grow says more data would help; a gap that stays says the model is too complex.
 */
public final class LearningCurve {

  /** The default steps: 10 % to 100 % of the training rows in 8 steps. */
  public static final double[] DEFAULT_FRACTIONS = steps(0.1, 1.0, 8);

  /**
   * One step of the curve.
   *
   * @param fraction  the share of each training fold the model learned from
   * @param trainRows the mean number of training rows per fold at that share
   */
  public record Point(double fraction, int trainRows, ScoreSummary train, ScoreSummary validation) {
  }

  private LearningCurve() {
  }

  /** {@code n} evenly spaced fractions from {@code from} to {@code to}. */
  public static double[] steps(double from, double to, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = n == 1 ? to : from + (to - from) * i / (n - 1);
    }
    return out;
  }

  /**
   * Computes the curve with a study's objective (its folds, preprocessing and metric).
   *
   * @param params    the trial's hyperparameters
   * @param seed      the seed of every fit (a trial's own seed reproduces its scores at 100 %)
   * @param cancelled stops between folds when it turns true
   */
  public static List<Point> compute(CrossValidatedObjective objective, Map<String, Object> params, long seed,
      double[] fractions, BooleanSupplier cancelled) throws Exception {
    List<Point> points = new ArrayList<>();
    int rows = objective.plan().folds().stream().mapToInt(f -> f.train().length).sum() / objective.plan().size();
    for (double fraction : fractions) {
      List<FoldScore> folds = objective.evaluateOnRows(params, new TrialContext(0, seed, cancelled, fraction));
      points.add(new Point(fraction, (int) Math.round(rows * fraction),
          ScoreSummary.of(folds.stream().map(FoldScore::train).toList()),
          ScoreSummary.of(folds.stream().map(FoldScore::validation).toList())));
    }
    return points;
  }
}
