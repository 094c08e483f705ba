package org.tunescope.app;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningSetup;
import org.tunescope.store.ImportRecord;
import org.tunescope.store.ImportedTrial;
import org.tunescope.store.StoreException;
import org.tunescope.store.StudyRecord;
import org.tunescope.store.StudyStore;

/**
 * A study as the charts and tables look at it: its name, metric, direction, search space and trials, and
 * the model that ran it when TuneScope knows it. Loading one needs no data file, so a study imported from
 * Optuna or scikit-learn (or one whose data has moved) can still be looked at, read-only.
 *
 * @param model  the catalog's model, for the parameters' complexity; empty for an imported study
 * @param origin where an imported study came from; empty for a study TuneScope ran
 * @param trials the finished trials when loaded from a store; empty for a study about to run
 * @param extras what an imported study's trials hold beyond a TuneScope trial (every objective's value, the
 *               intermediate values); empty for a study TuneScope ran
 */
public record ViewedStudy(String name, String metric, Direction direction, SearchSpace space,
                          Optional<ModelSpec> model, Optional<ImportRecord> origin, List<Trial> trials,
                          List<ImportedTrial> extras) {

  public ViewedStudy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(origin, "origin");
    trials = List.copyOf(trials);
    extras = List.copyOf(extras);
  }

  /** A study without imported extras. */
  public ViewedStudy(String name, String metric, Direction direction, SearchSpace space, Optional<ModelSpec> model,
      Optional<ImportRecord> origin, List<Trial> trials) {
    this(name, metric, direction, space, model, origin, trials, List.of());
  }

  /** A study prepared to run (or reopened with its data), without trials: the run brings them. */
  public static ViewedStudy of(PreparedStudy prepared) {
    return new ViewedStudy(prepared.study().name(), prepared.study().metric(), prepared.study().direction(),
        prepared.study().space(), Optional.of(prepared.model()), Optional.empty(), List.of());
  }

  /**
   * Reads a study and its finished trials from the store, imported or not; its data file is not opened.
   *
   * @throws StoreException when there is no such study, or its model or ranges cannot be read any more
   */
  public static ViewedStudy load(StudyStore store, ModelCatalog catalog, String name) {
    StudyRecord record = store.get(name);
    List<Trial> trials = store.trials(name);
    Optional<ImportRecord> imported = store.importRecord(name);
    Direction direction = Direction.of(record.info().direction());
    if (imported.isPresent()) {
      return new ViewedStudy(name, record.info().metric(), direction, imported.get().space(), Optional.empty(),
          imported, trials, store.importedTrials(name));
    }
    Task task = Task.parse(record.info().task());
    ModelSpec model = catalog.find(record.info().model(), task).orElseThrow(() -> new StoreException(
        "study " + name + " was run with model " + record.info().model() + ", which this TuneScope does not have"));
    Map<String, Distribution> ranges = StudyRecords.ranges(record.request(), model);
    SearchSpace space = TuningSetup.space(model, ranges, record.request().fixOthers());
    return new ViewedStudy(name, record.info().metric(), direction, space, Optional.of(model), Optional.empty(),
        trials);
  }

  /** Whether another tool ran it: it is shown read-only and cannot be resumed. */
  public boolean isImported() {
    return origin.isPresent();
  }

  /** Which way a parameter makes the model more complex, as its model declares; NONE when unknown. */
  public Complexity complexity(String parameter) {
    return model.flatMap(m -> m.hyperParameter(parameter)).map(HyperParameter::complexity).orElse(Complexity.NONE);
  }

  /**
   * The searched parameters (not the fixed ones) in the order an overfitting curve should offer them: those
   * the model declares as driving complexity first, then numeric ones (a range, or numbers to choose from),
   * then categories. An imported study declares no complexity, so its numeric parameters come first.
   */
  public List<String> curveParameters() {
    Comparator<SearchParameter> order = Comparator
        .comparing((SearchParameter p) -> complexity(p.name()) == Complexity.NONE)
        .thenComparing(p -> !isNumeric(p.distribution()));
    return space.parameters().stream().filter(p -> !(p.distribution() instanceof Distribution.Fixed))
        .sorted(order).map(SearchParameter::name).toList();
  }

  /** Whether a distribution's values are numbers: a range, or a choice among numbers. */
  public static boolean isNumeric(Distribution d) {
    return d instanceof Distribution.FloatRange || d instanceof Distribution.IntRange
        || d instanceof Distribution.Choice c && !c.values().isEmpty()
        && c.values().stream().allMatch(v -> v instanceof Number);
  }
}
