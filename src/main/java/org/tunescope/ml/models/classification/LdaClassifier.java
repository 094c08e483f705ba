package org.tunescope.ml.models.classification;

import java.util.List;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.Fitted;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.SmileFrames;
import smile.classification.LDA;

/** Linear discriminant analysis: Gaussian classes sharing one covariance matrix. */
public final class LdaClassifier {

  private LdaClassifier() {
  }

  public static ModelSpec spec() {
    return new ModelSpec("lda", Task.CLASSIFICATION, "Linear discriminant analysis", "Linear",
        "Gaussian classes with a shared covariance: a fast linear baseline",
        List.of(HyperParameter.floating("tol", 0, true, 1, 1e-8, 1e-2, true, 1e-4,
                "variance below tol^2 counts as singular", Complexity.NONE)
            .searching(new Distribution.Fixed(1e-4))),
        false,
        (data, params) -> Fitted.codedClassifier(
            LDA.fit(data.x(), SmileFrames.codedLabels(data), null, params.getDouble("tol")), data));
  }
}
