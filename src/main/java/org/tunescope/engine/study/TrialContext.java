package org.tunescope.engine.study;

import java.util.function.BooleanSupplier;

/**
 * What an objective knows of the trial it evaluates. It checks {@link #checkCancelled()} before each fold,
 * so that no new fold starts after a cancel.
 */
public record TrialContext(int number, long seed, BooleanSupplier cancelled) {

  public boolean isCancelled() {
    return cancelled.getAsBoolean();
  }

  /** Throws {@link TrialCancelledException} when the study was cancelled. */
  public void checkCancelled() {
    if (isCancelled()) {
      throw new TrialCancelledException();
    }
  }
}
