package org.tunescope.ml.models.regression;

import java.util.ArrayList;
import java.util.List;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.Fitted;
import org.tunescope.ml.models.FittedModel;
import org.tunescope.ml.models.Kernels;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.Params;
import org.tunescope.ml.models.SvmParams;
import org.tunescope.ml.models.TrainingData;
import smile.regression.KernelMachine;
import smile.regression.SVM;

/**
 * Epsilon support vector regression. The target is standardised inside the fit, so {@code epsilon} is
 * in standard deviations of the target and one range of C suits every dataset.
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
        "Kernel regression that ignores errors below epsilon", hps, true, SvmRegressor::fit);
  }

  private static FittedModel fit(TrainingData data, Params params) {
    TargetScale target = TargetScale.of(data.y());
    KernelMachine<double[]> svr = SVM.fit(data.x(), target.scale(data.y()), Kernels.of(params),
        params.getDouble(EPSILON), params.getDouble(SvmParams.C), params.getDouble(SvmParams.TOL));
    return Fitted.rows(x -> target.unscale(svr.predict(x)));
  }
}
