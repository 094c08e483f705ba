package org.tunescope.ml.models.classification;

import static org.tunescope.ml.models.TreeParams.MAX_DEPTH;
import static org.tunescope.ml.models.TreeParams.MAX_NODES;
import static org.tunescope.ml.models.TreeParams.NODE_SIZE;
import static org.tunescope.ml.models.TreeParams.TREES;

import java.util.List;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.Fitted;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.SmileFrames;
import org.tunescope.ml.models.StagedModel;
import org.tunescope.ml.models.StagedTrainer;
import org.tunescope.ml.models.TreeParams;
import smile.classification.AdaBoost;

/** AdaBoost (SAMME for several classes) over small trees. */
public final class AdaBoostClassifier {

  private AdaBoostClassifier() {
  }

  public static ModelSpec spec() {
    return new ModelSpec("adaboost", Task.CLASSIFICATION, "AdaBoost", "Trees",
        "Small trees reweighting the samples the previous ones got wrong",
        List.of(
            TreeParams.trees(10, 500, 100),
            TreeParams.maxDepth(1, 8, 3),
            TreeParams.maxNodes(2, 64, 8),
            TreeParams.nodeSize(1, 50, 1)),
        false,
        (StagedTrainer) (data, params) -> {
          AdaBoost boost = AdaBoost.fit(SmileFrames.FORMULA, SmileFrames.training(data), params.getInt(TREES),
              TreeParams.smileDepth(params), params.getInt(MAX_NODES), params.getInt(NODE_SIZE));
          return StagedModel.trimmedInPlace(Fitted.frameClassifier(boost, data), boost.size(), boost::trim);
        });
  }
}
