package org.tunescope.ml.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.ml.Task;

/**
 * One model of the catalog: what it is, the hyperparameters it declares, and how it is fitted.
 *
 * @param id                 the name on the command line ({@code svm}, {@code random_forest})
 * @param task               what it predicts
 * @param name               the display name
 * @param group              the family it is listed under (Trees, Kernels, Linear, Neighbours, Neural)
 * @param description        one line for the model list
 * @param hyperParameters    every hyperparameter, in the order users read them; a conditional one after its parent
 * @param needsStandardizing whether features are standardised (inside each training fold) before fitting
 * @param trainer            fits the model
 */
public record ModelSpec(
    String id,
    Task task,
    String name,
    String group,
    String description,
    List<HyperParameter> hyperParameters,
    boolean needsStandardizing,
    Trainer trainer) {

  public ModelSpec {
    Objects.requireNonNull(id, "id");
    hyperParameters = List.copyOf(hyperParameters);
    Objects.requireNonNull(trainer, "trainer");
    // Validates ordering of conditions once, at declaration time.
    new SearchSpace(hyperParameters.stream()
        .map(h -> new SearchParameter(h.name(), h.defaultSearch(), h.condition())).toList());
  }

  /**
   * The hyperparameter that counts an ensemble's members (its trees), when one fit can be cut to its
   * first members: a forest or boosting model.
   */
  public Optional<String> stageParameter() {
    return trainer instanceof StagedTrainer staged ? Optional.of(staged.stageParameter()) : Optional.empty();
  }

  /** Whether missing feature values reach the model as NaN rather than imputed (see {@link Trainer#takesMissingValues}). */
  public boolean takesMissingValues() {
    return trainer.takesMissingValues();
  }

  public Optional<HyperParameter> hyperParameter(String name) {
    return hyperParameters.stream().filter(h -> h.name().equals(name)).findFirst();
  }

  /** The search space a study covers when the user narrows nothing. */
  public SearchSpace defaultSpace() {
    return new SearchSpace(hyperParameters.stream()
        .map(h -> new SearchParameter(h.name(), h.defaultSearch(), h.condition())).toList());
  }

  /**
   * A space that searches only the given parameters; every other parameter stays at its default value
   * (still under its condition). What an overfitting curve of one parameter needs.
   */
  public SearchSpace spaceSearchingOnly(Map<String, Distribution> searched) {
    for (String name : searched.keySet()) {
      if (hyperParameter(name).isEmpty()) {
        throw new IllegalArgumentException("model " + id + " has no parameter '" + name + "'");
      }
    }
    return new SearchSpace(hyperParameters.stream()
        .map(h -> new SearchParameter(h.name(), searched.getOrDefault(h.name(), new Distribution.Fixed(h.defaultValue())),
            h.condition()))
        .toList());
  }

  /** The trial's values completed with the declared defaults of every parameter not given. */
  public Params withDefaults(Map<String, Object> trialValues) {
    Map<String, Object> all = new LinkedHashMap<>();
    for (HyperParameter h : hyperParameters) {
      all.put(h.name(), trialValues.getOrDefault(h.name(), h.defaultValue()));
    }
    return new Params(all);
  }
}
