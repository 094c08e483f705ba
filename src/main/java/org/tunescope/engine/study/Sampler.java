package org.tunescope.engine.study;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Chooses the parameters of each trial (the "ask" half of ask-and-tell; finished trials are the "tell").
 * A sampler must give the same parameters for the same trial number and history, whatever thread asks,
 * so that studies are reproducible across worker counts and can be resumed. One instance serves all the
 * workers of a run, so a sampler may also remember what it handed out to trials that are still running
 * (TPE's constant liar); with one worker none is running when a trial is asked.
 */
public interface Sampler {

  /**
   * The parameters of trial {@code number}, or empty when the sampler has nothing more to try
   * (a grid that is exhausted).
   *
   * @param number   the trial number, from 0
   * @param finished the trials finished so far, for samplers that learn from them
   */
  default Optional<Map<String, Object>> sample(int number, List<Trial> finished) {
    return sample(number, finished, List.of());
  }

  /**
   * As {@link #sample(int, List)}, also seeing the trials running now, every worker's on every machine sharing
   * the store, so that a learning sampler sends this trial elsewhere. A sampler implements one of the two: one
   * that does not care about running trials the other (each default calls the other).
   *
   * @param running the trials running now (never trial {@code number} itself)
   */
  default Optional<Map<String, Object>> sample(int number, List<Trial> finished, List<RunningTrial> running) {
    return sample(number, finished);
  }

  /**
   * Whether this sampler looks at running trials: only then does a run record each trial's parameters in the
   * ledger as it starts (one more store write per trial, which a grid or random search need not pay).
   */
  default boolean watchesRunning() {
    return false;
  }

  /** How many trials the sampler can give, when that is known before the search starts (a grid). */
  default OptionalInt size() {
    return OptionalInt.empty();
  }

  /**
   * The fraction of a full evaluation trial {@code number} gets, asked after {@link #sample} gave its
   * parameters: 1 except for multi-fidelity samplers (successive halving). A trial run on less than
   * the full budget ends PRUNED, with the scores of its partial evaluation.
   */
  default double budget(int number) {
    return 1.0;
  }

  /** The name on the command line and in results: grid, random, ... */
  String name();
}
