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
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.EarlyStoppingTrainer;
import org.tunescope.ml.models.Params;
import org.tunescope.ml.models.StagedModel;
import org.tunescope.ml.models.TrainingData;
import org.tunescope.ml.models.TreeModels;

/**
 * Fits XGBoost with {@code tree_method=hist}: logistic loss for two classes, softmax for more, squared
 * error for regression. Missing values arrive as NaN (XGBoost's missing), the seed is the fit's, and the
 * fit uses {@link TrainingData#threads} cores; XGBoost's histogram trees do not depend on the number of
 * threads, so neither do the scores.
 */
final class XGBoostTrainer implements EarlyStoppingTrainer {

  @Override
  public StagedModel fit(TrainingData data, Params params) throws Exception {
    return new XGBoostFit(train(data, params, booster(data, params), Map.of(), null), data.numClasses());
  }

  /**
   * The fit with the validation rows scored by XGBoost after every round (it keeps their predictions
   * between rounds, so this costs little). The loss is the study's metric where XGBoost has it: accuracy
   * as its error rate, AUC, log loss, rmse (also for r2, which orders a fold's rounds as rmse does) and
   * mae; for balanced accuracy, precision, recall and f1 it is the log loss the trees are fitted on.
   */
  @Override
  public WatchedFit fitWatching(TrainingData data, double[][] xValidation, double[] yValidation, Params params,
      Metric metric) throws Exception {
    boolean higherIsBetter = metric == Metric.AUC;
    Map<String, Object> p = booster(data, params);
    p.put("eval_metric", evalMetric(metric, data.numClasses()));
    float[][] curve = new float[1][params.getInt(TreeModels.TREES)];
    DMatrix validation = SharedMatrices.build(xValidation, yValidation);
    Booster booster;
    try {
      booster = train(data, params, p, Map.of("validation", validation), curve);
    } finally {
      validation.dispose();
    }
    XGBoostFit fit = new XGBoostFit(booster, data.numClasses());
    double[] loss = new double[fit.stages()];
    for (int r = 0; r < loss.length; r++) {
      loss[r] = higherIsBetter ? -curve[0][r] : curve[0][r];
    }
    return new WatchedFit(fit, loss);
  }

  /** XGBoost's evaluation metric for a study's metric; see {@link #fitWatching}. */
  static String evalMetric(Metric metric, int numClasses) {
    boolean multi = numClasses > 2;
    return switch (metric) {
      case ACCURACY -> multi ? "merror" : "error";
      case AUC -> "auc";
      case RMSE, R2 -> "rmse";
      case MAE -> "mae";
      case LOG_LOSS, BALANCED_ACCURACY, PRECISION, RECALL, F1 -> multi ? "mlogloss" : "logloss";
    };
  }

  private static Booster train(TrainingData data, Params params, Map<String, Object> p,
      Map<String, DMatrix> watches, float[][] curve) throws Exception {
    if (data.rows() == 0) {
      throw new IllegalArgumentException("no training rows");
    }
    int rounds = params.getInt(TreeModels.TREES);
    SharedMatrices.Lease lease = SharedMatrices.lease(data.x(), data.y(), params.getInt(MAX_BIN), data.threads(),
        data.rowsReused());
    try {
      return curve == null
          ? XGBoost.train(lease.matrix(), p, rounds, new HashMap<>(), null, null)
          : XGBoost.train(lease.matrix(), p, rounds, new HashMap<>(watches), curve, null, null, 0);
    } finally {
      lease.done();
    }
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
    p.put("eta", params.getDouble(TreeModels.LEARNING_RATE));
    p.put("max_depth", params.getInt(TreeModels.MAX_DEPTH));
    p.put("min_child_weight", params.getDouble(MIN_CHILD_WEIGHT));
    p.put("subsample", params.getDouble(TreeModels.SUBSAMPLE));
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
