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

  /** The same request with other parameter ranges. */
  public TuningRequest withRanges(Map<String, Distribution> newRanges) {
    return new TuningRequest(name, target, task, model, newRanges, fixOthers, metric, search, gridPoints, budget, folds, repeats,
        foldColumn, seed, testFraction);
  }

  /** The same request under another name. */
  public TuningRequest named(String newName) {
    return new TuningRequest(newName, target, task, model, ranges, fixOthers, metric, search, gridPoints, budget, folds,
        repeats, foldColumn, seed, testFraction);
  }
}
