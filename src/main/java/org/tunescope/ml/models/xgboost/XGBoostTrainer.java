package org.tunescope.ml.models.xgboost;

import static org.tunescope.ml.models.xgboost.XGBoostModels.COLSAMPLE_BYTREE;
import static org.tunescope.ml.models.xgboost.XGBoostModels.MAX_BIN;
import static org.tunescope.ml.models.xgboost.XGBoostModels.MIN_CHILD_WEIGHT;
import static org.tunescope.ml.models.xgboost.XGBoostModels.MIN_SPLIT_LOSS;
import static org.tunescope.ml.models.xgboost.XGBoostModels.REG_ALPHA;
import static org.tunescope.ml.models.xgboost.XGBoostModels.REG_LAMBDA;

import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.tunescope.ml.models.BoostingTrainer;
import org.tunescope.ml.models.Params;
import org.tunescope.ml.models.StagedModel;
import org.tunescope.ml.models.TrainingData;
import org.tunescope.ml.models.TreeParams;

/**
 * Fits XGBoost with {@code tree_method=hist}: logistic loss for two classes, softmax for more, squared
 * error for regression. Missing values arrive as NaN (XGBoost's missing), the seed is the fit's, and the
 * fit uses {@link TrainingData#threads} cores; XGBoost's histogram trees do not depend on the number of
 * threads, so neither do the scores.
 */
final class XGBoostTrainer implements BoostingTrainer {

  @Override
  public StagedModel fit(TrainingData data, Params params) throws Exception {
    if (data.rows() == 0) {
      throw new IllegalArgumentException("no training rows");
    }
    Map<String, Object> p = booster(data, params);
    int rounds = params.getInt(TreeParams.TREES);
    SharedMatrices.Lease lease = SharedMatrices.lease(data.x(), data.y(), params.getInt(MAX_BIN), data.threads(),
        data.rowsReused());
    Booster booster;
    try {
      booster = XGBoost.train(lease.matrix(), p, rounds, new HashMap<>(), null, null);
    } finally {
      lease.done();
    }
    return new XGBoostFit(booster, data.numClasses());
  }

  /** XGBoost's parameters for this fit. */
  static Map<String, Object> booster(TrainingData data, Params params) {
    Map<String, Object> p = new HashMap<>();
    if (!data.isClassification()) {
      p.put("objective", "reg:squarederror");
    } else if (data.numClasses() == 2) {
      p.put("objective", "binary:logistic");
    } else {
      p.put("objective", "multi:softprob");
      p.put("num_class", data.numClasses());
    }
    p.put("tree_method", "hist");
    p.put("eta", params.getDouble(TreeParams.LEARNING_RATE));
    p.put("max_depth", params.getInt(TreeParams.MAX_DEPTH));
    p.put("min_child_weight", params.getDouble(MIN_CHILD_WEIGHT));
    p.put("subsample", params.getDouble(TreeParams.SUBSAMPLE));
    p.put("colsample_bytree", params.getDouble(COLSAMPLE_BYTREE));
    p.put("lambda", params.getDouble(REG_LAMBDA));
    p.put("alpha", params.getDouble(REG_ALPHA));
    p.put("gamma", params.getDouble(MIN_SPLIT_LOSS));
    p.put("max_bin", params.getInt(MAX_BIN));
    // XGBoost's seed is a signed 64-bit integer; the fit's seed goes in whole.
    p.put("seed", data.seed());
    p.put("nthread", data.threads());
    p.put("verbosity", 0);
    return p;
  }

  @Override
  public boolean takesMissingValues() {
    return true;
  }

  @Override
  public void release(double[][] x) {
    SharedMatrices.release(x);
  }
}
