package org.tunescope.ml.models.regression;

import java.util.List;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.ModelSpec;

/** Least squares with an L2 penalty. */
public final class RidgeRegressor {

  private RidgeRegressor() {
  }

  public static ModelSpec spec() {
    return new ModelSpec("ridge", Task.REGRESSION, "Ridge regression", "Linear",
        "Least squares with an L2 penalty shrinking all coefficients",
        List.of(LinearFits.ridgeLambda(1.0)), true,
        (data, params) -> LinearFits.ridge(data, params.getDouble(LinearFits.LAMBDA)));
  }
}
