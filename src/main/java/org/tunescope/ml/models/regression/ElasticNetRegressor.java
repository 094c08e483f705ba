package org.tunescope.ml.models.regression;

import java.util.List;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.SmileFrames;
import smile.regression.ElasticNet;
import smile.regression.LASSO;

/**
 * Least squares with L1 and L2 penalties, with scikit-learn's ElasticNet parameters: it minimises
 * |y - Xb|^2 / (2n) + lambda l1_ratio |b|_1 + lambda (1 - l1_ratio) |b|^2 / 2. Multiplied by 2n that is
 * Smile's |y - Xb|^2 + lambda1 |b|_1 + lambda2 |b|^2 with lambda1 = 2 n lambda l1_ratio and
 * lambda2 = n lambda (1 - l1_ratio). Smile refuses lambda2 = 0, so l1_ratio = 1 fits a lasso.
 */
public final class ElasticNetRegressor {

  static final String L1_RATIO = "l1_ratio";

  private ElasticNetRegressor() {
  }

  public static ModelSpec spec() {
    return new ModelSpec("elastic_net", Task.REGRESSION, "Elastic net", "Linear",
        "Least squares with a mix of L1 and L2 penalties",
        List.of(
            HyperParameter.floating(LinearFits.LAMBDA, 0, true, Double.POSITIVE_INFINITY, 1e-4, 10, true,
                0.1, "overall penalty per sample (scikit-learn's ElasticNet alpha)",
                Complexity.LESS_WHEN_RAISED),
            HyperParameter.floating(L1_RATIO, 0, true, 1, 0.05, 1, false, 0.5,
                "share of the penalty that is L1: 1 is the lasso, near 0 ridge", Complexity.NONE)),
        true,
        (data, params) -> {
          double n = data.rows();
          double lambda = params.getDouble(LinearFits.LAMBDA);
          double ratio = params.getDouble(L1_RATIO);
          double lambda1 = 2 * n * lambda * ratio;
          double lambda2 = n * lambda * (1 - ratio);
          return LinearFits.wrap(lambda2 > 0
              ? ElasticNet.fit(SmileFrames.FORMULA, SmileFrames.training(data), lambda1, lambda2, 1e-4, 1000)
              : LASSO.fit(SmileFrames.FORMULA, SmileFrames.training(data), lambda1, 1e-4, 1000));
        });
  }
}
