package org.tunescope.ml.tuning;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.Budget;
import org.tunescope.ml.Task;

/**
 * Everything a user chooses for a study, before it is checked against the data and the catalog.
 * The command line and the app both fill one in.
 *
 * @param name        the study's name
 * @param target      the target column
 * @param task        the task, or empty to infer it from the target
 * @param model       the catalog id of the model
 * @param ranges      parameters whose search differs from the catalog default
 * @param fixOthers   whether parameters not in {@code ranges} stay at their default value instead of
 *                    being searched over their default range
 * @param metric      the metric id, or empty for the task's default
 * @param search      grid, random, sobol, bayes, genetic, halving or hyperband
 * @param gridPoints  values per continuous range in a grid
 * @param budget      how many trials or how long; empty for a grid means the whole grid
 * @param folds       number of cross-validation folds
 * @param repeats     rounds of repeated k-fold (1 = plain k-fold, no shuffling)
 * @param foldColumn  a column that names each row's fold instead
 * @param seed        the study's seed
 * @param testFraction the share of rows held out as a test split that tuning never sees (stratified,
 *                     seeded by {@code seed}), scored once by the best trial at the end; empty for none
 */
public record TuningRequest(
    String name,
    String target,
    Optional<Task> task,
    String model,
    Map<String, Distribution> ranges,
    boolean fixOthers,
    Optional<String> metric,
    SearchMethod search,
    int gridPoints,
    Budget budget,
    int folds,
    int repeats,
    Optional<String> foldColumn,
    long seed,
    OptionalDouble testFraction) {

  public TuningRequest {
    ranges = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
    if (testFraction.isPresent() && !(testFraction.getAsDouble() > 0 && testFraction.getAsDouble() < 1)) {
      throw new IllegalArgumentException("the test fraction must be between 0 and 1 (exclusive), got "
          + testFraction.getAsDouble());
    }
  }

  /** A request for {@code model} on {@code target} with every other choice at the command line's default. */
  public static Builder builder(String name, String target, String model) {
    return new Builder(name, target, model);
  }

  /** A builder that starts from this request's choices. */
  public Builder toBuilder() {
    return new Builder(name, target, model).task(task).ranges(ranges).fixOthers(fixOthers).metric(metric)
        .search(search).gridPoints(gridPoints).budget(budget).folds(folds).repeats(repeats).foldColumn(foldColumn)
        .seed(seed).testFraction(testFraction);
  }

  /** The same request with other parameter ranges. */
  public TuningRequest withRanges(Map<String, Distribution> newRanges) {
    return toBuilder().ranges(newRanges).build();
  }

  /** The same request under another name. */
  public TuningRequest named(String newName) {
    return toBuilder().name(newName).build();
  }

  /**
   * Fills a {@link TuningRequest} by name instead of by position. Defaults are the command line's: a grid
   * of 5 points, 5 folds, no repeats, seed 0, the task and the metric inferred, no budget, no test split.
   */
  public static final class Builder {
    private String name;
    private final String target;
    private String model;
    private Optional<Task> task = Optional.empty();
    private Map<String, Distribution> ranges = Map.of();
    private boolean fixOthers;
    private Optional<String> metric = Optional.empty();
    private SearchMethod search = SearchMethod.GRID;
    private int gridPoints = 5;
    private Budget budget = Budget.unlimited();
    private int folds = 5;
    private int repeats = 1;
    private Optional<String> foldColumn = Optional.empty();
    private long seed;
    private OptionalDouble testFraction = OptionalDouble.empty();

    private Builder(String name, String target, String model) {
      this.name = name;
      this.target = target;
      this.model = model;
    }

    public Builder name(String value) {
      name = value;
      return this;
    }

    /** Another model (its ranges are not changed: give them with {@link #ranges}). */
    public Builder model(String value) {
      model = value;
      return this;
    }

    public Builder task(Optional<Task> value) {
      task = value;
      return this;
    }

    public Builder ranges(Map<String, Distribution> value) {
      ranges = value;
      return this;
    }

    public Builder fixOthers(boolean value) {
      fixOthers = value;
      return this;
    }

    public Builder metric(Optional<String> value) {
      metric = value;
      return this;
    }

    public Builder search(SearchMethod value) {
      search = value;
      return this;
    }

    public Builder gridPoints(int value) {
      gridPoints = value;
      return this;
    }

    public Builder budget(Budget value) {
      budget = value;
      return this;
    }

    public Builder folds(int value) {
      folds = value;
      return this;
    }

    public Builder repeats(int value) {
      repeats = value;
      return this;
    }

    public Builder foldColumn(Optional<String> value) {
      foldColumn = value;
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public Builder testFraction(OptionalDouble value) {
      testFraction = value;
      return this;
    }

    public TuningRequest build() {
      return new TuningRequest(name, target, task, model, ranges, fixOthers, metric, search, gridPoints, budget,
          folds, repeats, foldColumn, seed, testFraction);
    }
  }
}
