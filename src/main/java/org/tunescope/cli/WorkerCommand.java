package org.tunescope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tunescope.app.JoinedRun;
import org.tunescope.app.StudyRefusedException;
import org.tunescope.app.StudyService;
import org.tunescope.engine.study.StudyEvent;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.store.StudyRecord;
import org.tunescope.store.StudyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tunescope worker STUDY --store URL}: joins a study created by {@code tune}, {@code resume} or the app,
 * on this machine or any other sharing the store, and runs its trials until its budget is met; then exits 0
 * (at once when it already is).
 */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Join a stored study (any machine sharing the --store) and run its trials until its budget is met.")
final class WorkerCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "STUDY", description = "The study's name (see: tunescope studies).")
  String name;

  @Option(names = "--workers", paramLabel = "N", description = "Trials evaluated at once (default: all cores).")
  Integer workers;

  @Option(names = "--data", paramLabel = "FILE",
      description = "The study's data file here (default: the path the study was created with when it is there, else"
          + " the store's copy); it must have the study's SHA-256.")
  Path data;

  @Option(names = "--log-trials", description = "A line per finished trial on standard error.")
  boolean logTrials;

  @Mixin
  StoreOption storeOption = new StoreOption();

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    try (StudyStore store = storeOption.open()) {
      StudyRecord record = store.get(name);
      store.importRecord(name).ifPresent(origin -> {
        throw new IllegalArgumentException(origin.whyNotResumable(name));
      });
      if (record.finished().isPresent()) {
        stdout.printf("study %s is finished: its budget is met, nothing to run%n", name);
        stdout.flush();
        return 0;
      }
      StudyService service = new StudyService(store, ModelCatalog.standard());
      Path file = data != null ? data : Path.of(record.request().dataPath());
      PreparedStudy prepared;
      try {
        // The given file, else the recorded one when it is the study's, else the store's copy.
        LoadedData loaded = service.workerData(record, Optional.ofNullable(data), what -> {
          stderr.println("note: " + what);
          stderr.flush();
        });
        prepared = service.reopen(record, loaded, false, what -> { }).prepared();
      } catch (StudyRefusedException e) {
        if (e.reason() == StudyRefusedException.Reason.DATA_CHANGED) {
          throw new IllegalArgumentException(file + " is not the data of study " + name + " (its SHA-256 differs"
              + " from the study's " + record.info().sha256() + "); give the study's file with --data");
        }
        if (e.reason() == StudyRefusedException.Reason.DATA_MISSING) {
          throw new IllegalArgumentException(e.getMessage() + ": give the study's file with --data FILE");
        }
        throw e;
      }
      int count = workers != null ? Math.max(1, workers) : Runtime.getRuntime().availableProcessors();
      stderr.printf("worker on study %s: %d workers%n", name, count);
      stderr.flush();
      JoinedRun run = service.join(prepared, count);
      JoinedRun.Outcome outcome;
      // Ctrl-C: no new fold starts; running trials end interrupted and another worker runs them again.
      try (CancelOnInterrupt interrupt = CancelOnInterrupt.install(run::cancel, "tunescope-worker-cancel")) {
        outcome = run.run(event -> {
          if (logTrials && event instanceof StudyEvent.TrialFinished f) {
            StoredRun.logTrial(stderr, f.trial());
          }
        });
      }
      String of = outcome.planned().isPresent() ? " of " + outcome.planned().getAsInt() : "";
      stdout.printf("study %s: %d%s trials done, %d by this worker%n", name, outcome.done(), of, outcome.ranHere());
      stdout.flush();
      if (outcome.stopReason().isPresent() && !outcome.stopReason().get().equals("cancelled")) {
        stderr.println("error: worker on study " + name + " stopped: " + outcome.stopReason().get());
        stderr.flush();
        return TuneScopeCommand.BAD_INPUT;
      }
      return 0;
    }
  }
}
