package org.tunescope.engine.study;

import java.time.Instant;
import java.util.Map;

/** What a running study tells its listeners. Events arrive on worker threads. */
public sealed interface StudyEvent permits StudyEvent.TrialStarted, StudyEvent.TrialFinished {

  /** A worker began evaluating a trial. */
  record TrialStarted(int number, Map<String, Object> params, Instant at) implements StudyEvent {
  }

  /** A trial finished: complete, failed, pruned or interrupted. */
  record TrialFinished(Trial trial) implements StudyEvent {
  }
}
