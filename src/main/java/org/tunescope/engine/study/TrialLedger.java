package org.tunescope.engine.study;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The bookkeeping of a study's trials: which numbers are taken and which trials have finished. The
 * runner asks the ledger for the next number instead of counting itself, so that a ledger kept in a
 * database lets a study survive its process and lets several processes share one study. Implementations
 * must be thread-safe: every worker of a runner calls them.
 */
public interface TrialLedger {

  /**
   * Claims the next trial to run: the smallest number that is neither finished (interrupted trials do
   * not count as finished) nor claimed by a worker.
   *
   * @param study    the study, for its trial budget
   * @param deadline no claim is made after this instant
   * @return the number, or empty when the trial budget or the time is used up
   */
  OptionalInt claim(Study study, Instant deadline);

  /** Gives back a claim whose trial will not run (the sampler had nothing for it: a finished grid). */
  void release(int number);

  /**
   * Records a finished trial. It must be kept (on disk, for a durable ledger) when this returns: the
   * runner publishes the trial's "finished" event only afterwards. Throws when it cannot keep it.
   */
  void finish(Trial trial);

  /** The finished trials, in trial-number order: the sampler's history and the study's result. */
  List<Trial> finished();

  /**
   * Records what a claimed trial evaluates, once its sampler has chosen, so that every worker's sampler sees it
   * while it runs (a ledger in a database shows it to other processes too).
   */
  default void started(int number, Map<String, Object> params, double budget) {
  }

  /** The trials running now whose parameters are known ({@link #started}), every worker's, in number order. */
  default List<RunningTrial> running() {
    return List.of();
  }

  /**
   * The claim rule every ledger follows: nothing after the deadline or once the trial budget is taken
   * (finished trials that were not interrupted and running claims count), else the smallest free number.
   *
   * @param taken the numbers of trials finished (not interrupted) or claimed
   * @param from  no number below this is free (0 when the ledger does not know)
   */
  static OptionalInt nextNumber(Study study, Instant deadline, Set<Integer> taken, int from) {
    if (Instant.now().isAfter(deadline)
        || study.budget().maxTrials().isPresent() && taken.size() >= study.budget().maxTrials().getAsInt()) {
      return OptionalInt.empty();
    }
    int number = from;
    while (taken.contains(number)) {
      number++;
    }
    return OptionalInt.of(number);
  }
}
