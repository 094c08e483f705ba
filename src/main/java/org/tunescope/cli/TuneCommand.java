package org.tunescope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.tunescope.app.StudyService;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.space.Distribution;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.HeldOutRows;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.ml.tuning.TuningSetup;
import org.tunescope.store.StudyRecord;
import org.tunescope.store.StudyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tunescope tune}: runs one study headless, with a live progress line and a final leaderboard. */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run a cross-validated hyperparameter search and print the leaderboard.",
    footer = {"", "Example:",
        "  tunescope tune --data sample-datasets/breast_cancer.csv --target target --model svm \\",
        "    --search grid --param kernel=rbf --param C=0.01:1000:log --param gamma=0.0001:10:log \\",
        "    --grid-points 10 --folds 5 --metric accuracy --seed 0 --workers 2 --out results.json"})
final class TuneCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "ID", description = "Model id (see: tunescope models).")
  String model;

  @Option(names = {"--name", "--study"}, paramLabel = "NAME",
      description = "The study's name (default: MODEL-DATASET, numbered when taken). A study of this name that"
          + " is not finished and searches the same way is joined: several processes can share one study.")
  String name;

  @Mixin
  StudyOptions study = new StudyOptions();

  @Option(names = "--no-store-data",
      description = "Do not keep a copy of the data file in the store (kept by default, up to 200 MB, so that"
          + " workers on machines without the file can run the study; without it they need --data).")
  boolean noStoreData;

  @Mixin
  RunOptions run = new RunOptions();

  @Mixin
  StoreOption storeOption = new StoreOption();

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    study.check();
    run.checkOut();
    Path data = study.data;
    // the store's driver and the model's classes, native library and JIT load on a second core meanwhile
    org.tunescope.ml.tuning.StartupWarmUp.start(model, storeOption::warmUp);
    LoadedData loaded = DataLoader.load(data);
    TuningSetup setup = new TuningSetup(ModelCatalog.standard());
    TuningRequest request = study.request(name != null ? name : StudyService.defaultName(model, data), model,
        SearchMethod.GRID);
    // The task comes from the target, the model from the task, and the ranges are checked against the model.
    LearningProblem problem = setup.problem(request, loaded.table());
    request = request.withRanges(TuningSetup.ranges(setup.findModel(model, problem.task()), study.params));
    PreparedStudy prepared = setup.prepare(request, problem, data, loaded.sha256());
    int workerCount = run.workerCount();
    try (StudyStore store = storeOption.open()) {
      // the notes on the data once the store is open: a store that cannot be opened is then the only line
      announce(stderr, prepared, study);
      StudyService service = new StudyService(store, ModelCatalog.standard());
      if (name == null) {
        // An unnamed study is always a new one: the default name gets a number when it is taken.
        String free = service.freshName(request.name());
        if (!free.equals(request.name())) {
          request = request.named(free);
          prepared = setup.prepare(request, problem, data, loaded.sha256());
        }
      }
      StudyRecord record = service.create(prepared, request, data, !noStoreData,
          what -> stderr.println("note: " + what));
      int alreadyDone = store.trials(record.name()).size();
      OptionalInt planned = prepared.study().plannedTrials();
      stderr.printf("study %s: %s on %s (%d rows, %d features), %s, %s search%s, %s, %d workers%s%n",
          prepared.info().name(), prepared.model().id(), data.getFileName(), prepared.problem().rows(),
          prepared.problem().features().columnCount(), prepared.metric().id(), prepared.info().search(),
          planned.isPresent() ? " of " + planned.getAsInt() + " trials" : "", prepared.info().foldMethod(), workerCount,
          alreadyDone > 0 ? ", joining " + alreadyDone + " trials already done" : "");
      stderr.flush();
      return StoredRun.run(stdout, stderr, service.start(prepared, workerCount), run.quiet, run.logTrials, run.out,
          study.time, variedParameters(prepared.study().space()), alreadyDone);
    }
  }

  /** What the setup decided that the user did not say: the held-out rows, the task, rows left out. */
  static void announce(PrintWriter stderr, PreparedStudy prepared, StudyOptions options) {
    // the split's two parts make the whole: the prepared problem holds the tuning rows only
    prepared.heldOut().map(HeldOutRows::split).ifPresent(s -> stderr.printf(
        "held out %d of %d rows as a test split (seed %d); tuning sees the other %d%n",
        s.test().length, s.test().length + s.tuning().length, options.seed, s.tuning().length));
    if (options.forcedTask().isEmpty()) {
      stderr.printf("task: %s (inferred from column %s; --task to change)%n", prepared.problem().task().id(),
          options.target);
    }
    if (prepared.problem().droppedRows() > 0) {
      stderr.printf("note: %d rows without a target value were left out%n", prepared.problem().droppedRows());
    }
  }

  /** The parameters the search varies: the leaderboard shows these, not the fixed ones. */
  static java.util.Set<String> variedParameters(org.tunescope.engine.space.SearchSpace space) {
    return space.parameters().stream().filter(p -> !(p.distribution() instanceof Distribution.Fixed))
        .map(p -> p.name()).collect(java.util.stream.Collectors.toSet());
  }
}
