package org.tunescope.ml.models.classification;

import static org.tunescope.ml.models.TreeParams.MAX_DEPTH;
import static org.tunescope.ml.models.TreeParams.MAX_NODES;
import static org.tunescope.ml.models.TreeParams.NODE_SIZE;

import java.util.List;
import java.util.Locale;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.Fitted;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.SmileFrames;
import org.tunescope.ml.models.TreeParams;
import smile.base.cart.SplitRule;
import smile.classification.DecisionTree;

/** A single CART classification tree. */
public final class DecisionTreeClassifier {

  static final String CRITERION = "criterion";

  private DecisionTreeClassifier() {
  }

  public static ModelSpec spec() {
    return new ModelSpec("decision_tree", Task.CLASSIFICATION, "Decision tree", "Trees",
        "One CART tree: readable, overfits easily when deep",
        List.of(
            TreeParams.maxDepth(1, 20, 20),
            TreeParams.maxNodes(4, 1024, 100_000),
            TreeParams.nodeSize(1, 50, 1),
            criterion()),
        false,
        (data, params) -> Fitted.frameClassifier(
            DecisionTree.fit(SmileFrames.FORMULA, SmileFrames.training(data),
                splitRule(params.getString(CRITERION)), TreeParams.smileDepth(params),
                params.getInt(MAX_NODES), params.getInt(NODE_SIZE)),
            data));
  }

  /** The impurity a split minimises; shared with the random forest. */
  static HyperParameter criterion() {
    return HyperParameter.categorical(CRITERION, List.of("gini", "entropy", "classification_error"),
        List.of("gini", "entropy"), "gini", "impurity measure a split minimises");
  }

  static SplitRule splitRule(String criterion) {
    return SplitRule.valueOf(criterion.toUpperCase(Locale.ROOT));
  }
}
