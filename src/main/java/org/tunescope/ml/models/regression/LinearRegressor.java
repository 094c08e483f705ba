package org.tunescope.ml.models.regression;

import java.util.List;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.ModelSpec;

/** Ordinary least squares: the baseline with nothing to tune. */
public final class LinearRegressor {

  private LinearRegressor() {
  }

  public static ModelSpec spec() {
    return new ModelSpec("linear", Task.REGRESSION, "Linear regression", "Linear",
        "Ordinary least squares; nothing to tune, the baseline to beat",
        List.of(), false, (data, params) -> LinearFits.ols(data));
  }
}
