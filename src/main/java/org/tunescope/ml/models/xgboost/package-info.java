/**
 * The {@code xgboost} model: XGBoost4J's booster, its hyperparameters, and the folds' matrices shared by
 * the trials of one study.
 */
package org.tunescope.ml.models.xgboost;
