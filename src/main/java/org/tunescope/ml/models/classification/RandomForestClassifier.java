package org.tunescope.ml.models.classification;

import static org.tunescope.ml.models.TreeParams.MAX_DEPTH;
import static org.tunescope.ml.models.TreeParams.MAX_FEATURES;
import static org.tunescope.ml.models.TreeParams.MAX_NODES;
import static org.tunescope.ml.models.TreeParams.NODE_SIZE;
import static org.tunescope.ml.models.TreeParams.SUBSAMPLE;
import static org.tunescope.ml.models.TreeParams.TREES;

import java.util.List;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.ConfinedFit;
import org.tunescope.ml.models.ForestStages;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.SmileFrames;
import org.tunescope.ml.models.StagedTrainer;
import org.tunescope.ml.models.TreeParams;
import smile.classification.RandomForest;

/** Bagged, feature-subsampled classification trees. */
public final class RandomForestClassifier {

  private RandomForestClassifier() {
  }

  public static ModelSpec spec() {
    return new ModelSpec("random_forest", Task.CLASSIFICATION, "Random forest", "Trees",
        "Many decorrelated deep trees voting; strong with little tuning",
        List.of(
            TreeParams.trees(10, 500, 100),
            TreeParams.maxDepth(1, 30, 30),
            TreeParams.maxFeatures("sqrt"),
            TreeParams.maxNodes(16, 4096, 100_000),
            TreeParams.nodeSize(1, 20, 1),
            TreeParams.subsample(0.5, 1.0, 1.0,
                "fraction of rows per tree; 1 draws a bootstrap sample, less draws without replacement"),
            DecisionTreeClassifier.criterion()),
        false,
        (StagedTrainer) (data, params) -> {
          int trees = params.getInt(TREES);
          RandomForest forest = ConfinedFit.call(data.seed(), () -> RandomForest.fit(SmileFrames.FORMULA, SmileFrames.training(data), trees,
              TreeParams.mtry(params.getString(MAX_FEATURES), data.x()[0].length),
              DecisionTreeClassifier.splitRule(params.getString(DecisionTreeClassifier.CRITERION)),
              TreeParams.smileDepth(params), params.getInt(MAX_NODES), params.getInt(NODE_SIZE),
              params.getDouble(SUBSAMPLE), null, TreeParams.treeSeeds(data.seed(), trees)));
          return ForestStages.classifier(forest, data);
        });
  }
}
