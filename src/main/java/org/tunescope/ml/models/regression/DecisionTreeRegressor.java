package org.tunescope.ml.models.regression;

import static org.tunescope.ml.models.TreeParams.MAX_DEPTH;
import static org.tunescope.ml.models.TreeParams.MAX_NODES;
import static org.tunescope.ml.models.TreeParams.NODE_SIZE;

import java.util.List;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.Fitted;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.SmileFrames;
import org.tunescope.ml.models.TreeParams;
import smile.regression.RegressionTree;

/** A single CART regression tree (squared error). */
public final class DecisionTreeRegressor {

  private DecisionTreeRegressor() {
  }

  public static ModelSpec spec() {
    return new ModelSpec("decision_tree", Task.REGRESSION, "Decision tree", "Trees",
        "One CART tree with a constant in each leaf",
        List.of(
            TreeParams.maxDepth(1, 20, 20),
            TreeParams.maxNodes(4, 1024, 100_000),
            TreeParams.nodeSize(1, 50, 5)),
        false,
        (data, params) -> Fitted.frameRegression(
            RegressionTree.fit(SmileFrames.FORMULA, SmileFrames.training(data), TreeParams.smileDepth(params),
                params.getInt(MAX_NODES), params.getInt(NODE_SIZE))));
  }
}
