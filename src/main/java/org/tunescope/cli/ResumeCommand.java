package org.tunescope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tunescope.app.StudyService;
import org.tunescope.engine.study.TrialState;
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
 * {@code tunescope resume STUDY}: continues a stored study until its budget is met. A grid never runs a
 * finished point again; a random search goes on with its seeded sequence; interrupted trials run again.
 */
@Command(name = "resume", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Continue a stored study until its budget is met (its data file must be unchanged).")
final class ResumeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "STUDY", description = "The study's name (see: tunescope studies).")
  String name;

  @Option(names = "--force", description = "Resume even though the data file or the model's ranges changed.")
  boolean force;

  @Mixin
  RunOptions run = new RunOptions();

  @Mixin
  StoreOption storeOption = new StoreOption();

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    try (StudyStore store = storeOption.open()) {
      StudyRecord record = store.get(name);
      store.importRecord(name).ifPresent(origin -> {
        throw new IllegalArgumentException(origin.whyNotResumable(name));
      });
      long done = store.trials(name).stream().filter(t -> t.state() != TrialState.INTERRUPTED).count();
      if (record.finished().isPresent()) {
        stdout.printf("study %s is finished: %d trials (see: tunescope show %s)%n", name, done, name);
        stdout.flush();
        return 0;
      }
      StudyService service = new StudyService(store, ModelCatalog.standard());
      // Rebuilt from its data file, refused (unless forced) when the data or the model changed.
      LoadedData data = service.recordedData(record, what -> stderr.println("note: " + what));
      PreparedStudy prepared = service.reopen(record, data, force,
          what -> stderr.println("warning: " + what + "; resuming anyway (--force)")).prepared();
      int workerCount = run.workerCount();
      run.checkOut();
      stderr.printf("resuming study %s: %d of %s trials done, %d workers%n", name, done,
          record.plannedTrials().isPresent() ? String.valueOf(record.plannedTrials().getAsInt()) : "?", workerCount);
      stderr.flush();
      return StoredRun.run(stdout, stderr, service.start(prepared, workerCount), run.quiet, run.logTrials, run.out,
          record.request().maxTime().orElse(null), Leaderboard.varied(store.trials(name)), (int) done);
    }
  }
}
