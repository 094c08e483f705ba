package org.tunescope.ml.models;

import java.util.List;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.ml.Task;
import smile.classification.LDA;
import smile.classification.LogisticRegression;
import smile.classification.RDA;
import smile.regression.ElasticNet;
import smile.regression.LASSO;
import smile.regression.LinearModel;
import smile.regression.OLS;
import smile.regression.RidgeRegression;

/**
 * The linear models: logistic regression and discriminant analysis for classification, least squares
 * with and without penalties for regression (the polynomial model fits its ridge here too).
 */
public final class LinearModels {

  static final String LAMBDA = "lambda";
  static final String L1_RATIO = "l1_ratio";

  private LinearModels() {
  }

  /** L2-regularised logistic regression: binomial for two classes, multinomial for more. */
  public static ModelSpec logisticRegression() {
    return new ModelSpec("logistic_regression", Task.CLASSIFICATION, "Logistic regression", "Linear",
        "Linear decision boundary with calibrated probabilities",
        List.of(
            HyperParameter.floating("lambda", 0, false, Double.POSITIVE_INFINITY, 1e-6, 100, true, 1.0,
                "L2 penalty (lambda/2)|w|^2 on the summed log-likelihood; roughly 1/C of scikit-learn",
                Complexity.LESS_WHEN_RAISED),
            HyperParameter.integer("max_iter", 1, 100_000, 50, 1000, true, 500,
                "maximum iterations of the optimiser (L-BFGS)", Complexity.NONE)
                .searching(new Distribution.Fixed(500L))),
        true,
        (data, params) -> Fitted.codedClassifier(LogisticRegression.fit(data.x(), SmileFrames.codedLabels(data),
            params.getDouble("lambda"), 1e-5, params.getInt("max_iter")), data));
  }

  /** Linear discriminant analysis: Gaussian classes sharing one covariance matrix. */
  public static ModelSpec lda() {
    return new ModelSpec("lda", Task.CLASSIFICATION, "Linear discriminant analysis", "Linear",
        "Gaussian classes with a shared covariance: a fast linear baseline",
        List.of(HyperParameter.floating("tol", 0, true, 1, 1e-8, 1e-2, true, 1e-4,
                "variance below tol^2 counts as singular", Complexity.NONE)
            .searching(new Distribution.Fixed(1e-4))),
        false,
        (data, params) -> Fitted.codedClassifier(
            LDA.fit(data.x(), SmileFrames.codedLabels(data), null, params.getDouble("tol")), data));
  }

  /** Regularised discriminant analysis: a continuum from LDA (alpha 0) to QDA (alpha 1). */
  public static ModelSpec rda() {
    return new ModelSpec("rda", Task.CLASSIFICATION, "Regularised discriminant analysis", "Linear",
        "Per-class Gaussian covariances shrunk towards a shared one",
        List.of(HyperParameter.floating("alpha", 0, false, 1, 0, 1, false, 0.5,
            "0 shares one covariance (LDA), 1 gives each class its own (QDA)",
            Complexity.MORE_WHEN_RAISED)),
        false,
        (data, params) -> Fitted.codedClassifier(
            RDA.fit(data.x(), SmileFrames.codedLabels(data), params.getDouble("alpha"), null, 1e-4), data));
  }

  /**
   * Ordinary least squares: the baseline with nothing to tune. By SVD, which copes with collinear columns
   * (one-hot groups) better than QR.
   */
  public static ModelSpec linear() {
    return new ModelSpec("linear", Task.REGRESSION, "Linear regression", "Linear",
        "Ordinary least squares; nothing to tune, the baseline to beat", List.of(), false,
        (data, params) -> wrap(OLS.fit(SmileFrames.FORMULA, SmileFrames.training(data), "svd", false, false)));
  }

  /** Least squares with an L2 penalty. */
  public static ModelSpec ridge() {
    return new ModelSpec("ridge", Task.REGRESSION, "Ridge regression", "Linear",
        "Least squares with an L2 penalty shrinking all coefficients", List.of(ridgeLambda(1.0)), true,
        (data, params) -> ridge(data, params.getDouble(LAMBDA)));
  }

  /**
   * Least squares with an L1 penalty. {@code lambda} has scikit-learn's Lasso alpha meaning, a penalty per
   * sample: scikit-learn minimises |y - Xb|^2 / (2n) + alpha |b|_1, Smile |y - Xb|^2 + lambda' |b|_1, so
   * Smile gets lambda' = 2 n lambda. That keeps one default range right for datasets of any size.
   */
  public static ModelSpec lasso() {
    return new ModelSpec("lasso", Task.REGRESSION, "Lasso", "Linear",
        "Least squares with an L1 penalty that sets some coefficients to zero",
        List.of(HyperParameter.floating(LAMBDA, 0, true, Double.POSITIVE_INFINITY, 1e-4, 10, true, 0.1,
            "L1 penalty per sample (scikit-learn's Lasso alpha)", Complexity.LESS_WHEN_RAISED)),
        true,
        (data, params) -> wrap(LASSO.fit(SmileFrames.FORMULA, SmileFrames.training(data),
            2.0 * data.rows() * params.getDouble(LAMBDA), 1e-4, 1000)));
  }

  /**
   * Least squares with L1 and L2 penalties, with scikit-learn's ElasticNet parameters: it minimises
   * |y - Xb|^2 / (2n) + lambda l1_ratio |b|_1 + lambda (1 - l1_ratio) |b|^2 / 2. Multiplied by 2n that is
   * Smile's |y - Xb|^2 + lambda1 |b|_1 + lambda2 |b|^2 with lambda1 = 2 n lambda l1_ratio and
   * lambda2 = n lambda (1 - l1_ratio). Smile refuses lambda2 = 0, so l1_ratio = 1 fits a lasso.
   */
  public static ModelSpec elasticNet() {
    return new ModelSpec("elastic_net", Task.REGRESSION, "Elastic net", "Linear",
        "Least squares with a mix of L1 and L2 penalties",
        List.of(
            HyperParameter.floating(LAMBDA, 0, true, Double.POSITIVE_INFINITY, 1e-4, 10, true,
                0.1, "overall penalty per sample (scikit-learn's ElasticNet alpha)",
                Complexity.LESS_WHEN_RAISED),
            HyperParameter.floating(L1_RATIO, 0, true, 1, 0.05, 1, false, 0.5,
                "share of the penalty that is L1: 1 is the lasso, near 0 ridge", Complexity.NONE)),
        true,
        (data, params) -> {
          double n = data.rows();
          double lambda = params.getDouble(LAMBDA);
          double ratio = params.getDouble(L1_RATIO);
          double lambda1 = 2 * n * lambda * ratio;
          double lambda2 = n * lambda * (1 - ratio);
          return wrap(lambda2 > 0
              ? ElasticNet.fit(SmileFrames.FORMULA, SmileFrames.training(data), lambda1, lambda2, 1e-4, 1000)
              : LASSO.fit(SmileFrames.FORMULA, SmileFrames.training(data), lambda1, 1e-4, 1000));
        });
  }

  /** Ridge: |y - Xb|^2 + lambda |b|^2, the intercept not penalised (scikit-learn's Ridge alpha). */
  static FittedModel ridge(TrainingData data, double lambda) {
    return wrap(RidgeRegression.fit(SmileFrames.FORMULA, SmileFrames.training(data), lambda));
  }

  private static FittedModel wrap(LinearModel model) {
    return Fitted.rows(model::predict);
  }

  static HyperParameter ridgeLambda(double defaultValue) {
    return HyperParameter.floating(LAMBDA, 0, true, Double.POSITIVE_INFINITY, 1e-4, 1e3, true,
        defaultValue, "L2 penalty lambda |w|^2 (scikit-learn's Ridge alpha)", Complexity.LESS_WHEN_RAISED);
  }
}
