package org.tunescope.ml.models.regression;

import java.util.List;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.SmileFrames;
import smile.regression.LASSO;

/**
 * Least squares with an L1 penalty. {@code lambda} has scikit-learn's Lasso alpha meaning, a penalty per
 * sample: scikit-learn minimises |y - Xb|^2 / (2n) + alpha |b|_1, Smile |y - Xb|^2 + lambda' |b|_1, so
 * Smile gets lambda' = 2 n lambda. That keeps one default range right for datasets of any size.
 */
public final class LassoRegressor {

  private LassoRegressor() {
  }

  public static ModelSpec spec() {
    return new ModelSpec("lasso", Task.REGRESSION, "Lasso", "Linear",
        "Least squares with an L1 penalty that sets some coefficients to zero",
        List.of(HyperParameter.floating(LinearFits.LAMBDA, 0, true, Double.POSITIVE_INFINITY,
            1e-4, 10, true, 0.1, "L1 penalty per sample (scikit-learn's Lasso alpha)",
            Complexity.LESS_WHEN_RAISED)),
        true,
        (data, params) -> LinearFits.wrap(LASSO.fit(SmileFrames.FORMULA, SmileFrames.training(data),
            2.0 * data.rows() * params.getDouble(LinearFits.LAMBDA), 1e-4, 1000)));
  }
}
