/**
 * Fold plans: k-fold and stratified k-fold row for row as scikit-learn's, repeated with shuffling, or by a
 * fold column's groups.
 */
package org.tunescope.ml.cv;
