package org.tunescope.engine.study;

/** Thrown inside an evaluation when the study was cancelled: the trial ends INTERRUPTED, not FAILED. */
public final class TrialCancelledException extends RuntimeException {

  public TrialCancelledException() {
    super("cancelled", null, false, false);
  }
}
