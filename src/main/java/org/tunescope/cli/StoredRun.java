package org.tunescope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.tunescope.app.StudyRun;
import org.tunescope.app.TestScoreKeeper;
import org.tunescope.engine.study.StudyEvent;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.TestScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.store.ResultsFile;

/**
 * Shows a run of a stored study ({@link StudyRun}) on the terminal, for {@code tune} and {@code resume}: a
 * live progress line, Ctrl-C to stop (running trials are kept as interrupted), the leaderboard, the
 * held-out test score (printed; the run keeps it in the store), the results file.
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
  static int run(PrintWriter stdout, PrintWriter stderr, StudyRun run, boolean quiet, boolean logTrials, Path out,
                 Duration time, Set<String> varied, int alreadyDone) throws IOException {
    PreparedStudy prepared = run.prepared();
    String name = prepared.study().name();
    OptionalInt planned = prepared.study().plannedTrials();
    OptionalInt toRun = planned.isPresent() ? OptionalInt.of(Math.max(0, planned.getAsInt() - alreadyDone)) : planned;
    ProgressPrinter progress = new ProgressPrinter(stderr, System.console() != null && !quiet, toRun, time,
        prepared.study().direction());
    StudyResult result;
    Optional<String> notKept = Optional.empty();
    // Ctrl-C: stop starting folds, let this thread keep what finished, then exit.
    try (CancelOnInterrupt interrupt = CancelOnInterrupt.install(run::cancel, "tunescope-cancel")) {
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
      result = run.run(listener);
      if (!quiet) {
        progress.finish();
      }
      run.finish(result);
      Leaderboard.print(stdout, result.trials(), prepared.study().metric(), prepared.study().direction(),
          Optional.of(result.elapsed()), result.stopReason(), varied, Leaderboard.SIZE);
      // A study that holds rows out scores its best trial on them once, at the end, and the store keeps the
      // score (a resumed study's new best replaces it).
      Optional<TestScoreKeeper.Scored> scored = run.scoreHeldOut(result);
      Optional<TestScore> test = scored.map(TestScoreKeeper.Scored::score);
      test.ifPresent(t -> stdout.printf(Locale.ROOT,
          "%nheld-out test: best trial refitted on %d rows, %s cv %.4f, test %.4f (%d rows; cv minus test %+.4f)%n",
          t.tuningRows(), t.metric(), t.validation(), t.test(), t.testRows(), t.optimism()));
      if (out != null) {
        ResultsFile.write(out, prepared.info(), result.trials(),
            Optional.of(new ResultsFile.StudyRun(result.elapsed(), result.stopReason())), test);
        stderr.println("wrote " + result.trials().size() + " trials to " + out);
      }
      // Reported last: the score is printed and in the results file, and the trials are kept.
      notKept = scored.flatMap(TestScoreKeeper.Scored::notKept);
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
  static void logTrial(PrintWriter err, Trial t) {
    synchronized (err) {
      err.println("trial " + t.number() + " " + t.state().id() + " validation " + t.validation().mean());
      err.flush();
    }
  }
}
