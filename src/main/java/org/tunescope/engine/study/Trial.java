package org.tunescope.engine.study;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One evaluated set of hyperparameters, immutable once finished.
 *
 * @param number         the trial number in its study, from 0
 * @param state          complete, failed, pruned, interrupted (or running, in a "started" event)
 * @param params         the hyperparameters that applied to this trial, in search-space order
 * @param folds          train and validation score per fold, in fold order
 * @param seed           the seed the trial's fits used
 * @param fitSeconds     wall-clock seconds spent fitting and scoring all folds
 * @param bytesAllocated bytes the evaluating thread allocated: the trial's memory cost
 * @param error          why the trial failed, for FAILED trials
 * @param started        when evaluation began
 * @param budget         the fraction of the full evaluation the trial got (1 = all of it; less for the
 *                       cheap, partial evaluations of successive halving, which end PRUNED)
 * @param attributes     numbers the objective recorded about the trial beyond its scores, by name (the
 *                       round early stopping chose: {@code best_round}); empty for most trials
 */
public record Trial(
    int number,
    TrialState state,
    Map<String, Object> params,
    List<FoldScore> folds,
    long seed,
    double fitSeconds,
    long bytesAllocated,
    Optional<String> error,
    Instant started,
    double budget,
    Map<String, Double> attributes) {

  public Trial {
    if (!(budget > 0 && budget <= 1)) {
      throw new IllegalArgumentException("a trial's budget is in (0, 1], got " + budget);
    }
    Objects.requireNonNull(state, "state");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    folds = List.copyOf(folds);
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(started, "started");
    attributes = Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
  }

  /** A trial with no recorded attributes. */
  public Trial(int number, TrialState state, Map<String, Object> params, List<FoldScore> folds, long seed,
      double fitSeconds, long bytesAllocated, Optional<String> error, Instant started, double budget) {
    this(number, state, params, folds, seed, fitSeconds, bytesAllocated, error, started, budget, Map.of());
  }

  /** A trial evaluated on the full budget. */
  public Trial(int number, TrialState state, Map<String, Object> params, List<FoldScore> folds, long seed,
      double fitSeconds, long bytesAllocated, Optional<String> error, Instant started) {
    this(number, state, params, folds, seed, fitSeconds, bytesAllocated, error, started, 1.0);
  }

  public ScoreSummary train() {
    return ScoreSummary.of(folds.stream().map(FoldScore::train).toList());
  }

  public ScoreSummary validation() {
    return ScoreSummary.of(folds.stream().map(FoldScore::validation).toList());
  }

  /**
   * How much worse the mean validation score is than the mean train score, positive when validation is
   * worse whichever way the study's metric is better: how much the model overfits. There is no gap
   * without a direction: train minus validation alone reads backwards for error metrics.
   */
  public double gap(Direction direction) {
    return direction.gap(train().mean(), validation().mean());
  }

  public boolean isComplete() {
    return state == TrialState.COMPLETE;
  }
}
