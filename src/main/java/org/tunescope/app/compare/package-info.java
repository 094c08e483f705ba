/**
 * Comparisons: several models' studies on the same data, target, metric and folds, run one after another
 * through {@code StudyService}, and the ensembles of their best trials scored on the same folds from the
 * trials' kept fold predictions. The views of a comparison read what this package keeps in the store.
 */
package org.tunescope.app.compare;
