package org.tunescope.ml.tuning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ConcurrentHashMap;
import org.tunescope.engine.study.Seeds;
import org.tunescope.engine.study.FoldPredictions;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Objective;
import org.tunescope.engine.study.TrialCancelledException;
import org.tunescope.engine.study.TrialContext;
import org.tunescope.ml.cv.Fold;
import org.tunescope.ml.cv.FoldPlan;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.BoostingTrainer;
import org.tunescope.ml.models.DistanceTrainer;
import org.tunescope.ml.models.EarlyStoppingTrainer;
import org.tunescope.ml.models.FittedModel;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.Params;
import org.tunescope.ml.models.SquaredDistances;
import org.tunescope.ml.models.StagedModel;
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
 * A boosted model ({@link BoostingTrainer}) spends its budget in rounds instead: that fraction of its
 * rounds (at least one) on every training row, the score its full run passes through on the way.
 *
 * <p>Each fitted model is closed once scored (XGBoost's boosters hold native memory), and {@link #close}
 * frees what models keep per fold (XGBoost's training matrices) when the study ends.
 * <p>For a model whose kernel needs only the squared distances between rows (an rbf SVM), each fold's
 * distances are computed once and looked up by every trial on it ({@link FoldDistances}); {@link #close}
 * lets them go when the study ends.
 */
public final class CrossValidatedObjective implements Objective, AutoCloseable {

  /** The trial attribute of an early-stopped trial: the rounds its scores are of. */
  public static final String BEST_ROUND = "best_round";

  private final LearningProblem problem;
  private final ModelSpec model;
  private final Metric metric;
  private final FoldPlan plan;
  /** Preprocessed folds; shared with the objective's variants ({@link #forWorkers}, shared ensemble fits). */
  private final Map<Integer, FoldData> cache;
  private final Map<Subsample, FoldData> subsamples;
  /** One fit per fold for grid trials that differ only in tree count; null when not shared. */
  private final SharedEnsembleFits shared;
  /** Cores each fit may use, so that the study's workers together use at most every core. */
  private final int threadsPerFit;
  /** Squared distances of the folds, for kernels that need only them; shared with the objective's variants. */
  private final FoldDistances distances;
  /** Where each full trial's predictions go (ensembles need them); null when they are not kept. */
  private final PredictionSink predictions;

  public CrossValidatedObjective(LearningProblem problem, ModelSpec model, Metric metric, FoldPlan plan) {
    this(problem, model, metric, plan, new FoldDistances());
  }

  /** An objective whose folds' distances stay within {@code distances}' budget. */
  CrossValidatedObjective(LearningProblem problem, ModelSpec model, Metric metric, FoldPlan plan,
      FoldDistances distances) {
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
    this.cache = new ConcurrentHashMap<>();
    this.subsamples = new ConcurrentHashMap<>();
    this.shared = null;
    this.threadsPerFit = 1;
    this.distances = distances;
    this.predictions = null;
  }

  public FoldPlan plan() {
    return plan;
  }

  /**
   * The same objective, with one ensemble fit per fold serving the grid's trials that differ only in
   * their number of trees (see {@link SharedEnsembleFits}); itself when the model is no ensemble or no
   * two points differ so.
   *
   * @param gridPoints every point of the study's grid
   * @param seed       the study's seed: every fit of a fold then uses one seed derived from it
   */
  public CrossValidatedObjective sharingEnsembleFits(List<Map<String, Object>> gridPoints, long seed) {
    return model.stageParameter()
        .flatMap(stage -> SharedEnsembleFits.of(stage, gridPoints, seed))
        .map(shared -> new CrossValidatedObjective(this, shared, threadsPerFit, predictions))
        .orElse(this);
  }

  /**
   * The same objective for a study run by {@code workers} workers: each fit may use the cores / workers
   * cores (at least one) that its worker is due, for models that use several (XGBoost). Scores do not
   * change with it. Without this, every fit uses one core.
   */
  public CrossValidatedObjective forWorkers(int workers) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, workers));
    return threads == threadsPerFit ? this : new CrossValidatedObjective(this, shared, threads, predictions);
  }

  /**
   * The same objective, handing every full trial's predictions of each fold's training and validation rows
   * to {@code sink} (what ensembles of trials are built from). Grid trials then fit on their own instead of
   * sharing one ensemble fit per fold, since a shared fit scores several tree counts but predicts for none.
   * Cheap trials of a multi-fidelity search (budget below 1) keep none: they are not the trial's model.
   */
  public CrossValidatedObjective keepingPredictions(PredictionSink sink) {
    return new CrossValidatedObjective(this, null, threadsPerFit, java.util.Objects.requireNonNull(sink));
  }

  private CrossValidatedObjective(CrossValidatedObjective base, SharedEnsembleFits shared, int threadsPerFit,
      PredictionSink predictions) {
    this.problem = base.problem;
    this.model = base.model;
    this.metric = base.metric;
    this.plan = base.plan;
    this.cache = base.cache;
    this.subsamples = base.subsamples;
    this.shared = shared;
    this.threadsPerFit = threadsPerFit;
    this.distances = base.distances;
    this.predictions = predictions;
  }

  /**
   * Frees what the study's trials shared beyond the preprocessed folds: what models keep per fold
   * (XGBoost's native training matrices) and the folds' distances. The objective stays usable: a later
   * fit (a chart of a finished study) builds them again.
   */
  @Override
  public void close() {
    cache.values().forEach(d -> model.trainer().release(d.xTrain()));
    subsamples.values().forEach(d -> model.trainer().release(d.xTrain()));
    distances.release();
  }

  /** The bytes of fold distances kept now (for tests). */
  long distanceBytes() {
    return distances.bytesInUse();
  }

  @Override
  public List<FoldScore> evaluate(Map<String, Object> params, TrialContext context) throws Exception {
    return evaluate(params, context, model.trainer() instanceof BoostingTrainer);
  }

  /**
   * Evaluates with the budget as a fraction of each fold's training rows, whatever the model: a learning
   * curve's steps, which are about rows even for boosted models.
   */
  List<FoldScore> evaluateOnRows(Map<String, Object> params, TrialContext context) throws Exception {
    return evaluate(params, context, false);
  }

  private List<FoldScore> evaluate(Map<String, Object> params, TrialContext context, boolean budgetInRounds)
      throws Exception {
    boolean inRounds = context.budget() < 1 && budgetInRounds;
    if (inRounds) {
      params = withRounds(params, context.budget());
    }
    double rowBudget = inRounds ? 1 : context.budget();
    OptionalInt patience = patience(params);
    if (patience.isPresent()) {
      return stoppedEarly(params, context, rowBudget, patience.getAsInt());
    }
    Optional<int[]> group = shared == null ? Optional.empty() : shared.countsOf(params);
    List<FoldScore> scores = new ArrayList<>();
    List<FoldPredictions> predicted = keepsPredictions(context) ? new ArrayList<>() : null;
    for (int f = 0; f < plan.size(); f++) {
      context.checkCancelled();
      FoldData data = data(f, rowBudget);
      long seed = foldSeed(context.seed(), f);
      if (group.isPresent()) {
        scores.add(sharedScore(f, data, seed, params, group.get(), context));
      } else {
        try (FittedModel fitted = fit(f, data, params, seed)) {
          scores.add(score(fitted, data));
          if (predicted != null) {
            predicted.add(predictions(fitted, data));
          }
        }
      }
    }
    if (predicted != null) {
      predictions.keep(context.number(), predicted);
    }
    return scores;
  }

  /** The early-stopping patience the trial asks for, when its model can stop early and it is on. */
  private OptionalInt patience(Map<String, Object> params) {
    if (!(model.trainer() instanceof EarlyStoppingTrainer)) {
      return OptionalInt.empty();
    }
    int rounds = model.withDefaults(params).getInt(EarlyStoppingTrainer.PATIENCE);
    return rounds > 0 ? OptionalInt.of(rounds) : OptionalInt.empty();
  }

  /**
   * A trial stopped early, as XGBoost's own cross-validation does it: every fold is boosted with its
   * validation rows scored after each round, the round count is the one with the best validation score
   * averaged over the folds (scanning stops {@code patience} rounds after the best without a better
   * one), and every fold is scored on its first that many rounds: the scores of a fit of that many
   * rounds. The trial records it as {@link #BEST_ROUND}.
   */
  private List<FoldScore> stoppedEarly(Map<String, Object> params, TrialContext context, double rowBudget,
      int patience) throws Exception {
    EarlyStoppingTrainer trainer = (EarlyStoppingTrainer) model.trainer();
    List<EarlyStoppingTrainer.WatchedFit> fits = new ArrayList<>();
    try {
      for (int f = 0; f < plan.size(); f++) {
        context.checkCancelled();
        FoldData data = data(f, rowBudget);
        long seed = foldSeed(context.seed(), f);
        MathEx.setSeed(seed);
        fits.add(trainer.fitWatching(training(data, seed), data.xValidation(), data.yValidation(),
            model.withDefaults(params), metric));
      }
      int best = EarlyStop.bestRounds(fits.stream().map(EarlyStoppingTrainer.WatchedFit::lossByRound).toList(),
          patience);
      context.record(BEST_ROUND, best);
      List<FoldScore> scores = new ArrayList<>();
      List<FoldPredictions> predicted = keepsPredictions(context) ? new ArrayList<>() : null;
      for (int f = 0; f < fits.size(); f++) {
        StagedModel staged = fits.get(f).model();
        FittedModel cut = staged.firstStages(Math.min(best, staged.stages()));
        scores.add(score(cut, data(f, rowBudget)));
        if (predicted != null) {
          predicted.add(predictions(cut, data(f, rowBudget)));
        }
      }
      if (predicted != null) {
        predictions.keep(context.number(), predicted);
      }
      return scores;
    } finally {
      fits.forEach(fit -> fit.model().close());
    }
  }

  /** The trial's values with its rounds cut to {@code budget} of them (at least one). */
  private Map<String, Object> withRounds(Map<String, Object> params, double budget) {
    String stage = model.stageParameter().orElseThrow();
    int rounds = model.withDefaults(params).getInt(stage);
    Map<String, Object> cut = new HashMap<>(params);
    cut.put(stage, (long) Math.max(1, Math.round(budget * rounds)));
    return cut;
  }

  /**
   * The cross-validated scores of an ensemble's first k trees, for each k of {@code counts}, from one fit
   * per fold of {@code max(counts)} trees: the score against the number of trees.
   *
   * @param params    the trial's values; its tree count is replaced by the largest count
   * @param seed      the trial's seed
   * @param cancelled stops between folds when it turns true
   * @return for each fold, the scores by count
   */
  public List<Map<Integer, FoldScore>> stagedScores(Map<String, Object> params, long seed, int[] counts,
      BooleanSupplier cancelled) throws Exception {
    if (model.stageParameter().isEmpty()) {
      throw new IllegalArgumentException(model.name() + " is not an ensemble of trees");
    }
    int[] sorted = Arrays.stream(counts).distinct().sorted().toArray();
    List<Map<Integer, FoldScore>> folds = new ArrayList<>();
    for (int f = 0; f < plan.size(); f++) {
      if (cancelled.getAsBoolean()) {
        throw new TrialCancelledException();
      }
      folds.add(stagedFold(f, fold(f), params, foldSeed(seed, f), sorted));
    }
    return folds;
  }

  /** A grid trial's score on a fold, from its group's shared fit. */
  private FoldScore sharedScore(int f, FoldData data, long seed, Map<String, Object> params, int[] counts,
      TrialContext context) throws Exception {
    long t0 = System.nanoTime();
    SharedEnsembleFits.StagedFold staged = shared.fold(f, context.budget(), params, counts,
        c -> stagedFold(f, data, params, seed, c));
    int count = shared.count(params);
    // Charge the trial its share of the fit, not the time it spent making it for the group or waiting.
    context.correctFitTime(staged.seconds() * count / staged.most() - (System.nanoTime() - t0) / 1e9);
    return staged.scores().get(count);
  }

  /** One fit of {@code max(counts)} trees, scored at each count (counts ascending). */
  private Map<Integer, FoldScore> stagedFold(int f, FoldData data, Map<String, Object> params, long seed, int[] counts)
      throws Exception {
    String stage = model.stageParameter().orElseThrow();
    Map<String, Object> most = new HashMap<>(params);
    most.put(stage, (long) counts[counts.length - 1]);
    try (StagedModel staged = (StagedModel) fit(f, data, most, seed)) {
      Map<Integer, FoldScore> scores = new TreeMap<>();
      // Largest first: boosting models are cut in place.
      for (int i = counts.length - 1; i >= 0; i--) {
        scores.put(counts[i], score(staged.firstStages(Math.min(counts[i], staged.stages())), data));
      }
      return scores;
    }
  }

  /** A fit on fold {@code f}'s {@code data} (the fold, or a subsample of its training rows). */
  private FittedModel fit(int f, FoldData data, Map<String, Object> params, long seed) throws Exception {
    // Smile draws from a per-thread generator: seed it from the trial, not the worker, for reproducibility.
    MathEx.setSeed(seed);
    TrainingData training = training(data, seed);
    Params values = model.withDefaults(params);
    if (model.trainer() instanceof DistanceTrainer trainer && trainer.usesDistances(values)) {
      Optional<SquaredDistances> known = distances.of(f, () -> fold(f));
      if (known.isPresent()) {
        return trainer.fit(training, values, known.get());
      }
    }
    return model.trainer().fit(training, values);
  }

  private TrainingData training(FoldData data, long seed) {
    return new TrainingData(data.xTrain(), data.yTrain(), problem.numClasses(), data.featureNames(), seed,
        threadsPerFit, true);
  }

  /** The seed of fold f's fit: the trial's own, or the study's fold seed when ensemble fits are shared. */
  private long foldSeed(long trialSeed, int f) {
    return shared == null ? Seeds.derive(trialSeed, f) : shared.foldSeed(f);
  }

  private FoldData data(int f, double budget) {
    return budget < 1 ? subsample(f, budget) : fold(f);
  }

  /** A fitted model's score on its fold's training rows and on the fold's validation rows. */
  private FoldScore score(FittedModel fitted, FoldData data) {
    return new FoldScore(score(fitted, data.xTrain(), data.yTrain()),
        score(fitted, data.xValidation(), data.yValidation()));
  }

  private boolean keepsPredictions(TrialContext context) {
    return predictions != null && context.budget() >= 1;
  }

  /** What a fitted model predicts for its fold's training and validation rows, as floats. */
  private FoldPredictions predictions(FittedModel fitted, FoldData data) {
    double[][] train = predictionRows(fitted, data.xTrain(), problem.numClasses());
    double[][] validation = predictionRows(fitted, data.xValidation(), problem.numClasses());
    return new FoldPredictions(train.length > 0 ? train[0].length : validation[0].length,
        FoldPredictions.flatten(train), FoldPredictions.flatten(validation));
  }

  /**
   * Class probabilities (one-hot of the predicted class for a model that gives none), or the predicted value
   * as one column for regression.
   */
  public static double[][] predictionRows(FittedModel fitted, double[][] x, int numClasses) {
    if (numClasses == 0) {
      return java.util.Arrays.stream(fitted.predict(x)).mapToObj(v -> new double[] {v}).toArray(double[][]::new);
    }
    Optional<double[][]> probabilities = fitted.probabilities(x);
    if (probabilities.isPresent()) {
      return probabilities.get();
    }
    double[] classes = fitted.predict(x);
    double[][] oneHot = new double[classes.length][numClasses];
    for (int i = 0; i < classes.length; i++) {
      oneHot[i][(int) classes[i]] = 1;
    }
    return oneHot;
  }

  private double score(FittedModel fitted, double[][] x, double[] y) {
    double[] predicted = fitted.predict(x);
    double[][] probabilities = metric.needsProbabilities() ? fitted.probabilities(x).orElse(null) : null;
    return metric.score(y, predicted, probabilities, problem.numClasses());
  }

  /** Fold {@code index}, preprocessed: computed on first use. */
  FoldData fold(int index) {
    return cache.computeIfAbsent(index, i -> {
      Fold fold = plan.folds().get(i);
      Preprocessor prep = Preprocessor.fit(problem.features(), fold.train(), model.needsStandardizing(),
          model.takesMissingValues());
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
      Seeds.shuffle(order, new java.util.SplittableRandom(Seeds.derive(0x5B5AL, index)));
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
