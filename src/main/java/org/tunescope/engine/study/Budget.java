package org.tunescope.engine.study;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * When a study stops starting new trials: after a number of trials, after some wall time, whichever
 * comes first. A grid also stops when it is exhausted.
 */
public record Budget(OptionalInt maxTrials, Optional<Duration> maxTime) {

  public Budget {
    if (maxTrials.isPresent() && maxTrials.getAsInt() < 1) {
      throw new IllegalArgumentException("the trial budget must be at least 1, got " + maxTrials.getAsInt());
    }
    if (maxTime.isPresent() && (maxTime.get().isNegative() || maxTime.get().isZero())) {
      throw new IllegalArgumentException("the time budget must be positive");
    }
  }

  public static Budget unlimited() {
    return new Budget(OptionalInt.empty(), Optional.empty());
  }

  public static Budget trials(int n) {
    return new Budget(OptionalInt.of(n), Optional.empty());
  }
}
