/**
 * Ensembles of tuned trials scored from their kept fold predictions, without fitting the members again: soft
 * voting, stacking (a meta-model fitted within the folds, so its validation score is honest) and Caruana's
 * greedy selection (each fold scored on a selection made without it).
 */
package org.tunescope.ml.ensemble;
