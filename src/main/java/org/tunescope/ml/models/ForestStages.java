package org.tunescope.ml.models;

import java.util.Arrays;
import smile.util.IntSet;

/**
 * The forest of a forest's first trees. Smile's own {@code trim} keeps the trees with the best
 * out-of-bag accuracy (and reorders the forest), not the first ones, so the first k trees are taken
 * here: they are the forest that k trees with the same seeds would have grown.
 */
public final class ForestStages {

  private ForestStages() {
  }

  static smile.classification.RandomForest firstTrees(smile.classification.RandomForest forest, int count) {
    return new smile.classification.RandomForest(forest.formula(), forest.numClasses(),
        Arrays.copyOf(forest.models(), count), forest.metrics(), forest.importance(), new IntSet(forest.classes()));
  }

  static smile.regression.RandomForest firstTrees(smile.regression.RandomForest forest, int count) {
    return new smile.regression.RandomForest(forest.formula(), Arrays.copyOf(forest.models(), count),
        forest.metrics(), forest.importance());
  }

  /** A fitted classification forest whose first trees are models too. */
  public static StagedModel classifier(smile.classification.RandomForest forest, TrainingData data) {
    return StagedModel.of(Fitted.frameClassifier(forest, data), forest.size(),
        k -> Fitted.frameClassifier(firstTrees(forest, k), data));
  }

  /** A fitted regression forest whose first trees are models too. */
  public static StagedModel regression(smile.regression.RandomForest forest) {
    return StagedModel.of(Fitted.frameRegression(forest), forest.size(),
        k -> Fitted.frameRegression(firstTrees(forest, k)));
  }
}
