package org.tunescope.app.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.tunescope.ml.tuning.TuningRequest;

/**
 * What a user asks of a new comparison: several models, one search each, on the same data, target, metric and
 * folds.
 *
 * @param name      the comparison's name, or empty for {@code compare-DATASET} (numbered when taken)
 * @param data      the data file
 * @param common    every choice the studies share (target, task, metric, search, grid points, budget per
 *                  model, folds, repeats, fold column, seed, test fraction, fix-others); its name, model and
 *                  ranges are ignored
 * @param models    the models, in the order they run, each with its own parameter ranges
 * @param keepPredictions whether each trial's fold predictions are kept in the store (ensembles need them)
 */
public record ComparisonRequest(Optional<String> name, Path data, TuningRequest common, List<ModelChoice> models,
    boolean keepPredictions) {

  public ComparisonRequest {
    models = List.copyOf(models);
    if (models.isEmpty()) {
      throw new IllegalArgumentException("a comparison needs at least one model");
    }
    if (models.stream().map(ModelChoice::model).distinct().count() < models.size()) {
      throw new IllegalArgumentException("a model is listed twice: each model gets one study in a comparison");
    }
  }

  /**
   * One model of a comparison.
   *
   * @param params its ranges as {@code NAME=LOW:HIGH[:log]}, {@code NAME=a,b,c} or {@code NAME=VALUE} texts
   */
  public record ModelChoice(String model, List<String> params) {

    public ModelChoice {
      params = List.copyOf(params);
    }
  }
}
