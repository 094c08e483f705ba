package org.tunescope.app;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.tunescope.engine.study.StudyEvent;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.store.Owner;
import org.tunescope.store.StudySummary;

/**
 * A worker's part in a study that others may be running too (from {@link StudyService#join}): runs of the
 * study ({@link StudyService#start}) one after another until its planned trials are all done. A run ends when
 * every trial number is taken; while other workers' trials are still running this one waits, marking
 * interrupted the trials of workers that are gone (a dead process, or one on another host whose heartbeat
 * stopped), and runs again to take their numbers. The last worker to see the study done marks it finished.
 */
public final class JoinedRun {

  private final StudyService service;
  private final PreparedStudy prepared;
  private final int workers;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicReference<StudyRun> current = new AtomicReference<>();

  JoinedRun(StudyService service, PreparedStudy prepared, int workers) {
    this.service = service;
    this.prepared = prepared;
    this.workers = workers;
  }

  /**
   * What a worker did.
   *
   * @param ranHere    trials this worker finished
   * @param done       the study's finished trials (interrupted ones not counted)
   * @param stopReason why it stopped before the study was done (cancelled, the store failed)
   */
  public record Outcome(int ranHere, int done, OptionalInt planned, Optional<String> stopReason) {
  }

  /** Works on the study on the calling thread until it is done, {@link #cancel}led or the store fails. */
  public Outcome run(StudyListener listener) {
    String name = prepared.study().name();
    int[] ran = {0};
    StudyListener counting = event -> {
      if (event instanceof StudyEvent.TrialFinished) {
        synchronized (ran) {
          ran[0]++;
        }
      }
      listener.onEvent(event);
    };
    while (true) {
      service.store().markInterruptedOfGoneOwners();
      StudyRun run = service.start(prepared, workers);
      current.set(run);
      if (cancelled.get()) {
        run.cancel();
      }
      StudyResult result = run.run(counting);
      StudySummary now = summary(name);
      if (result.stopReason().isPresent()) {
        return new Outcome(ran[0], now.done(), now.planned(), result.stopReason());
      }
      boolean allDone = now.planned().isEmpty() || now.done() >= now.planned().getAsInt();
      if (allDone && now.running() == 0) {
        run.finish(result);
        return new Outcome(ran[0], now.done(), now.planned(), Optional.empty());
      }
      if (now.planned().isEmpty()) {
        // A time budget: the others finish what they run; nothing is left for this worker.
        return new Outcome(ran[0], now.done(), now.planned(), Optional.empty());
      }
      // Numbers are all taken but some still run elsewhere: wait for them, or for their workers to go stale.
      try {
        Thread.sleep(Math.min(Owner.HEARTBEAT.toMillis(), 1000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancel();
      }
      if (cancelled.get()) {
        return new Outcome(ran[0], now.done(), now.planned(), Optional.of("cancelled"));
      }
    }
  }

  /** Stops the worker: no new fold starts; trials in the middle end as interrupted and run again elsewhere. */
  public void cancel() {
    cancelled.set(true);
    StudyRun run = current.get();
    if (run != null) {
      run.cancel();
    }
  }

  private StudySummary summary(String name) {
    return service.store().summary(name);
  }
}
