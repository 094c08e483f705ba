package org.tunescope.engine.study;

import java.util.Locale;

/** Where a trial is in its life. */
public enum TrialState {
  /** Being evaluated now. */
  RUNNING,
  /** Every fold evaluated. */
  COMPLETE,
  /** The model threw or gave a score that is not a number; the trial's error says which. */
  FAILED,
  /** Stopped early by a pruner, keeping its partial scores. */
  PRUNED,
  /** Stopped by a cancel (or a crash) before its folds were done; a resumed study runs it again. */
  INTERRUPTED;

  public boolean isFinished() {
    return this != RUNNING;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
