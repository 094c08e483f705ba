package org.tunescope.ml.models.classification;

import java.util.List;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.Fitted;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.SmileFrames;

/** k nearest neighbours by Euclidean distance; probabilities are the neighbours' class shares. */
public final class KnnClassifier {

  private KnnClassifier() {
  }

  public static ModelSpec spec() {
    return new ModelSpec("knn", Task.CLASSIFICATION, "k nearest neighbours", "Neighbours",
        "Majority vote of the closest training samples",
        List.of(HyperParameter.integer("k", 1, 100_000, 1, 50, true, 5,
            "number of neighbours that vote; larger values give smoother boundaries",
            Complexity.LESS_WHEN_RAISED)),
        true,
        (data, params) -> {
          int k = params.getInt("k");
          if (k > data.rows()) {
            throw new IllegalArgumentException("k = " + k + " exceeds the " + data.rows() + " training rows");
          }
          int[] coded = SmileFrames.codedLabels(data);
          int classes = SmileFrames.presentClasses(data.labels()).length;
          return Fitted.codedClassifier(new NeighbourVote(data.x(), coded, k, classes), data);
        });
  }
}
