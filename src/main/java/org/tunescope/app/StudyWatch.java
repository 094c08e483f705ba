package org.tunescope.app;

import java.util.List;
import java.util.Set;
import org.tunescope.engine.study.Trial;
import org.tunescope.store.StoreException;
import org.tunescope.store.StudyStore;
import org.tunescope.store.StudySummary;
import org.tunescope.store.TrialsSince;

/**
 * Follows a study that other processes run (workers on other machines, or other processes on this one):
 * each {@link #poll} reads the trials finished since the one before, only those, and how many workers are
 * at it. It waits on the store: call it in the background.
 */
public final class StudyWatch {

  private final StudyStore store;
  private final String name;
  private Set<Long> seen = TrialsSince.NOTHING_SEEN;

  public StudyWatch(StudyStore store, String name) {
    this.store = store;
    this.name = name;
  }

  /**
   * What changed since the last poll.
   *
   * @param trials  finished trials new or replaced since then (all of them the first time)
   * @param workers how many workers are running its trials now
   * @param summary the study's counts and state now
   */
  public record Update(String study, List<Trial> trials, int workers, StudySummary summary) {
  }

  public String study() {
    return name;
  }

  /**
   * Reads what changed. A failed poll loses nothing: the next one reads what this one would have.
   *
   * @throws StoreException when the store cannot answer (its reason tells a lost connection from a deleted study)
   */
  public synchronized Update poll() {
    TrialsSince since = store.trialsSince(name, seen);
    int workers = store.activeWorkers(name);
    StudySummary summary = store.summary(name);
    seen = since.rows();
    return new Update(name, since.trials(), workers, summary);
  }
}
