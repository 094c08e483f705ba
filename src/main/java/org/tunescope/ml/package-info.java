/**
 * Machine learning on Smile and XGBoost: loading data, preprocessing inside folds, cross-validation, metrics,
 * the model catalog, ensembles and the lab. It feeds the engine through
 * {@link org.tunescope.ml.tuning.CrossValidatedObjective}.
 */
package org.tunescope.ml;
