package org.tunescope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.tunescope.app.StudyService;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.DistributionParser;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.engine.study.Budget;
import org.tunescope.ml.Task;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;
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

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV, ARFF or LibSVM file.")
  Path data;

  @Option(names = "--target", required = true, paramLabel = "COLUMN", description = "The column to predict.")
  String target;

  @Option(names = "--task", paramLabel = "TASK",
      description = "classification or regression (default: inferred from the target).")
  String task;

  @Option(names = "--model", required = true, paramLabel = "ID", description = "Model id (see: tunescope models).")
  String model;

  @Option(names = "--search", defaultValue = "grid", paramLabel = "METHOD",
      description = "grid, random, sobol, bayes (TPE), genetic, halving or hyperband (default: ${DEFAULT-VALUE}).")
  String search;

  @Option(names = "--param", paramLabel = "NAME=RANGE",
      description = "NAME=LOW:HIGH[:log] (a range), NAME=a,b,c (listed values) or NAME=VALUE (fixed)."
          + " Parameters not given use the model's default ranges. Repeatable.")
  List<String> params = new ArrayList<>();

  @Option(names = "--fix-others",
      description = "Keep parameters not given with --param at their default value instead of searching their"
          + " default range.")
  boolean fixOthers;

  @Option(names = "--grid-points", defaultValue = "5", paramLabel = "N",
      description = "Values per continuous range in a grid (default: ${DEFAULT-VALUE}).")
  int gridPoints;

  @Option(names = "--trials", paramLabel = "N",
      description = "Stop after N trials (random search default: " + TuningSetup.DEFAULT_RANDOM_TRIALS + ").")
  Integer trials;

  @Option(names = "--time", paramLabel = "DURATION", converter = DurationParser.class,
      description = "Start no trial after this long: 90, 30s, 2m, 1h30m.")
  Duration time;

  @Option(names = "--folds", defaultValue = "5", paramLabel = "K",
      description = "Cross-validation folds, stratified for classification (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(names = "--repeats", defaultValue = "1", paramLabel = "R",
      description = "Repeated k-fold: R rounds over seeded shuffles (default: ${DEFAULT-VALUE}, no shuffle).")
  int repeats;

  @Option(names = "--fold-column", paramLabel = "COLUMN",
      description = "Take each row's fold from this column (not used as a feature).")
  String foldColumn;

  @Option(names = "--metric", paramLabel = "METRIC",
      description = "accuracy, balanced_accuracy, precision, recall, f1, auc, log_loss; rmse, mae, r2"
          + " (default: accuracy or r2).")
  String metric;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of the search and the fits (default: 0).")
  long seed;

  @Option(names = {"--name", "--study"}, paramLabel = "NAME",
      description = "The study's name (default: MODEL-DATASET, numbered when taken). A study of this name that"
          + " is not finished and searches the same way is joined: several processes can share one study.")
  String name;

  @Option(names = "--test-fraction", paramLabel = "F",
      description = "Hold out this share of the rows (stratified, seeded) before tuning; after the search the best"
          + " trial is refitted on the rest and scored once on them.")
  Double testFraction;

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
    checkOptions();
    // the store's driver and the model's classes, native library and JIT load on a second core meanwhile
    org.tunescope.ml.tuning.StartupWarmUp.start(model, storeOption::warmUp);
    LoadedData loaded = DataLoader.load(data);
    TuningSetup setup = new TuningSetup(ModelCatalog.standard());
    Optional<Task> forcedTask = Optional.ofNullable(task).map(Task::parse);
    TuningRequest request = request(Map.of());
    // The task comes from the target, the model from the task, and the ranges are checked against the model.
    LearningProblem problem = setup.problem(request, loaded.table());
    request = request.withRanges(ranges(setup.findModel(model, problem.task())));
    PreparedStudy prepared = setup.prepare(request, problem, data, loaded.sha256());
    int workerCount = run.workerCount();
    try (StudyStore store = storeOption.open()) {
      // the notes on the data once the store is open: a store that cannot be opened is then the only line
      prepared.heldOut().map(HeldOutRows::split).ifPresent(s -> stderr.printf(
          "held out %d of %d rows as a test split (seed %d); tuning sees the other %d%n",
          s.test().length, problem.rows(), seed, s.tuning().length));
      if (forcedTask.isEmpty()) {
        stderr.printf("task: %s (inferred from column %s; --task to change)%n", prepared.problem().task().id(), target);
      }
      if (prepared.problem().droppedRows() > 0) {
        stderr.printf("note: %d rows without a target value were left out%n", prepared.problem().droppedRows());
      }
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
          time, variedParameters(prepared.study().space()), alreadyDone);
    }
  }

  private void checkOptions() {
    if (gridPoints < 1) {
      throw new IllegalArgumentException("--grid-points must be at least 1, got " + gridPoints);
    }
    if (trials != null && trials < 1) {
      throw new IllegalArgumentException("--trials must be at least 1, got " + trials);
    }
    if (testFraction != null && !(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("--test-fraction must be between 0 and 1 (exclusive), got " + testFraction);
    }
    if (repeats < 1) {
      throw new IllegalArgumentException("--repeats must be at least 1, got " + repeats);
    }
    run.checkOut();
  }

  private TuningRequest request(Map<String, Distribution> ranges) {
    Budget budget = new Budget(trials == null ? OptionalInt.empty() : OptionalInt.of(trials),
        Optional.ofNullable(time));
    String studyName = name != null ? name : StudyService.defaultName(model, data);
    return TuningRequest.builder(studyName, target, model).task(Optional.ofNullable(task).map(Task::parse))
        .ranges(ranges).fixOthers(fixOthers).metric(Optional.ofNullable(metric)).search(SearchMethod.parse(search))
        .gridPoints(gridPoints).budget(budget).folds(folds).repeats(repeats).foldColumn(Optional.ofNullable(foldColumn))
        .seed(seed)
        .testFraction(testFraction == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(testFraction))
        .build();
  }

  /** Parses every --param against the model's declarations. */
  private Map<String, Distribution> ranges(ModelSpec spec) {
    Map<String, Distribution> ranges = new LinkedHashMap<>();
    for (String p : params) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--param '" + p + "' should be NAME=LOW:HIGH[:log], NAME=a,b,c or NAME=VALUE");
      }
      String paramName = p.substring(0, eq).trim();
      HyperParameter hp = spec.hyperParameter(paramName).orElseThrow(() -> new IllegalArgumentException(
          "model " + spec.id() + " has no parameter '" + paramName + "'; its parameters are: "
              + String.join(", ", spec.hyperParameters().stream().map(HyperParameter::name).toList())));
      ranges.put(paramName, DistributionParser.parse(hp, p.substring(eq + 1)));
    }
    return ranges;
  }

  /** The parameters the search varies: the leaderboard shows these, not the fixed ones. */
  private static java.util.Set<String> variedParameters(org.tunescope.engine.space.SearchSpace space) {
    return space.parameters().stream().filter(p -> !(p.distribution() instanceof Distribution.Fixed))
        .map(p -> p.name()).collect(java.util.stream.Collectors.toSet());
  }
}
