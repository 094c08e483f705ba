package org.tunescope.engine.space;

/**
 * Which way a hyperparameter moves the model's capacity: what the overfitting views put on the
 * "simple" and "complex" ends of an axis.
 */
public enum Complexity {
  /** Raising the value makes the model more complex (max_depth, trees, C, gamma). */
  MORE_WHEN_RAISED,
  /** Raising the value makes the model simpler (k of k-NN, regularisation strength). */
  LESS_WHEN_RAISED,
  /** The parameter has no simple-to-complex direction (kernel, criterion). */
  NONE
}
