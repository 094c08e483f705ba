package org.tunescope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tunescope.app.StudyRun;
import org.tunescope.app.StudyService;
import org.tunescope.app.compare.ComparedStudies;
import org.tunescope.app.compare.ComparisonRequest;
import org.tunescope.app.compare.ComparisonRun;
import org.tunescope.app.compare.ComparisonService;
import org.tunescope.app.compare.EnsembleKind;
import org.tunescope.app.compare.LeaderboardRow;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.store.ComparisonFile;
import org.tunescope.store.ComparisonRecord;
import org.tunescope.store.ResultsFile;
import org.tunescope.store.StudyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tunescope compare}: one search per model on the same data, target, metric and folds, one after another,
 * then the ensembles of the best trials, and a leaderboard of the best trial per model and the ensembles.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Tune several models on the same folds, one search each, and compare their best trials and"
        + " the ensembles of the best trials.",
    footer = {"", "Example:",
        "  tunescope compare --data sample-datasets/breast_cancer.csv --target target \\",
        "    --models svm,random_forest,xgboost --trials 20 --param svm.kernel=rbf --out comparison.json"})
final class CompareCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--models", required = true, split = ",", paramLabel = "IDS",
      description = "The models to compare, comma-separated (see: tunescope models); one study each, run in order.")
  List<String> models = new ArrayList<>();

  @Option(names = "--name", paramLabel = "NAME",
      description = "The comparison's name (default: compare-DATASET, numbered when taken).")
  String name;

  @Option(names = "--ensemble", defaultValue = "both", paramLabel = "KIND",
      description = "Ensembles of the best trials to build: none, vote, stack, greedy (Caruana's greedy selection),"
          + " both (vote and stack) or a comma list such as vote,greedy (default: ${DEFAULT-VALUE}).")
  String ensemble;

  @Option(names = "--top", defaultValue = "5", paramLabel = "K",
      description = "Trials in each ensemble: the K best across all models; greedy selection picks from the "
          + ComparisonService.GREEDY_POOL_PER_MEMBER + "K best (default: ${DEFAULT-VALUE}).")
  int top;

  @Mixin
  StudyOptions study = new StudyOptions();

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
    if (run.out != null && ResultsFile.isCsv(run.out)) {
      throw new IllegalArgumentException("compare --out writes JSON: give a file name ending in .json");
    }
    Set<EnsembleKind> kinds = kinds(ensemble);
    if (top < 1) {
      throw new IllegalArgumentException("--top must be at least 1, got " + top);
    }
    List<ComparisonRequest.ModelChoice> choices = choices(models, study.params);
    Path data = study.data;
    LoadedData loaded = DataLoader.load(data);
    TuningRequest common = study.request("compare", choices.get(0).model(), SearchMethod.RANDOM);
    ComparisonRequest request = new ComparisonRequest(Optional.ofNullable(name), data, common, choices,
        !kinds.isEmpty());
    int workers = run.workerCount();
    try (StudyStore store = storeOption.open()) {
      StudyService studies = new StudyService(store, ModelCatalog.standard());
      ComparisonService service = new ComparisonService(studies, ModelCatalog.standard());
      ComparisonService.Planned planned = service.create(request, loaded);
      PreparedStudy first = planned.studies().get(0);
      TuneCommand.announce(stderr, first, study);
      ComparisonRecord c = planned.comparison();
      stderr.printf("comparison %s: %s on %s (%d rows, %d features), %s, %s, %s search, %s per model, %d workers%n",
          c.name(), String.join(", ", models), data.getFileName(), first.problem().rows(),
          first.problem().features().columnCount(), c.metric(), c.folds(), first.info().search(),
          budgetText(first), workers);
      stderr.flush();
      ComparisonRun comparisonRun = service.start(planned, workers);
      List<ComparisonRun.Outcome> outcomes;
      try (CancelOnInterrupt interrupt = CancelOnInterrupt.install(comparisonRun::cancel, "tunescope-cancel")) {
        outcomes = runAll(comparisonRun, stderr);
      }
      boolean complete = outcomes.size() == planned.studies().size()
          && outcomes.stream().allMatch(o -> o.result().stopReason().isEmpty());
      if (!kinds.isEmpty() && !outcomes.isEmpty()) {
        try {
          c = service.buildEnsembles(planned, kinds, top, loaded, note -> stderr.println("note: " + note));
        } catch (IllegalArgumentException e) {
          stderr.println("note: no ensembles: " + e.getMessage());
        }
      }
      try {
        printLeaderboard(stdout, ComparedStudies.loadComparison(store, ModelCatalog.standard(), c.name()), c.name());
      } catch (org.tunescope.app.compare.ComparisonException e) {
        stderr.println("note: no leaderboard: " + e.getMessage());
      }
      if (run.out != null) {
        Map<String, ResultsFile.StudyRun> runs = new LinkedHashMap<>();
        outcomes.forEach(o -> runs.put(o.run().prepared().study().name(),
            new ResultsFile.StudyRun(o.result().elapsed(), o.result().stopReason())));
        ComparisonFile.write(run.out, store, c, runs);
        stderr.println("wrote comparison " + c.name() + " (" + c.studies().size() + " studies, " + c.ensembles().size()
            + " ensembles) to " + run.out);
      }
      stdout.flush();
      Optional<String> failure = outcomes.stream().map(o -> o.result().stopReason()).flatMap(Optional::stream)
          .filter(r -> !r.equals("cancelled")).findFirst();
      // As tune does: a held-out score the store did not keep is an error, said after everything else is kept.
      List<String> notKept = outcomes.stream().flatMap(o -> o.notKept().map(why -> "error: the held-out test score"
          + " of study " + o.run().prepared().study().name() + " was not kept: " + why).stream()).toList();
      notKept.forEach(stderr::println);
      if (failure.isPresent()) {
        stderr.println("error: comparison " + c.name() + " stopped: " + failure.get()
            + "; the finished trials are kept");
        stderr.flush();
        return TuneScopeCommand.BAD_INPUT;
      }
      if (!notKept.isEmpty()) {
        stderr.flush();
        return TuneScopeCommand.BAD_INPUT;
      }
      if (!complete) {
        stderr.println("comparison " + c.name() + " was stopped before every model had its search");
      }
      stderr.flush();
      return 0;
    }
  }

  /** Runs the studies one after another, each with its progress line and, when asked, a line per trial. */
  private List<ComparisonRun.Outcome> runAll(ComparisonRun comparisonRun, PrintWriter stderr) {
    List<ProgressPrinter> printers = new ArrayList<>();
    List<StudyRun> runs = comparisonRun.runs();
    List<ComparisonRun.Outcome> outcomes = comparisonRun.run(studyRun -> {
      printers.forEach(ProgressPrinter::finish);
      printers.clear();
      PreparedStudy p = studyRun.prepared();
      stderr.printf("study %s (%d of %d): %s%n", p.study().name(), runs.indexOf(studyRun) + 1, runs.size(),
          p.model().name());
      stderr.flush();
      ProgressPrinter progress = new ProgressPrinter(stderr, System.console() != null && !run.quiet,
          p.study().plannedTrials(), study.time, p.study().direction());
      printers.add(progress);
      StudyListener listener = run.quiet ? StudyListener.NONE : progress;
      if (!run.logTrials) {
        return listener;
      }
      return event -> {
        listener.onEvent(event);
        if (event instanceof org.tunescope.engine.study.StudyEvent.TrialFinished f) {
          StoredRun.logTrial(stderr, f.trial());
        }
      };
    });
    if (!run.quiet) {
      printers.forEach(ProgressPrinter::finish);
    }
    return outcomes;
  }

  /**
   * The comparison's leaderboard as {@link ComparedStudies#leaderboard()} ranks it for every front end: the best
   * trial of each model and each ensemble, by mean validation score; then the studies with no complete trial.
   */
  static void printLeaderboard(PrintWriter out, ComparedStudies c, String name) {
    Direction direction = c.direction();
    List<LeaderboardRow> rows = c.leaderboard();
    boolean test = rows.stream().anyMatch(r -> r.test().isPresent());
    out.printf("%ncomparison %s: %s; gap = %s, positive when validation is worse%n", name,
        direction.label(c.metric()), direction == Direction.MAXIMIZE ? "train - validation" : "validation - train");
    out.printf("%4s  %-18s %-17s %8s %8s %7s %8s %9s%s  %s%n", "rank", "model", "valid mean±std", "train", "gap",
        "trials", "fit s", "memory", test ? String.format("%9s", "test") : "", "best trial / members");
    for (int i = 0; i < rows.size(); i++) {
      LeaderboardRow r = rows.get(i);
      out.printf(Locale.ROOT, "%4d  %-18s %-17s %8.4f %8.4f %7s %8s %9s%s  %s%n", i + 1, r.label(),
          String.format(Locale.ROOT, "%.4f ± %.4f", r.validationMean(), r.validationStd()), r.trainMean(), r.gap(),
          r.isEnsemble() ? "" : String.valueOf(trials(c, r.study())),
          r.costText("%.2f", r.fitSeconds()), r.megabytes() <= 0 ? "" : r.costText("%.1f MB", r.megabytes()),
          !test ? "" : String.format(Locale.ROOT, "%9s", r.test().isPresent()
              ? String.format(Locale.ROOT, "%.4f", r.test().getAsDouble()) : ""),
          r.trial().map(t -> r.study() + " #" + t.number()).orElseGet(r::what));
    }
    int rank = rows.size();
    for (ComparedStudies.Compared s : c.studies()) {
      if (s.best().isEmpty()) {
        out.printf(Locale.ROOT, "%4d  %-18s %-17s %8s %8s %7d %8s %9s%s  %s%n", ++rank, s.label(), "", "", "",
            s.viewed().trials().size(), "", "", test ? String.format("%9s", "") : "",
            s.record().name() + " (no complete trial)");
      }
    }
  }

  private static int trials(ComparedStudies c, String study) {
    return c.studies().stream().filter(s -> s.record().name().equals(study)).mapToInt(s -> s.viewed().trials().size())
        .findFirst().orElse(0);
  }

  private static String budgetText(PreparedStudy p) {
    OptionalInt planned = p.study().plannedTrials();
    List<String> parts = new ArrayList<>();
    planned.ifPresent(n -> parts.add(n + " trials"));
    p.study().budget().maxTime().ifPresent(t -> parts.add(ProgressPrinter.clock(t.toMillis() / 1000.0)));
    return parts.isEmpty() ? "the whole grid" : String.join(" or ", parts);
  }

  /** The --ensemble choice as kinds: none, vote, stack, greedy, both (vote and stack) or a comma list. */
  static Set<EnsembleKind> kinds(String choice) {
    try {
      return EnsembleKind.choice(choice);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--ensemble '" + choice + "': use none, vote, stack, greedy, both (vote"
          + " and stack) or a comma list such as vote,greedy");
    }
  }

  /** Each model with its --param MODEL.NAME=RANGE values. */
  static List<ComparisonRequest.ModelChoice> choices(List<String> models, List<String> params) {
    List<String> ids = models.stream().map(String::trim).filter(m -> !m.isEmpty()).toList();
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("--models needs at least one model id");
    }
    Map<String, List<String>> byModel = new LinkedHashMap<>();
    ids.forEach(id -> byModel.put(id, new ArrayList<>()));
    for (String p : params) {
      int dot = p.indexOf('.');
      int eq = p.indexOf('=');
      if (dot <= 0 || (eq >= 0 && eq < dot)) {
        throw new IllegalArgumentException("--param '" + p + "': compare needs MODEL.NAME=RANGE, MODEL one of "
            + String.join(", ", ids));
      }
      String model = p.substring(0, dot);
      if (!byModel.containsKey(model)) {
        throw new IllegalArgumentException("--param '" + p + "' is for model " + model + ", which is not in --models ("
            + String.join(", ", ids) + ")");
      }
      byModel.get(model).add(p.substring(dot + 1));
    }
    return byModel.entrySet().stream().map(e -> new ComparisonRequest.ModelChoice(e.getKey(), e.getValue())).toList();
  }
}
