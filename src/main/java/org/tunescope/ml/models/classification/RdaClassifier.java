package org.tunescope.ml.models.classification;

import java.util.List;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.Fitted;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.SmileFrames;
import smile.classification.RDA;

/** Regularised discriminant analysis: a continuum from LDA (alpha 0) to QDA (alpha 1). */
public final class RdaClassifier {

  private RdaClassifier() {
  }

  public static ModelSpec spec() {
    return new ModelSpec("rda", Task.CLASSIFICATION, "Regularised discriminant analysis", "Linear",
        "Per-class Gaussian covariances shrunk towards a shared one",
        List.of(HyperParameter.floating("alpha", 0, false, 1, 0, 1, false, 0.5,
            "0 shares one covariance (LDA), 1 gives each class its own (QDA)",
            Complexity.MORE_WHEN_RAISED)),
        false,
        (data, params) -> Fitted.codedClassifier(
            RDA.fit(data.x(), SmileFrames.codedLabels(data), params.getDouble("alpha"), null, 1e-4), data));
  }
}
