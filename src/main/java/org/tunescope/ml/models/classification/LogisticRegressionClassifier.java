package org.tunescope.ml.models.classification;

import java.util.List;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.Fitted;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.SmileFrames;
import smile.classification.LogisticRegression;

/** L2-regularised logistic regression: binomial for two classes, multinomial for more. */
public final class LogisticRegressionClassifier {

  private LogisticRegressionClassifier() {
  }

  public static ModelSpec spec() {
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
        (data, params) -> Fitted.codedClassifier(
            LogisticRegression.fit(data.x(), SmileFrames.codedLabels(data), params.getDouble("lambda"),
                1e-5, params.getInt("max_iter")),
            data));
  }
}
