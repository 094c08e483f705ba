package org.tunescope.ml.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tunescope.engine.sampler.Seeds;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Objective;
import org.tunescope.engine.study.TrialContext;
import org.tunescope.ml.cv.Fold;
import org.tunescope.ml.cv.FoldPlan;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.FittedModel;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.TrainingData;
import org.tunescope.ml.prep.Preprocessor;
import smile.math.MathEx;

/**
 * Scores one set of hyperparameters by cross-validation: for each fold, preprocess with what the
 * training rows alone tell, fit, and score the model on its training rows and on the validation rows.
 * Preprocessed folds are cached, since every trial of a study uses the same folds.
 *
 * <p>A trial with a budget below 1 (successive halving's cheap evaluations) trains each fold on that
 * fraction of the fold's training rows, drawn per class so the classes keep their proportions, and the
 * same rows for every trial of that budget, so that their scores compare; validation rows are all kept.
 */
public final class CrossValidatedObjective implements Objective {

  private final LearningProblem problem;
  private final ModelSpec model;
  private final Metric metric;
  private final FoldPlan plan;
  private final Map<Integer, FoldData> cache = new ConcurrentHashMap<>();
  private final Map<Subsample, FoldData> subsamples = new ConcurrentHashMap<>();

  public CrossValidatedObjective(LearningProblem problem, ModelSpec model, Metric metric, FoldPlan plan) {
    if (model.task() != problem.task()) {
      throw new IllegalArgumentException("model " + model.id() + " is for " + model.task().id()
          + ", the problem is " + problem.task().id());
    }
    metric.unfitFor(problem.task(), problem.numClasses()).ifPresent(reason -> {
      throw new IllegalArgumentException(reason);
    });
    this.problem = problem;
    this.model = model;
    this.metric = metric;
    this.plan = plan;
  }

  public FoldPlan plan() {
    return plan;
  }

  @Override
  public List<FoldScore> evaluate(Map<String, Object> params, TrialContext context) throws Exception {
    List<FoldScore> scores = new ArrayList<>();
    for (int f = 0; f < plan.size(); f++) {
      context.checkCancelled();
      FoldData data = context.budget() < 1 ? subsample(f, context.budget()) : fold(f);
      long seed = Seeds.derive(context.seed(), f);
      // Smile draws from a per-thread generator: seed it from the trial, not the worker, for reproducibility.
      MathEx.setSeed(seed);
      FittedModel fitted = model.trainer().fit(
          new TrainingData(data.xTrain(), data.yTrain(), problem.numClasses(), data.featureNames(), seed),
          model.withDefaults(params));
      scores.add(new FoldScore(score(fitted, data.xTrain(), data.yTrain()),
          score(fitted, data.xValidation(), data.yValidation())));
    }
    return scores;
  }

  private double score(FittedModel fitted, double[][] x, double[] y) {
    double[] predicted = fitted.predict(x);
    double[][] probabilities = metric.needsProbabilities() ? fitted.probabilities(x).orElse(null) : null;
    return metric.score(y, predicted, probabilities, problem.numClasses());
  }

  private FoldData fold(int index) {
    return cache.computeIfAbsent(index, i -> {
      Fold fold = plan.folds().get(i);
      Preprocessor prep = Preprocessor.fit(problem.features(), fold.train(), model.needsStandardizing());
      return new FoldData(
          prep.transform(problem.features(), fold.train()), select(problem.y(), fold.train()),
          prep.transform(problem.features(), fold.validation()), select(problem.y(), fold.validation()),
          prep.outputNames());
    });
  }

  /** Fold {@code index} with a {@code fraction} of its training rows (at least one per class present). */
  private FoldData subsample(int index, double fraction) {
    return subsamples.computeIfAbsent(new Subsample(index, fraction), key -> {
      FoldData full = fold(index);
      int n = full.yTrain().length;
      // One fixed shuffle per fold, so a larger budget's rows include a smaller one's.
      int[] order = java.util.stream.IntStream.range(0, n).toArray();
      java.util.SplittableRandom random = new java.util.SplittableRandom(Seeds.derive(0x5B5AL, index));
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      boolean classes = problem.numClasses() > 0;
      Map<Double, Integer> total = new java.util.HashMap<>();
      for (double y : full.yTrain()) {
        total.merge(classes ? y : 0.0, 1, Integer::sum);
      }
      Map<Double, Integer> taken = new java.util.HashMap<>();
      List<Integer> rows = new ArrayList<>();
      for (int i : order) {
        double group = classes ? full.yTrain()[i] : 0.0;
        int quota = Math.max(1, (int) Math.ceil(fraction * total.get(group)));
        if (taken.merge(group, 1, Integer::sum) <= quota) {
          rows.add(i);
        }
      }
      int[] keep = rows.stream().mapToInt(Integer::intValue).sorted().toArray();
      double[][] x = new double[keep.length][];
      for (int i = 0; i < keep.length; i++) {
        x[i] = full.xTrain()[keep[i]];
      }
      return new FoldData(x, select(full.yTrain(), keep), full.xValidation(), full.yValidation(),
          full.featureNames());
    });
  }

  private record Subsample(int fold, double fraction) {
  }

  private static double[] select(double[] values, int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return out;
  }
}
