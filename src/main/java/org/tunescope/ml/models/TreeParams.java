package org.tunescope.ml.models;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.HyperParameter;

/** Declarations shared by the tree, forest and boosting models, so that they read alike everywhere. */
public final class TreeParams {

  public static final String TREES = "trees";
  public static final String MAX_DEPTH = "max_depth";
  public static final String MAX_NODES = "max_nodes";
  public static final String NODE_SIZE = "node_size";
  public static final String SUBSAMPLE = "subsample";
  public static final String MAX_FEATURES = "max_features";
  public static final String LEARNING_RATE = "learning_rate";

  private TreeParams() {
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
  public static int smileDepth(org.tunescope.ml.models.Params params) {
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
  public static java.util.List<HyperParameter> boosting() {
    return java.util.List.of(
        trees(10, 500, 100),
        learningRate(),
        maxDepth(2, 8, 3),
        maxNodes(4, 64, 64),
        nodeSize(1, 50, 5),
        subsample(0.5, 1.0, 1.0, "fraction of rows, drawn without replacement, per tree"));
  }
}
