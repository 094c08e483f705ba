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
 */
public final class LabSetup {

  private final LabData data;
  private final ModelSpec model;
  private final Map<String, Object> fixed;
  private final ParameterAxis axis;
  private final Metric metric;
  private final CrossValidatedObjective objective;

  /**
   * @param fixed values of other parameters that differ from the catalog defaults (kernel=rbf)
   */
  public LabSetup(LabData data, ModelSpec model, Map<String, Object> fixed, ParameterAxis axis) {
    this.data = data;
    this.model = model;
    this.fixed = Map.copyOf(fixed);
    this.axis = axis;
    this.metric = Metric.defaultFor(data.problem().task());
    this.objective = new CrossValidatedObjective(data.tuning(), model, metric, data.folds());
  }

  public LabData data() {
    return data;
  }

  public ModelSpec model() {
    return model;
  }

  public Map<String, Object> fixed() {
    return fixed;
  }

  public ParameterAxis axis() {
    return axis;
  }

  public Metric metric() {
    return metric;
  }

  CrossValidatedObjective objective() {
    return objective;
  }

  /** The fixed values with the slider's parameter at {@code value}. */
  public Map<String, Object> params(Object value) {
    Map<String, Object> p = new LinkedHashMap<>(fixed);
    p.put(axis.parameter().name(), value);
    return p;
  }
}
