package org.tunescope.cli;

import org.tunescope.engine.study.TestScore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.tunescope.engine.study.StudyEvent;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.tuning.CrossValidatedObjective;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.store.ResultsFile;
import org.tunescope.store.StoreException;
import org.tunescope.store.StudyStore;

/**
 * Runs a prepared study whose trials the store keeps, for {@code tune} and {@code resume}: a live progress
 * line, Ctrl-C to stop (running trials are kept as interrupted), the leaderboard, the held-out test score
 * (printed and kept in the store), the results file.
 */
final class StoredRun {

  private StoredRun() {
  }

  /**
   * @param logTrials   print a line per finished trial (it is in the store when printed)
   * @param alreadyDone trials the study had before this run, to count the progress line from
   * @return the exit code: 0, or {@link TuneScopeCommand#BAD_INPUT} when the store failed mid-run or could
   *     not keep the held-out test score
   */
  static int run(PrintWriter stdout, PrintWriter stderr, StudyStore store, PreparedStudy prepared, int workers,
                 boolean quiet, boolean logTrials, Path out, Duration time, Set<String> varied, int alreadyDone)
      throws IOException {
    String name = prepared.study().name();
    OptionalInt planned = prepared.study().plannedTrials();
    OptionalInt toRun = planned.isPresent() ? OptionalInt.of(Math.max(0, planned.getAsInt() - alreadyDone)) : planned;
    StudyRunner runner = new StudyRunner(workers);
    ProgressPrinter progress = new ProgressPrinter(stderr, System.console() != null && !quiet, toRun, time,
        prepared.study().direction());
    CountDownLatch finished = new CountDownLatch(1);
    Thread onInterrupt = new Thread(() -> {
      // Ctrl-C: stop starting folds, let the main thread keep what finished, then exit.
      runner.cancel();
      try {
        finished.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "tunescope-cancel");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    StudyResult result;
    Optional<String> notKept = Optional.empty();
    try {
      StudyListener listener = quiet ? StudyListener.NONE : progress;
      if (logTrials) {
        StudyListener shown = listener;
        listener = event -> {
          shown.onEvent(event);
          if (event instanceof StudyEvent.TrialFinished f) {
            logTrial(stderr, f.trial());
          }
        };
      }
      // Each fit may use its worker's share of the cores; what the trials shared (XGBoost's native
      // matrices, an rbf SVM's fold distances) is freed when the study ends.
      try (CrossValidatedObjective objective = prepared.objective().forWorkers(workers)) {
        result = runner.run(prepared.study(), objective, listener, store.ledger(name));
      }
      if (!quiet) {
        progress.finish();
      }
      if (result.stopReason().isEmpty()) {
        store.markFinished(name);
      }
      Leaderboard.print(stdout, result.trials(), prepared.study().metric(), prepared.study().direction(),
          Optional.of(result.elapsed()), result.stopReason(), varied, Leaderboard.SIZE);
      // A study that holds rows out scores its best trial on them once, at the end, and the store keeps the
      // score (a resumed study's new best replaces it).
      Optional<TestScore> test = result.best().flatMap(prepared::heldOutCheck);
      test.ifPresent(t -> stdout.printf(Locale.ROOT,
          "%nheld-out test: best trial refitted on %d rows, %s cv %.4f, test %.4f (%d rows; cv minus test %+.4f)%n",
          t.tuningRows(), t.metric(), t.validation(), t.test(), t.testRows(), t.optimism()));
      if (out != null) {
        ResultsFile.write(out, prepared.info(), result.trials(),
            Optional.of(new ResultsFile.StudyRun(result.elapsed(), result.stopReason())), test);
        stderr.println("wrote " + result.trials().size() + " trials to " + out);
      }
      if (test.isPresent()) {
        try {
          store.saveTestScore(name, test.get());
        } catch (StoreException e) {
          // Reported last: the score is printed and in the results file, and the trials are kept.
          notKept = Optional.of(e.getMessage());
        }
      }
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting (Ctrl-C): the hook is running and waits for us.
      }
    }
    stdout.flush();
    int code = 0;
    if (result.stopReason().isPresent() && !result.stopReason().get().equals("cancelled")) {
      stderr.println("error: study " + name + " stopped: " + result.stopReason().get()
          + "; its finished trials are kept (tunescope resume " + name + " continues it)");
      code = TuneScopeCommand.BAD_INPUT;
    }
    if (notKept.isPresent()) {
      stderr.println("error: the held-out test score of study " + name + " was not kept: " + notKept.get());
      code = TuneScopeCommand.BAD_INPUT;
    }
    stderr.flush();
    return code;
  }

  /** One line per finished trial, with the exact mean validation score: for logs and scripts. */
  private static void logTrial(PrintWriter err, Trial t) {
    synchronized (err) {
      err.println("trial " + t.number() + " " + t.state().id() + " validation " + t.validation().mean());
      err.flush();
    }
  }
}
