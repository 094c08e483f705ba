package org.tunescope.engine.study;

import java.util.Map;
import java.util.Objects;

/**
 * A trial that some worker, in this process or another sharing the store, is evaluating now: what a sampler
 * needs so that it does not send another worker to the same point (TPE's constant liar, a second promotion of
 * the same configuration in successive halving).
 *
 * @param budget the fraction of a full evaluation it runs with (1 except in multi-fidelity searches)
 */
public record RunningTrial(int number, Map<String, Object> params, double budget) {

  public RunningTrial {
    params = Map.copyOf(Objects.requireNonNull(params, "params"));
  }
}
