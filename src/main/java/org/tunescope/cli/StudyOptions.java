package org.tunescope.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.study.Budget;
import org.tunescope.ml.Task;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.ml.tuning.TuningSetup;
import picocli.CommandLine.Option;

/**
 * The options of a new search ({@code tune}, and {@code compare} for each of its models): the data, the
 * target, the search, its budget and the folds, and what {@link #request} makes of them.
 */
final class StudyOptions {

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV, ARFF or LibSVM file.")
  Path data;

  @Option(names = "--target", required = true, paramLabel = "COLUMN", description = "The column to predict.")
  String target;

  @Option(names = "--task", paramLabel = "TASK",
      description = "classification or regression (default: inferred from the target).")
  String task;

  @Option(names = "--search", paramLabel = "METHOD",
      description = "grid, random, sobol, bayes (TPE), genetic, halving or hyperband (default: grid; compare: random).")
  String search;

  @Option(names = "--param", paramLabel = "NAME=RANGE",
      description = "NAME=LOW:HIGH[:log] (a range), NAME=a,b,c (listed values) or NAME=VALUE (fixed); compare:"
          + " MODEL.NAME=RANGE. Parameters not given use the model's default ranges. Repeatable.")
  List<String> params = new ArrayList<>();

  @Option(names = "--fix-others",
      description = "Keep parameters not given with --param at their default value instead of searching their"
          + " default range.")
  boolean fixOthers;

  @Option(names = "--grid-points", defaultValue = "5", paramLabel = "N",
      description = "Values per continuous range in a grid (default: ${DEFAULT-VALUE}).")
  int gridPoints;

  @Option(names = "--trials", paramLabel = "N",
      description = "Stop after N trials (random search default: " + TuningSetup.DEFAULT_RANDOM_TRIALS + ";"
          + " compare: per model).")
  Integer trials;

  @Option(names = "--time", paramLabel = "DURATION", converter = DurationParser.class,
      description = "Start no trial after this long: 90, 30s, 2m, 1h30m (compare: per model).")
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

  @Option(names = "--test-fraction", paramLabel = "F",
      description = "Hold out this share of the rows (stratified, seeded) before tuning; after the search the best"
          + " trial is refitted on the rest and scored once on them.")
  Double testFraction;

  /** Refuses numbers out of range before anything is loaded. */
  void check() {
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
  }

  /** The task given with --task, if any. */
  Optional<Task> forcedTask() {
    return Optional.ofNullable(task).map(Task::parse);
  }

  /**
   * The request these options make for {@code model}, its ranges not yet read (they need the model, which needs
   * the task).
   *
   * @param defaultSearch the search when --search is not given
   */
  TuningRequest request(String name, String model, SearchMethod defaultSearch) {
    Budget budget = new Budget(trials == null ? OptionalInt.empty() : OptionalInt.of(trials),
        Optional.ofNullable(time));
    return TuningRequest.builder(name, target, model).task(forcedTask())
        .fixOthers(fixOthers).metric(Optional.ofNullable(metric))
        .search(search == null ? defaultSearch : SearchMethod.parse(search))
        .gridPoints(gridPoints).budget(budget).folds(folds).repeats(repeats).foldColumn(Optional.ofNullable(foldColumn))
        .seed(seed).testFraction(testFraction == null ? OptionalDouble.empty() : OptionalDouble.of(testFraction))
        .build();
  }
}
