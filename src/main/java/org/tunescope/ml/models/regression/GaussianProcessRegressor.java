package org.tunescope.ml.models.regression;

import java.util.List;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.Fitted;
import org.tunescope.ml.models.Kernels;
import org.tunescope.ml.models.ModelSpec;
import smile.regression.GaussianProcessRegression;

/**
 * Gaussian process regression with an rbf kernel exp(-gamma |x-y|^2). Smile standardises the target,
 * so {@code noise} is a variance relative to the target's. Exact inference costs O(n^3): it suits a
 * few thousand rows at most.
 */
public final class GaussianProcessRegressor {

  static final String NOISE = "noise";

  private GaussianProcessRegressor() {
  }

  public static ModelSpec spec() {
    return new ModelSpec("gaussian_process", Task.REGRESSION, "Gaussian process", "Kernels",
        "Kernel regression with a noise level; smooth fits on small data",
        List.of(
            Kernels.gamma(0.03),
            HyperParameter.floating(NOISE, 0, true, Double.POSITIVE_INFINITY, 1e-4, 10, true, 0.5,
                "noise variance, relative to the target's variance", Complexity.LESS_WHEN_RAISED)),
        true,
        (data, params) -> Fitted.regression(GaussianProcessRegression.fit(data.x(), data.y(),
            Kernels.rbf(params.getDouble(Kernels.GAMMA)), params.getDouble(NOISE))));
  }
}
