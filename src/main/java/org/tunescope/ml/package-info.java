/**
 * Machine learning on top of Smile: loading data, preprocessing inside folds, cross-validation,
 * metrics and the model catalog. It feeds the engine through {@link org.tunescope.ml.tuning.CrossValidatedObjective}.
 */
package org.tunescope.ml;
