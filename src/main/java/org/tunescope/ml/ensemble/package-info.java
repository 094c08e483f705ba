/**
 * Ensembles of tuned trials scored from their kept fold predictions, without fitting the members again: soft
 * voting and stacking (a meta-model fitted within the folds, so its validation score is honest).
 */
package org.tunescope.ml.ensemble;
