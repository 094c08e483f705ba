package org.tunescope.ml.lab;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.tunescope.engine.sampler.GridSampler;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.ScoreSummary;
import org.tunescope.engine.study.Study;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.engine.study.TrialCancelledException;
import org.tunescope.engine.study.TrialContext;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.ml.data.NumericColumn;
import org.tunescope.ml.data.Table;
import org.tunescope.ml.tuning.HeldOutCheck;
import org.tunescope.ml.tuning.ValidationCurveModel;

/**
 * The lab's computations, free of any UI: the refit at a slider value with its plot, its cross-validated
 * scores, and the validation curve of the parameter over its whole range (a grid study). The view model
 * runs these in the background.
 */
public final class LabEngine {

  /** Cells per side of the decision-region grid. */
  public static final int GRID = 120;
  /** Points of a fitted regression curve. */
  public static final int CURVE_POINTS = 200;
  /** Values of the validation curve's grid study. */
  public static final int CURVE_GRID_POINTS = 20;
  /** The seed of every lab fit, so the same slider value always draws the same model. */
  public static final long SEED = 0;

  private LabEngine() {
  }

  /** Refits on every tuning row at {@code value}, scores train and test, and predicts the plot. */
  public static LabFit fit(LabSetup setup, Object value) {
    long start = System.nanoTime();
    LabData data = setup.data();
    HeldOutCheck.Refit refit = HeldOutCheck.refit(data.problem(), data.split().tuning(), setup.model(),
        setup.params(value), SEED);
    double train = refit.score(data.problem(), data.split().tuning(), setup.metric());
    double test = refit.score(data.problem(), data.split().test(), setup.metric());
    Optional<LabFit.DecisionGrid> regions = Optional.empty();
    Optional<LabFit.FittedCurve> curve = Optional.empty();
    double[] bx = bounds(data.feature(0));
    List<String> names = data.axes();
    if (data.isClassification()) {
      double[] by = bounds(data.feature(1));
      double[] gx = new double[GRID * GRID];
      double[] gy = new double[GRID * GRID];
      for (int row = 0; row < GRID; row++) {
        for (int col = 0; col < GRID; col++) {
          gx[row * GRID + col] = bx[0] + (col + 0.5) / GRID * (bx[1] - bx[0]);
          gy[row * GRID + col] = by[0] + (row + 0.5) / GRID * (by[1] - by[0]);
        }
      }
      double[] predicted = predictInParallel(refit, new Table(List.of(new NumericColumn(names.get(0), gx),
          new NumericColumn(names.get(1), gy))));
      int[] classes = new int[predicted.length];
      for (int i = 0; i < classes.length; i++) {
        classes[i] = (int) predicted[i];
      }
      regions = Optional.of(new LabFit.DecisionGrid(bx[0], bx[1], by[0], by[1], GRID, classes));
    } else {
      double[] xs = new double[CURVE_POINTS];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = bx[0] + i / (double) (CURVE_POINTS - 1) * (bx[1] - bx[0]);
      }
      curve = Optional.of(new LabFit.FittedCurve(xs, refit.predict(new Table(List.of(new NumericColumn(names.get(0),
          xs))))));
    }
    return new LabFit(value, train, test, regions, curve, (System.nanoTime() - start) / 1e6);
  }

  /**
   * The mean training-fold and validation-fold scores of {@code value} over the tuning rows' folds.
   *
   * @throws TrialCancelledException when {@code cancelled} turns true between folds
   */
  public static ScoreSummary[] crossValidate(LabSetup setup, Object value, BooleanSupplier cancelled)
      throws Exception {
    List<FoldScore> folds = setup.objective().evaluate(setup.params(value), new TrialContext(0, SEED, cancelled));
    return new ScoreSummary[] {
        ScoreSummary.of(folds.stream().map(FoldScore::train).toList()),
        ScoreSummary.of(folds.stream().map(FoldScore::validation).toList())};
  }

  /** The validation curve: a grid study of the parameter over its whole range, cross-validated. */
  public static ValidationCurveModel curve(LabSetup setup, StudyRunner runner) {
    Map<String, Distribution> searched = new java.util.LinkedHashMap<>();
    setup.fixed().forEach((name, v) -> searched.put(name, new Distribution.Fixed(v)));
    String parameter = setup.axis().parameter().name();
    searched.put(parameter, setup.axis().range());
    SearchSpace space = setup.model().spaceSearchingOnly(searched);
    Study study = new Study("lab-" + parameter, setup.metric().id(), setup.metric().direction(), space,
        new GridSampler(space, CURVE_GRID_POINTS), Budget.unlimited(), SEED);
    StudyResult result = runner.run(study, setup.objective(), StudyListener.NONE);
    return ValidationCurveModel.of(result.trials(), parameter, setup.axis().range(),
        setup.axis().parameter().complexity(), setup.metric().direction());
  }

  /** The curve point nearest to {@code value} on the curve's axis. */
  public static Optional<ValidationCurveModel.Point> nearest(ValidationCurveModel curve, double value) {
    return curve.points().stream().min(java.util.Comparator.comparingDouble(p -> curve.isLog()
        ? Math.abs(Math.log10(p.x()) - Math.log10(value)) : Math.abs(p.x() - value)));
  }

  /** The zone of the curve point nearest to {@code value}; empty where the scores give no clear verdict. */
  public static Optional<ValidationCurveModel.Zone> zoneAt(ValidationCurveModel curve, double value) {
    return nearest(curve, value).flatMap(ValidationCurveModel.Point::zone);
  }

  /**
   * The verdict at {@code value} in plain words, for the lab's status line: the nearest point's zone (or
   * that there is no clear one) and, away from the best, the validation score there beside the best's.
   * Worded for both directions of the metric.
   */
  public static String verdict(ValidationCurveModel curve, double value) {
    Optional<ValidationCurveModel.Point> point = nearest(curve, value);
    if (point.isEmpty()) {
      return "";
    }
    ValidationCurveModel.Point p = point.get();
    String words = p.zone().map(z -> switch (z) {
      case UNDERFITTING -> "Underfitting: too simple, it misses the pattern (training and validation both poor)";
      case GOOD_FIT -> "Good fit: validation within its standard error of the best";
      case OVERFITTING -> "Overfitting: it learns the noise (training stays good, validation worse than at its best)";
    }).orElse("No clear verdict: validation worse than its best by more than the fold spread, without the training"
        + " pattern of under- or overfitting");
    return curve.best().filter(b -> b.trial() != p.trial())
        .map(b -> words + ". Validation " + score(p.validation()) + " at " + at(curve, p) + ", "
            + score(b.validation()) + " at the best (" + at(curve, b) + ").")
        .orElse(words + ". This is the best validation score.");
  }

  private static String at(ValidationCurveModel curve, ValidationCurveModel.Point p) {
    return curve.parameter() + " " + ParameterAxis.format(p.trial().params().get(curve.parameter()));
  }

  private static String score(double v) {
    return String.format(java.util.Locale.ROOT, "%.3f", v);
  }

  /** Predictions for every row of the table, in chunks on every core: the drawing grid has 14,400 rows. */
  static double[] predictInParallel(HeldOutCheck.Refit refit, Table table) {
    int n = table.rowCount();
    int chunks = Math.max(1, Runtime.getRuntime().availableProcessors());
    double[] out = new double[n];
    java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> {
      int from = (int) ((long) n * c / chunks);
      int to = (int) ((long) n * (c + 1) / chunks);
      double[] part = refit.predict(table, java.util.stream.IntStream.range(from, to).toArray());
      System.arraycopy(part, 0, out, from, part.length);
    });
    return out;
  }

  /** The range of values with a margin of 8% on each side. */
  public static double[] bounds(double[] values) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    double pad = Math.max(1e-9, (hi - lo) * 0.08);
    return new double[] {lo - pad, hi + pad};
  }
}
