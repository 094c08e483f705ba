package org.tunescope.ml.models.regression;

import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.ml.models.Fitted;
import org.tunescope.ml.models.FittedModel;
import org.tunescope.ml.models.SmileFrames;
import org.tunescope.ml.models.TrainingData;
import smile.regression.LinearModel;
import smile.regression.OLS;
import smile.regression.RidgeRegression;

/** Least squares fits on plain matrices, shared by the linear and polynomial models. */
final class LinearFits {

  static final String LAMBDA = "lambda";

  private LinearFits() {
  }

  /**
   * Ordinary least squares by SVD, which copes with collinear columns (one-hot groups) better than QR.
   */
  static FittedModel ols(TrainingData data) {
    return wrap(OLS.fit(SmileFrames.FORMULA, SmileFrames.training(data), "svd", false, false));
  }

  /** Ridge: |y - Xb|^2 + lambda |b|^2, the intercept not penalised (scikit-learn's Ridge alpha). */
  static FittedModel ridge(TrainingData data, double lambda) {
    return wrap(RidgeRegression.fit(SmileFrames.FORMULA, SmileFrames.training(data), lambda));
  }

  static FittedModel wrap(LinearModel model) {
    return Fitted.rows(model::predict);
  }

  static HyperParameter ridgeLambda(double defaultValue) {
    return HyperParameter.floating(LAMBDA, 0, true, Double.POSITIVE_INFINITY, 1e-4, 1e3, true,
        defaultValue, "L2 penalty lambda |w|^2 (scikit-learn's Ridge alpha)", Complexity.LESS_WHEN_RAISED);
  }

}
