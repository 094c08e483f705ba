package org.tunescope.ml.models;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.ml.Task;
import smile.base.cart.Loss;
import smile.base.cart.SplitRule;
import smile.classification.AdaBoost;
import smile.classification.DecisionTree;
import smile.regression.RegressionTree;
import smile.util.IntSet;

/**
 * Smile's tree models (a single CART tree, random forests, gradient boosting, AdaBoost) and the
 * declarations they share with XGBoost, so that they read alike everywhere.
 */
public final class TreeModels {

  public static final String TREES = "trees";
  public static final String MAX_DEPTH = "max_depth";
  public static final String MAX_NODES = "max_nodes";
  public static final String NODE_SIZE = "node_size";
  public static final String SUBSAMPLE = "subsample";
  public static final String MAX_FEATURES = "max_features";
  public static final String LEARNING_RATE = "learning_rate";
  static final String CRITERION = "criterion";

  private TreeModels() {
  }

  /** A single CART classification tree. */
  public static ModelSpec decisionTreeClassifier() {
    return new ModelSpec("decision_tree", Task.CLASSIFICATION, "Decision tree", "Trees",
        "One CART tree: readable, overfits easily when deep",
        List.of(maxDepth(1, 20, 20), maxNodes(4, 1024, 100_000), nodeSize(1, 50, 1), criterion()),
        false,
        (data, params) -> Fitted.frameClassifier(DecisionTree.fit(SmileFrames.FORMULA, SmileFrames.training(data),
            splitRule(params), smileDepth(params), params.getInt(MAX_NODES), params.getInt(NODE_SIZE)), data));
  }

  /** A single CART regression tree (squared error). */
  public static ModelSpec decisionTreeRegressor() {
    return new ModelSpec("decision_tree", Task.REGRESSION, "Decision tree", "Trees",
        "One CART tree with a constant in each leaf",
        List.of(maxDepth(1, 20, 20), maxNodes(4, 1024, 100_000), nodeSize(1, 50, 5)),
        false,
        (data, params) -> Fitted.frameRegression(RegressionTree.fit(SmileFrames.FORMULA, SmileFrames.training(data),
            smileDepth(params), params.getInt(MAX_NODES), params.getInt(NODE_SIZE))));
  }

  /** Bagged, feature-subsampled classification trees. */
  public static ModelSpec randomForestClassifier() {
    List<HyperParameter> hps = new java.util.ArrayList<>(forest("sqrt", 1));
    hps.add(criterion());
    return new ModelSpec("random_forest", Task.CLASSIFICATION, "Random forest", "Trees",
        "Many decorrelated deep trees voting; strong with little tuning", hps, false,
        (StagedTrainer) (data, params) -> {
          int trees = params.getInt(TREES);
          var forest = ConfinedFit.call(data.seed(), () -> smile.classification.RandomForest.fit(SmileFrames.FORMULA,
              SmileFrames.training(data), trees, mtry(params.getString(MAX_FEATURES), data.x()[0].length),
              splitRule(params), smileDepth(params), params.getInt(MAX_NODES), params.getInt(NODE_SIZE),
              params.getDouble(SUBSAMPLE), null, treeSeeds(data.seed(), trees)));
          // Smile's own trim keeps the trees with the best out-of-bag accuracy (and reorders the forest), not
          // the first ones: the first k trees are the forest that k trees with the same seeds would have grown.
          return StagedModel.of(Fitted.frameClassifier(forest, data), forest.size(),
              k -> Fitted.frameClassifier(new smile.classification.RandomForest(forest.formula(), forest.numClasses(),
                  Arrays.copyOf(forest.models(), k), forest.metrics(), forest.importance(),
                  new IntSet(forest.classes())), data));
        });
  }

  /** Bagged, feature-subsampled regression trees, averaged. */
  public static ModelSpec randomForestRegressor() {
    return new ModelSpec("random_forest", Task.REGRESSION, "Random forest", "Trees",
        "Average of many decorrelated deep trees", forest("third", 5), false,
        (StagedTrainer) (data, params) -> {
          int trees = params.getInt(TREES);
          var forest = ConfinedFit.call(data.seed(), () -> smile.regression.RandomForest.fit(SmileFrames.FORMULA,
              SmileFrames.training(data), trees, mtry(params.getString(MAX_FEATURES), data.x()[0].length),
              smileDepth(params), params.getInt(MAX_NODES), params.getInt(NODE_SIZE), params.getDouble(SUBSAMPLE),
              treeSeeds(data.seed(), trees)));
          return StagedModel.of(Fitted.frameRegression(forest), forest.size(),
              k -> Fitted.frameRegression(new smile.regression.RandomForest(forest.formula(),
                  Arrays.copyOf(forest.models(), k), forest.metrics(), forest.importance())));
        });
  }

  /** Gradient-boosted regression trees on the logistic (binary) or softmax (multi-class) loss. */
  public static ModelSpec gradientBoostingClassifier() {
    return new ModelSpec("gradient_boosting", Task.CLASSIFICATION, "Gradient boosting", "Trees",
        "Shallow trees added one by one, each correcting the previous ones", boosting(), false,
        (BoostingTrainer) (data, params) -> {
          var boost = smile.classification.GradientTreeBoost.fit(SmileFrames.FORMULA, SmileFrames.training(data),
              params.getInt(TREES), smileDepth(params), params.getInt(MAX_NODES), params.getInt(NODE_SIZE),
              params.getDouble(LEARNING_RATE), params.getDouble(SUBSAMPLE));
          return StagedModel.trimmedInPlace(Fitted.frameClassifier(boost, data), boost.size(), boost::trim);
        });
  }

  /** Gradient-boosted regression trees on the squared error. */
  public static ModelSpec gradientBoostingRegressor() {
    return new ModelSpec("gradient_boosting", Task.REGRESSION, "Gradient boosting", "Trees",
        "Shallow trees added one by one, each fitting the remaining error", boosting(), false,
        (BoostingTrainer) (data, params) -> {
          var boost = smile.regression.GradientTreeBoost.fit(SmileFrames.FORMULA, SmileFrames.training(data),
              Loss.ls(), params.getInt(TREES), smileDepth(params), params.getInt(MAX_NODES),
              params.getInt(NODE_SIZE), params.getDouble(LEARNING_RATE), params.getDouble(SUBSAMPLE));
          return StagedModel.trimmedInPlace(Fitted.frameRegression(boost), boost.size(), boost::trim);
        });
  }

  /** AdaBoost (SAMME for several classes) over small trees. */
  public static ModelSpec adaBoostClassifier() {
    return new ModelSpec("adaboost", Task.CLASSIFICATION, "AdaBoost", "Trees",
        "Small trees reweighting the samples the previous ones got wrong",
        List.of(trees(10, 500, 100), maxDepth(1, 8, 3), maxNodes(2, 64, 8), nodeSize(1, 50, 1)),
        false,
        (StagedTrainer) (data, params) -> {
          AdaBoost boost = AdaBoost.fit(SmileFrames.FORMULA, SmileFrames.training(data), params.getInt(TREES),
              smileDepth(params), params.getInt(MAX_NODES), params.getInt(NODE_SIZE));
          return StagedModel.trimmedInPlace(Fitted.frameClassifier(boost, data), boost.size(), boost::trim);
        });
  }

  public static HyperParameter trees(long low, long high, long defaultValue) {
    return HyperParameter.integer(TREES, 1, 10_000, low, high, true, defaultValue,
        "number of trees in the ensemble", Complexity.MORE_WHEN_RAISED);
  }

  public static HyperParameter maxDepth(long low, long high, long defaultValue) {
    return HyperParameter.integer(MAX_DEPTH, 1, 1000, low, high, false, defaultValue,
        "maximum number of splits from the root to a leaf (1 = a single split, as in scikit-learn)",
        Complexity.MORE_WHEN_RAISED);
  }

  /**
   * The depth to give Smile: Smile counts the root as depth 1, so its max depth 1 is a tree that never
   * splits; users (and scikit-learn) mean the number of split levels.
   */
  public static int smileDepth(Params params) {
    return params.getInt(MAX_DEPTH) + 1;
  }

  public static HyperParameter maxNodes(long low, long high, long defaultValue) {
    return HyperParameter.integer(MAX_NODES, 2, 1_000_000, low, high, true, defaultValue,
        "maximum number of leaves of a tree", Complexity.MORE_WHEN_RAISED);
  }

  public static HyperParameter nodeSize(long low, long high, long defaultValue) {
    return HyperParameter.integer(NODE_SIZE, 1, 100_000, low, high, true, defaultValue,
        "minimum number of samples in a leaf; larger values give smoother trees",
        Complexity.LESS_WHEN_RAISED);
  }

  public static HyperParameter subsample(double low, double high, double defaultValue, String meaning) {
    return HyperParameter.floating(SUBSAMPLE, 0, true, 1, low, high, false, defaultValue, meaning,
        Complexity.NONE);
  }

  public static HyperParameter learningRate() {
    return HyperParameter.floating(LEARNING_RATE, 0, true, 1, 0.01, 0.5, true, 0.1,
        "shrinkage applied to each tree's contribution", Complexity.MORE_WHEN_RAISED);
  }

  /** The impurity a classification split minimises. */
  static HyperParameter criterion() {
    return HyperParameter.categorical(CRITERION, List.of("gini", "entropy", "classification_error"),
        List.of("gini", "entropy"), "gini", "impurity measure a split minimises");
  }

  static SplitRule splitRule(Params params) {
    return SplitRule.valueOf(params.getString(CRITERION).toUpperCase(Locale.ROOT));
  }

  /** A forest's hyperparameters, the criterion aside. */
  private static List<HyperParameter> forest(String maxFeatures, long nodeSize) {
    return List.of(
        trees(10, 500, 100),
        maxDepth(1, 30, 30),
        maxFeatures(maxFeatures),
        maxNodes(16, 4096, 100_000),
        nodeSize(1, 20, nodeSize),
        subsample(0.5, 1.0, 1.0, "fraction of rows per tree; 1 draws a bootstrap sample, less draws without replacement"));
  }

  /**
   * The number of features a forest tries at each split, as a fraction rule rather than a count so
   * that one search fits datasets of any width.
   */
  public static HyperParameter maxFeatures(String defaultValue) {
    return HyperParameter.categorical(MAX_FEATURES, List.of("sqrt", "third", "half", "all"),
        List.of("sqrt", "third", "half", "all"), defaultValue,
        "features tried at each split: sqrt(p), p/3, p/2 or all p");
  }

  /** The number of features a {@link #maxFeatures} rule gives for p features (at least 1). */
  public static int mtry(String rule, int p) {
    int m = switch (rule) {
      case "sqrt" -> (int) Math.floor(Math.sqrt(p));
      case "third" -> p / 3;
      case "half" -> p / 2;
      case "all" -> p;
      default -> throw new IllegalArgumentException("unknown max_features '" + rule
          + "': use sqrt, third, half or all");
    };
    return Math.max(1, Math.min(p, m));
  }

  /** One seed per tree, derived from the fit's seed, so parallel tree building is reproducible. */
  public static LongStream treeSeeds(long seed, int trees) {
    // Drawn up front: a generated stream consumed in parallel would hand seeds to trees in any order.
    SplittableRandom random = new SplittableRandom(seed);
    long[] seeds = new long[trees];
    for (int i = 0; i < trees; i++) {
      // Smile re-seeds a tree's generator only for seeds above 1; with any other, the tree would go on
      // from the previous tree's state, and the first k trees of a forest would not be a k-tree forest.
      seeds[i] = random.nextLong(2, Long.MAX_VALUE);
    }
    return LongStream.of(seeds);
  }

  /** The hyperparameters of gradient boosting, the same for classification and regression. */
  public static List<HyperParameter> boosting() {
    return List.of(
        trees(10, 500, 100),
        learningRate(),
        maxDepth(2, 8, 3),
        maxNodes(4, 64, 64),
        nodeSize(1, 50, 5),
        subsample(0.5, 1.0, 1.0, "fraction of rows, drawn without replacement, per tree"));
  }
}
