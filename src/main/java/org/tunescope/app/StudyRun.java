package org.tunescope.app;

import java.util.List;
import java.util.Optional;
import org.tunescope.engine.study.InMemoryTrialLedger;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialLedger;
import org.tunescope.ml.tuning.CrossValidatedObjective;
import org.tunescope.ml.tuning.PreparedStudy;

/**
 * One run of a study, from {@link StudyService#start}: {@link #run} on a thread of the caller's choosing
 * until the budget is met or {@link #cancel} (from any thread); then {@link #finish} and
 * {@link #scoreHeldOut}. Progress reaches the caller's {@link StudyListener}.
 */
public final class StudyRun {

  private final PreparedStudy prepared;
  private final int workers;
  private final TrialLedger ledger;
  private final TestScoreKeeper keeper;
  private final Runnable markFinished;
  private final StudyRunner runner;

  StudyRun(PreparedStudy prepared, int workers, TrialLedger ledger, TestScoreKeeper keeper, Runnable markFinished) {
    this.prepared = prepared;
    this.workers = workers;
    this.ledger = ledger;
    this.keeper = keeper;
    this.markFinished = markFinished;
    this.runner = new StudyRunner(workers);
  }

  /**
   * A run that keeps its trials in memory only; {@code previous} are the study's trials so far (those
   * interrupted run again), and {@code keeper} keeps the held-out score.
   */
  public static StudyRun inMemory(PreparedStudy prepared, int workers, List<Trial> previous, TestScoreKeeper keeper) {
    return new StudyRun(prepared, workers, new InMemoryTrialLedger(previous), keeper, () -> { });
  }

  public PreparedStudy prepared() {
    return prepared;
  }

  public int workers() {
    return workers;
  }

  /**
   * Runs the study on the calling thread until its budget is met, it is cancelled or it fails. The objective
   * is closed when the run ends, however it ends: what the trials shared (XGBoost's native matrices, an
   * rbf SVM's fold distances) is freed.
   *
   * @throws RuntimeException when the study cannot go on (the store fails, a bug)
   */
  public StudyResult run(StudyListener listener) {
    // Each fit may use its worker's share of the cores.
    try (CrossValidatedObjective objective = prepared.objective().forWorkers(workers)) {
      return runner.run(prepared.study(), objective, listener, ledger);
    }
  }

  /** Asks the run to stop: no new fold starts; trials in the middle end as interrupted. */
  public void cancel() {
    runner.cancel();
  }

  /** Marks the study finished in the store when the run met its budget (it was not stopped). */
  public void finish(StudyResult result) {
    if (result.stopReason().isEmpty()) {
      markFinished.run();
    }
  }

  /**
   * Refits the best trial on every tuning row, scores it once on the held-out rows and keeps the score;
   * empty when the study holds no rows out or has no complete trial.
   *
   * @throws RuntimeException when the best trial cannot be refitted
   */
  public Optional<TestScoreKeeper.Scored> scoreHeldOut(StudyResult result) {
    return result.best().flatMap(best -> keeper.score(prepared, best));
  }

  /** Where the run keeps its held-out score. */
  public TestScoreKeeper keeper() {
    return keeper;
  }
}
