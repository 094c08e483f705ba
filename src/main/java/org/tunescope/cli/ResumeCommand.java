package org.tunescope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tunescope.engine.study.TrialState;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.ml.tuning.TuningSetup;
import org.tunescope.store.StoredRequest;
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

  @Option(names = "--workers", paramLabel = "N", description = "Trials evaluated at once (default: all cores).")
  Integer workers;

  @Option(names = "--out", paramLabel = "FILE", description = "Write every trial to FILE: .json or .csv.")
  Path out;

  @Option(names = "--quiet", description = "No progress line.")
  boolean quiet;

  @Option(names = "--log-trials",
      description = "Print a line per finished trial on standard error (the trial is stored when it is printed).")
  boolean logTrials;

  @Mixin
  StoreOption storeOption = new StoreOption();

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if (workers != null && workers < 1) {
      throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
    }
    try (StudyStore store = storeOption.open()) {
      StudyRecord record = store.get(name);
      long done = store.trials(name).stream().filter(t -> t.state() != TrialState.INTERRUPTED).count();
      if (record.finished().isPresent()) {
        stdout.printf("study %s is finished: %d trials (see: tunescope show %s)%n", name, done, name);
        stdout.flush();
        return 0;
      }
      PreparedStudy prepared = prepare(record, force, stderr);
      int workerCount = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
      stderr.printf("resuming study %s: %d of %s trials done, %d workers%n", name, done,
          record.plannedTrials().isPresent() ? String.valueOf(record.plannedTrials().getAsInt()) : "?", workerCount);
      stderr.flush();
      return StoredRun.run(stdout, stderr, store, prepared, workerCount, quiet, logTrials, out,
          record.request().maxTime().orElse(null), Leaderboard.varied(store.trials(name)), (int) done);
    }
  }

  /** Rebuilds a stored study from its data file, refusing (unless forced) when the data or the model changed. */
  static PreparedStudy prepare(StudyRecord record, boolean force, PrintWriter stderr) {
    StoredRequest stored = record.request();
    Path dataPath = Path.of(stored.dataPath());
    LoadedData loaded = DataLoader.load(dataPath);
    String was = record.info().sha256();
    if (!loaded.sha256().equals(was)) {
      String what = "the data file " + dataPath + " changed since study " + record.name() + " began (SHA-256 now "
          + loaded.sha256().substring(0, 12) + "..., was " + was.substring(0, 12) + "...)";
      if (!force) {
        throw new IllegalArgumentException(what + "; use --force to resume with it anyway");
      }
      stderr.println("warning: " + what + "; resuming anyway (--force)");
    }
    TuningSetup setup = new TuningSetup(ModelCatalog.standard());
    TuningRequest plain = stored.toRequest(record.name(), Map.of());
    LearningProblem problem = setup.problem(plain, loaded.table());
    ModelSpec model = setup.findModel(stored.model(), problem.task());
    TuningRequest request = stored.toRequest(record.name(), model);
    PreparedStudy prepared = setup.prepare(request, problem, Path.of(record.info().dataset()), loaded.sha256());
    if (!prepared.info().space().equals(record.info().space())) {
      String what = "the search space of model " + model.id() + " changed since study " + record.name() + " began";
      if (!force) {
        throw new IllegalArgumentException(what + "; use --force to resume with the new one");
      }
      stderr.println("warning: " + what + "; resuming anyway (--force)");
    }
    return prepared;
  }
}
