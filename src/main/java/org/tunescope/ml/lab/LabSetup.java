package org.tunescope.ml.lab;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.tuning.CrossValidatedObjective;

/**
 * What one lab experiment holds still: the data, the model, the other parameters' values, and the one
 * parameter the slider moves. Its cross-validation objective caches the preprocessed folds, so every
 * slider move and every point of the validation curve reuses them.
 *
 * @param fixed values of other parameters that differ from the catalog defaults (kernel=rbf)
 */
public record LabSetup(LabData data, ModelSpec model, Map<String, Object> fixed, ParameterAxis axis, Metric metric,
                       CrossValidatedObjective objective) {

  public LabSetup(LabData data, ModelSpec model, Map<String, Object> fixed, ParameterAxis axis) {
    this(data, model, fixed, axis, Metric.defaultFor(data.problem().task()));
  }

  private LabSetup(LabData data, ModelSpec model, Map<String, Object> fixed, ParameterAxis axis, Metric metric) {
    this(data, model, Map.copyOf(fixed), axis, metric,
        new CrossValidatedObjective(data.tuning(), model, metric, data.folds()));
  }

  /** The fixed values with the slider's parameter at {@code value}. */
  public Map<String, Object> params(Object value) {
    Map<String, Object> p = new LinkedHashMap<>(fixed);
    p.put(axis.parameter().name(), value);
    return p;
  }
}
