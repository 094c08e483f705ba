package org.tunescope.ml.tuning;

/** What an objective keeps, for tests of the layers above that must free it. */
public final class ObjectiveProbe {

  private ObjectiveProbe() {
  }

  /** The bytes of fold distances the objective keeps now (an rbf SVM's); 0 once it is closed. */
  public static long distanceBytes(CrossValidatedObjective objective) {
    return objective.distanceBytes();
  }
}
