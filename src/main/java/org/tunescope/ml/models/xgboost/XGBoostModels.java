package org.tunescope.ml.models.xgboost;

import java.util.List;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.EarlyStoppingTrainer;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.TreeModels;

/**
 * XGBoost's gradient-boosted trees (histogram method) as catalog models, for classification (binary and
 * multi-class) and regression. Much faster than Smile's gradient boosting on thousands of rows: features
 * are binned once per fold instead of sorted for every tree, and a fit uses several cores.
 */
public final class XGBoostModels {

  public static final String ID = "xgboost";

  public static final String MIN_CHILD_WEIGHT = "min_child_weight";
  public static final String COLSAMPLE_BYTREE = "colsample_bytree";
  public static final String REG_LAMBDA = "reg_lambda";
  public static final String REG_ALPHA = "reg_alpha";
  /** XGBoost's {@code gamma}; TuneScope keeps the name gamma for kernels. */
  public static final String MIN_SPLIT_LOSS = "min_split_loss";
  public static final String MAX_BIN = "max_bin";

  private XGBoostModels() {
  }

  public static ModelSpec classifier() {
    return new ModelSpec(ID, Task.CLASSIFICATION, "XGBoost", "Trees",
        "Fast gradient boosting (histogram trees, all cores): the pick for thousands of rows or more",
        hyperParameters(), false, new XGBoostTrainer());
  }

  public static ModelSpec regressor() {
    return new ModelSpec(ID, Task.REGRESSION, "XGBoost", "Trees",
        "Fast gradient boosting (histogram trees, all cores): the pick for thousands of rows or more",
        hyperParameters(), false, new XGBoostTrainer());
  }

  /** The hyperparameters, with XGBoost's defaults except the rounds and learning rate of Smile's boosting. */
  static List<HyperParameter> hyperParameters() {
    return List.of(
        HyperParameter.integer(TreeModels.TREES, 1, 10_000, 10, 500, true, 100,
            "number of boosting rounds (one tree per round, one per class for several classes)",
            Complexity.MORE_WHEN_RAISED),
        TreeModels.learningRate(),
        TreeModels.maxDepth(2, 10, 6),
        HyperParameter.floating(MIN_CHILD_WEIGHT, 0, false, 1e6, 0.5, 50, true, 1,
            "minimum sum of instance weights (hessian; about the rows for squared error) in a leaf",
            Complexity.LESS_WHEN_RAISED),
        TreeModels.subsample(0.5, 1.0, 1.0, "fraction of rows, drawn without replacement, per round"),
        HyperParameter.floating(COLSAMPLE_BYTREE, 0, true, 1, 0.5, 1.0, false, 1.0,
            "fraction of features each tree may split on", Complexity.NONE),
        HyperParameter.floating(REG_LAMBDA, 0, false, 1e6, 0.01, 100, true, 1,
            "L2 penalty on leaf weights", Complexity.LESS_WHEN_RAISED),
        HyperParameter.floating(REG_ALPHA, 0, false, 1e6, 0.001, 10, true, 0,
            "L1 penalty on leaf weights", Complexity.LESS_WHEN_RAISED),
        HyperParameter.floating(MIN_SPLIT_LOSS, 0, false, 1e6, 0.001, 10, true, 0,
            "minimum loss reduction a split must bring (XGBoost's gamma)", Complexity.LESS_WHEN_RAISED),
        HyperParameter.integer(MAX_BIN, 2, 1024, 32, 512, true, 256,
            "number of bins each feature's values are grouped into before splitting",
            Complexity.MORE_WHEN_RAISED),
        // A declared parameter rather than a CLI flag or a setting of its own: --param, the space editor, a
        // stored request and a resumed study all carry it already. Its default search is the fixed value 0
        // (off), so default searches and grids keep every round and stay comparable.
        HyperParameter.integer(EarlyStoppingTrainer.PATIENCE, 0, 10_000, 5, 50, false, 0,
            "early stopping: stop once the mean validation score has not improved for this many rounds and"
                + " keep the best round (recorded as best_round); 0 = off", Complexity.NONE)
            .searching(new Distribution.Fixed(0L)));
  }
}
