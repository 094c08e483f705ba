package org.tunescope.engine.study;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.BooleanSupplier;

/**
 * What an objective knows of the trial it evaluates. It checks {@link #checkCancelled()} before each fold,
 * so that no new fold starts after a cancel.
 *
 * @param budget the fraction of the full evaluation to spend, in (0, 1]: a multi-fidelity search
 *               (successive halving) first evaluates configurations cheaply; a cross-validated objective
 *               then trains each fold on that fraction of its training rows
 * @param fitTimeCorrection seconds added to the trial's measured fit time; see {@link #correctFitTime}
 * @param attributes what the objective recorded about the trial beyond its scores; see {@link #record}
 */
public record TrialContext(int number, long seed, BooleanSupplier cancelled, double budget,
    DoubleAdder fitTimeCorrection, Map<String, Double> attributes) {

  public TrialContext {
    if (!(budget > 0 && budget <= 1)) {
      throw new IllegalArgumentException("a trial's budget is in (0, 1], got " + budget);
    }
  }

  public TrialContext(int number, long seed, BooleanSupplier cancelled, double budget) {
    this(number, seed, cancelled, budget, new DoubleAdder(), new ConcurrentHashMap<>());
  }

  /** A context for a full evaluation. */
  public TrialContext(int number, long seed, BooleanSupplier cancelled) {
    this(number, seed, cancelled, 1.0);
  }

  /**
   * Corrects the fit time the trial will report by {@code seconds}. An objective that shares work
   * between trials (one ensemble fit serving several tree counts) charges each trial its share of that
   * work instead of the time it happened to spend doing it for others, or waiting for it.
   */
  public void correctFitTime(double seconds) {
    fitTimeCorrection.add(seconds);
  }

  /**
   * Records a number the objective learned about the trial beyond its scores (the round early stopping
   * chose); the finished trial carries it in {@link Trial#attributes}.
   */
  public void record(String name, double value) {
    attributes.put(name, value);
  }

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
