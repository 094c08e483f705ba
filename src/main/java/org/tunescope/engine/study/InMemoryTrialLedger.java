package org.tunescope.engine.study;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * A ledger in memory, for runs that keep nothing: the trials of one run, plus the finished trials of
 * earlier runs it was given. Interrupted trials of earlier runs are run again.
 */
public final class InMemoryTrialLedger implements TrialLedger {

  private final TreeMap<Integer, Trial> finished = new TreeMap<>();
  private final Set<Integer> claimed = new HashSet<>();
  /** The claimed trials whose parameters are chosen. */
  private final TreeMap<Integer, RunningTrial> started = new TreeMap<>();
  /** The finished and the claimed numbers. */
  private final Set<Integer> taken = new HashSet<>();
  /** No number below this is free: claims search upwards from here. */
  private int cursor;

  public InMemoryTrialLedger() {
    this(List.of());
  }

  /** A ledger that starts with {@code previous}; those that were interrupted or running are dropped. */
  public InMemoryTrialLedger(List<Trial> previous) {
    for (Trial t : previous) {
      if (t.state() != TrialState.INTERRUPTED && t.state() != TrialState.RUNNING) {
        finished.put(t.number(), t);
        taken.add(t.number());
      }
    }
  }

  @Override
  public synchronized OptionalInt claim(Study study, Instant deadline) {
    OptionalInt number = TrialLedger.nextNumber(study, deadline, taken, cursor);
    number.ifPresent(n -> {
      claimed.add(n);
      taken.add(n);
      cursor = n + 1;
    });
    return number;
  }

  @Override
  public synchronized void release(int number) {
    if (claimed.remove(number)) {
      started.remove(number);
      taken.remove(number);
      cursor = Math.min(cursor, number);
    }
  }

  @Override
  public synchronized void finish(Trial trial) {
    claimed.remove(trial.number());
    started.remove(trial.number());
    finished.put(trial.number(), trial);
  }

  @Override
  public synchronized void started(int number, Map<String, Object> params, double budget) {
    if (claimed.contains(number)) {
      started.put(number, new RunningTrial(number, params, budget));
    }
  }

  @Override
  public synchronized List<RunningTrial> running() {
    return List.copyOf(started.values());
  }

  @Override
  public synchronized List<Trial> finished() {
    return List.copyOf(new ArrayList<>(finished.values()));
  }
}
