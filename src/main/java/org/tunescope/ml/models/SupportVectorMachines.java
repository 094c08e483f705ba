package org.tunescope.ml.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.ml.Task;
import smile.classification.PlattScaling;
import smile.classification.SVM;
import smile.regression.KernelMachine;

/**
 * Support vector machines, for classification and (epsilon) regression, and their own parameters. With a
 * fold's squared distances at hand, an rbf machine is fitted on the fold's index rows and looks its
 * kernel's distances up (see {@link Kernels.Inputs}).
 */
public final class SupportVectorMachines {

  public static final String C = "C";
  public static final String TOL = "tol";
  static final String EPSILON = "epsilon";

  private SupportVectorMachines() {
  }

  /**
   * Support vector classifier. Smile's SVM is binary and must see labels -1/+1 (trained on 0/1 it
   * predicts -1/+1 and breaks downstream), so the labels are mapped here; each machine is solved by
   * {@link SvcSolver} (libsvm's algorithm, the one scikit-learn's SVC runs); several classes are handled
   * one-versus-rest, with Platt scaling fitted on the training scores so that the machines' scores are
   * comparable and give probabilities.
   */
  public static ModelSpec classifier() {
    List<HyperParameter> hps = new ArrayList<>(Kernels.parameters());
    hps.add(1, penalty());
    hps.add(tolerance());
    return new ModelSpec("svm", Task.CLASSIFICATION, "Support vector machine", "Kernels",
        "Maximum-margin classifier; kernels give non-linear boundaries",
        hps, true, trainer(SupportVectorMachines::fitClassifier));
  }

  /**
   * Epsilon support vector regression. The target is standardised inside the fit, so {@code epsilon} is
   * in standard deviations of the target and one range of C suits every dataset.
   */
  public static ModelSpec regressor() {
    List<HyperParameter> hps = new ArrayList<>(Kernels.parameters());
    hps.add(1, penalty());
    hps.add(2, HyperParameter.floating(EPSILON, 0, false, Double.POSITIVE_INFINITY, 1e-3, 1, true, 0.1,
        "errors smaller than this (in target standard deviations) cost nothing",
        Complexity.LESS_WHEN_RAISED));
    hps.add(tolerance());
    return new ModelSpec("svm", Task.REGRESSION, "Support vector regression", "Kernels",
        "Kernel regression that ignores errors below epsilon", hps, true, trainer(SupportVectorMachines::fitRegressor));
  }

  static HyperParameter penalty() {
    return HyperParameter.floating(C, 0, true, Double.POSITIVE_INFINITY, 0.01, 1000, true, 1.0,
        "penalty on margin violations: large values fit the training set closely",
        Complexity.MORE_WHEN_RAISED);
  }

  /** The optimiser's stopping tolerance; declared so it can be changed, but not searched. */
  static HyperParameter tolerance() {
    return HyperParameter.floating(TOL, 0, true, 1, 1e-5, 1e-1, true, 1e-3,
            "stopping tolerance of the optimiser", Complexity.NONE)
        .searching(new Distribution.Fixed(1e-3));
  }

  /** A fit on the feature rows, or on a fold's index rows when its distances serve the kernel. */
  private interface Fit {
    FittedModel fit(TrainingData data, Params params, Optional<SquaredDistances> distances);
  }

  private static DistanceTrainer trainer(Fit fit) {
    return new DistanceTrainer() {
      @Override
      public FittedModel fit(TrainingData data, Params params) {
        return fit.fit(data, params, Optional.empty());
      }

      @Override
      public boolean usesDistances(Params params) {
        return Kernels.usesSquaredDistances(params);
      }

      @Override
      public FittedModel fit(TrainingData data, Params params, SquaredDistances distances) {
        return fit.fit(data, params, Optional.of(distances));
      }
    };
  }

  private static FittedModel fitRegressor(TrainingData data, Params params, Optional<SquaredDistances> distances) {
    TargetScale target = TargetScale.of(data.y());
    Kernels.Inputs inputs = Kernels.Inputs.of(params, data.x(), distances);
    KernelMachine<double[]> svr = smile.regression.SVM.fit(inputs.training(), target.scale(data.y()), inputs.kernel(),
        params.getDouble(EPSILON), params.getDouble(C), params.getDouble(TOL));
    return new FittedModel() {
      /** The machine on feature rows, for rows the fold's distances do not cover; made when first needed. */
      private volatile KernelMachine<double[]> onFeatureRows;

      @Override
      public double[] predict(double[][] x) {
        Optional<double[][]> rows = inputs.rows(x);
        KernelMachine<double[]> machine = rows.isPresent() ? svr : onFeatureRows();
        double[][] in = rows.orElse(x);
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
          out[i] = target.unscale(machine.predict(in[i]));
        }
        return out;
      }

      private KernelMachine<double[]> onFeatureRows() {
        if (onFeatureRows == null) {
          onFeatureRows = new KernelMachine<>(inputs.featureKernel(), inputs.featureRows(svr.vectors()),
              svr.weights(), svr.intercept());
        }
        return onFeatureRows;
      }
    };
  }

  private static FittedModel fitClassifier(TrainingData data, Params params, Optional<SquaredDistances> distances) {
    Kernels.Inputs inputs = Kernels.Inputs.of(params, data.x(), distances);
    double c = params.getDouble(C);
    double tol = params.getDouble(TOL);
    int k = data.numClasses();
    int[] labels = data.labels();
    // Two classes need one machine (class 1 against class 0); more need one per class.
    int machines = k == 2 ? 1 : k;
    List<SVM<double[]>> svms = new ArrayList<>();
    List<PlattScaling> platts = new ArrayList<>();
    double[][] trainScores = new double[machines][];
    for (int m = 0; m < machines; m++) {
      int positive = k == 2 ? 1 : m;
      int[] y = new int[labels.length];
      int positives = 0;
      for (int i = 0; i < y.length; i++) {
        y[i] = labels[i] == positive ? +1 : -1;
        positives += labels[i] == positive ? 1 : 0;
      }
      if (positives == 0 || positives == y.length) {
        if (k == 2) {
          throw new IllegalArgumentException("SVM needs both classes in the training data");
        }
        svms.add(null); // class absent from this training set: never predicted
        platts.add(null);
        continue;
      }
      SvcSolver.Fit fit = SvcSolver.fit(inputs.training(), y, inputs.kernel(), c, tol);
      svms.add(fit.machine());
      trainScores[m] = fit.trainingScores();
      platts.add(PlattScaling.fit(trainScores[m], y));
    }
    OneVersusRest model = new OneVersusRest(svms, platts, k, inputs);
    // The training rows' scores served Platt scaling; the training score of the fold reuses them.
    model.remember(data.x(), trainScores);
    return model;
  }

  private static double[] scores(SVM<double[]> svm, double[][] x) {
    double[] s = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      s[i] = svm.score(x[i]);
    }
    return s;
  }

  /**
   * The machines and their Platt scalings: binary when there is one machine. Scoring a row costs one
   * kernel evaluation per support vector, so the scores of the last matrix scored are kept: predictions
   * and probabilities of the same rows (and the training rows, scored for Platt scaling) are computed once.
   */
  private static final class OneVersusRest implements FittedModel {
    private final List<SVM<double[]>> svms;
    private final List<PlattScaling> platts;
    private final int k;
    private final Kernels.Inputs inputs;
    private volatile Scored last;
    /** The machines on feature rows, for rows the fold's distances do not cover; made when first needed. */
    private volatile List<SVM<double[]>> onFeatureRows;

    OneVersusRest(List<SVM<double[]>> svms, List<PlattScaling> platts, int k, Kernels.Inputs inputs) {
      this.svms = svms;
      this.platts = platts;
      this.k = k;
      this.inputs = inputs;
    }

    void remember(double[][] x, double[][] scores) {
      last = new Scored(x, scores);
    }

    /** Each machine's decision value for each row: scores[machine][row] (null for absent classes). */
    private double[][] scores(double[][] x) {
      Scored known = last;
      if (known != null && known.x == x) {
        return known.scores;
      }
      Optional<double[][]> rows = inputs.rows(x);
      List<SVM<double[]>> machines = rows.isPresent() ? svms : onFeatureRows();
      double[][] s = new double[machines.size()][];
      for (int m = 0; m < s.length; m++) {
        s[m] = machines.get(m) == null ? null : SupportVectorMachines.scores(machines.get(m), rows.orElse(x));
      }
      last = new Scored(x, s);
      return s;
    }

    private List<SVM<double[]>> onFeatureRows() {
      List<SVM<double[]>> moved = onFeatureRows;
      if (moved == null) {
        moved = new ArrayList<>();
        for (SVM<double[]> svm : svms) {
          moved.add(svm == null ? null : new SVM<>(inputs.featureKernel(), inputs.featureRows(svm.vectors()),
              svm.weights(), svm.intercept()));
        }
        onFeatureRows = moved;
      }
      return moved;
    }

    @Override
    public double[] predict(double[][] x) {
      double[][] s = scores(x);
      double[] out = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        if (svms.size() == 1) {
          out[i] = s[0][i] > 0 ? 1 : 0;
        } else {
          double[] p = positives(s, i);
          int best = 0;
          for (int c = 1; c < k; c++) {
            best = p[c] > p[best] ? c : best;
          }
          out[i] = best;
        }
      }
      return out;
    }

    @Override
    public Optional<double[][]> probabilities(double[][] x) {
      double[][] s = scores(x);
      double[][] out = new double[x.length][];
      for (int i = 0; i < x.length; i++) {
        double[] p = positives(s, i);
        if (svms.size() == 1) {
          out[i] = new double[] {1 - p[0], p[0]};
        } else {
          double sum = 0;
          for (double v : p) {
            sum += v;
          }
          for (int c = 0; c < k; c++) {
            p[c] = sum > 0 ? p[c] / sum : 1.0 / k;
          }
          out[i] = p;
        }
      }
      return Optional.of(out);
    }

    /** Each machine's Platt-scaled probability that row i is its positive class (0 for absent classes). */
    private double[] positives(double[][] scores, int i) {
      double[] p = new double[svms.size()];
      for (int m = 0; m < p.length; m++) {
        p[m] = scores[m] == null ? 0 : platts.get(m).scale(scores[m][i]);
      }
      return p;
    }

    private record Scored(double[][] x, double[][] scores) {
    }
  }
}
