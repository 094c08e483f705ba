package org.tunescope.ml.tuning;

import java.util.Map;
import org.tunescope.engine.study.TestScore;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.data.Table;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.FittedModel;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.TrainingData;
import org.tunescope.ml.prep.Preprocessor;
import smile.math.MathEx;

/**
 * The last step of honest tuning: refit the chosen hyperparameters on every tuning row (preprocessing
 * learned from those rows only) and score the model once on the held-out test rows, which neither the
 * search nor the preprocessing ever saw. The difference from the cross-validated score shows how
 * optimistic the tuned score was.
 */
public final class HeldOutCheck {

  private HeldOutCheck() {
  }

  /**
   * A model fitted on some rows of a problem, with the preprocessing learned from the same rows.
   *
   * @param preprocessor turns raw feature columns into the model's matrix
   * @param model        the fitted model
   */
  public record Refit(Preprocessor preprocessor, FittedModel model) {

    /** Predictions for the given rows of a table with the problem's feature columns. */
    public double[] predict(Table features, int[] rows) {
      return model.predict(preprocessor.transform(features, rows));
    }

    /** Predictions for every row of a table with the problem's feature columns. */
    public double[] predict(Table features) {
      return predict(features, java.util.stream.IntStream.range(0, features.rowCount()).toArray());
    }

    /**
     * What the model predicts for the given rows of the problem, as fold predictions keep it: class
     * probabilities (one-hot for a model that gives none), or the value as one column.
     */
    public double[][] predictionRows(LearningProblem problem, int[] rows) {
      return CrossValidatedObjective.predictionRows(model, preprocessor.transform(problem.features(), rows),
          problem.numClasses());
    }

    /** The metric on the given rows of the problem. */
    public double score(LearningProblem problem, int[] rows, Metric metric) {
      double[][] x = preprocessor.transform(problem.features(), rows);
      double[] truth = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        truth[i] = problem.y()[rows[i]];
      }
      double[][] probabilities = metric.needsProbabilities() ? model.probabilities(x).orElse(null) : null;
      return metric.score(truth, model.predict(x), probabilities, problem.numClasses());
    }
  }

  /**
   * Fits {@code model} with {@code params} (completed with the declared defaults) on the given rows.
   *
   * @param seed the seed of every random choice of the fit
   * @throws IllegalStateException when the model cannot be fitted, with the trainer's message
   */
  public static Refit refit(LearningProblem problem, int[] rows, ModelSpec model, Map<String, Object> params,
      long seed) {
    Preprocessor prep = Preprocessor.fit(problem.features(), rows, model.needsStandardizing(),
        model.takesMissingValues());
    double[] y = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      y[i] = problem.y()[rows[i]];
    }
    MathEx.setSeed(seed);
    try {
      FittedModel fitted = model.trainer().fit(new TrainingData(prep.transform(problem.features(), rows), y,
          problem.numClasses(), prep.outputNames(), seed), model.withDefaults(params));
      return new Refit(prep, fitted);
    } catch (Exception e) {
      throw new IllegalStateException("refitting " + model.id() + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Refits on every tuning row of {@code split} and scores once on its test rows.
   *
   * @param trial   the number of the trial whose parameters these are
   * @param cvScore the cross-validated score of these parameters, reported beside the test score
   */
  public static TestScore check(LearningProblem problem, HoldOutSplit split, ModelSpec model, Metric metric,
      int trial, Map<String, Object> params, double cvScore, long seed) {
    Refit refit = refit(problem, split.tuning(), model, params, seed);
    return new TestScore(metric.id(), trial, params, refit.score(problem, split.tuning(), metric), cvScore,
        refit.score(problem, split.test(), metric), split.tuning().length, split.test().length, split.fraction(),
        split.seed());
  }
}
