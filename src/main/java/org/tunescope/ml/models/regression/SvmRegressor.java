package org.tunescope.ml.models.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.DistanceTrainer;
import org.tunescope.ml.models.FittedModel;
import org.tunescope.ml.models.Kernels;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.Params;
import org.tunescope.ml.models.SquaredDistances;
import org.tunescope.ml.models.SvmParams;
import org.tunescope.ml.models.TargetScale;
import org.tunescope.ml.models.TrainingData;
import smile.regression.KernelMachine;
import smile.regression.SVM;

/**
 * Epsilon support vector regression. The target is standardised inside the fit, so {@code epsilon} is
 * in standard deviations of the target and one range of C suits every dataset. With a fold's squared
 * distances at hand, an rbf machine is fitted on the fold's index rows (see {@link Kernels.Inputs}).
 */
public final class SvmRegressor {

  static final String EPSILON = "epsilon";

  private SvmRegressor() {
  }

  public static ModelSpec spec() {
    List<HyperParameter> hps = new ArrayList<>(Kernels.parameters());
    hps.add(1, SvmParams.penalty());
    hps.add(2, HyperParameter.floating(EPSILON, 0, false, Double.POSITIVE_INFINITY, 1e-3, 1, true, 0.1,
        "errors smaller than this (in target standard deviations) cost nothing",
        Complexity.LESS_WHEN_RAISED));
    hps.add(SvmParams.tolerance());
    return new ModelSpec("svm", Task.REGRESSION, "Support vector regression", "Kernels",
        "Kernel regression that ignores errors below epsilon", hps, true, new SvmTrainer());
  }

  /** Fits on the feature rows, or on a fold's index rows when its distances serve the kernel. */
  private static final class SvmTrainer implements DistanceTrainer {
    @Override
    public FittedModel fit(TrainingData data, Params params) {
      return SvmRegressor.fit(data, params, Optional.empty());
    }

    @Override
    public boolean usesDistances(Params params) {
      return Kernels.usesSquaredDistances(params);
    }

    @Override
    public FittedModel fit(TrainingData data, Params params, SquaredDistances distances) {
      return SvmRegressor.fit(data, params, Optional.of(distances));
    }
  }

  private static FittedModel fit(TrainingData data, Params params, Optional<SquaredDistances> distances) {
    TargetScale target = TargetScale.of(data.y());
    Kernels.Inputs inputs = Kernels.Inputs.of(params, data.x(), distances);
    KernelMachine<double[]> svr = SVM.fit(inputs.training(), target.scale(data.y()), inputs.kernel(),
        params.getDouble(EPSILON), params.getDouble(SvmParams.C), params.getDouble(SvmParams.TOL));
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
}
