/**
 * Tuning on top of the models: the cross-validated objective (train and validation per fold), the request
 * and set-up of a study, the held-out check, validation and learning curves, importance, the Pareto front.
 */
package org.tunescope.ml.tuning;
