package org.tunescope.app.importer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;
import org.tunescope.store.ImportRecord;
import org.tunescope.store.ImportedStudy;
import org.tunescope.store.ImportedTrial;

/**
 * Turns an Optuna study into a TuneScope one. Each trial keeps its number; its validation score is the chosen
 * objective's value (a pruned trial's is its last intermediate value, as Optuna records it), its training score
 * comes from the user attributes ({@link TrainScores}). COMPLETE, PRUNED and FAIL trials map to complete, pruned
 * and failed; RUNNING and WAITING trials have nothing to show yet and are left for a later import.
 */
final class OptunaImport {

  private OptunaImport() {
  }

  /**
   * @param objective which objective is the trials' validation score
   * @param name      the name in TuneScope
   * @param source    the storage: a file's absolute path, or a PostgreSQL address
   * @throws ImportException when the study has no objective {@code objective}
   */
  static ImportedStudy convert(OptunaStudy study, int objective, String name, String source) {
    int count = study.directions().size();
    if (objective < 0 || objective >= count) {
      throw new ImportException("study " + study.name() + " has " + (count == 1 ? "one objective (0)"
          : count + " objectives (0 to " + (count - 1) + ")") + "; --objective " + objective + " is not one of them");
    }
    List<ImportRecord.Objective> objectives = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      objectives.add(new ImportRecord.Objective(study.objectiveName(k), study.directions().get(k)));
    }
    List<SearchParameter> params = new ArrayList<>();
    Map<String, String> declarations = new LinkedHashMap<>();
    study.distributions().forEach((param, d) -> {
      params.add(SearchParameter.of(param, d.toEngine()));
      declarations.put(param, d.declaration());
    });
    SearchSpace space = new SearchSpace(params);
    long lastStep = study.trials().stream().flatMap(t -> t.intermediate().stream())
        .mapToLong(ImportedTrial.Step::step).max().orElse(0);
    Instant now = Instant.now();
    List<Trial> trials = new ArrayList<>();
    List<ImportedTrial> extras = new ArrayList<>();
    int maxFolds = 1;
    boolean unfinished = false;
    for (OptunaTrial t : study.trials()) {
      Optional<TrialState> state = state(t.state());
      if (state.isEmpty()) {
        unfinished = true;
        continue;
      }
      double value = t.values().getOrDefault(objective, Double.NaN);
      List<FoldScore> folds = state.get() == TrialState.FAILED || Double.isNaN(value) ? List.of()
          : TrainScores.folds(value, t.userAttributes(), objective, study.objectiveName(objective));
      maxFolds = Math.max(maxFolds, folds.size());
      double seconds = t.start().isPresent() && t.complete().isPresent()
          ? Duration.between(t.start().get(), t.complete().get()).toNanos() / 1e9 : Double.NaN;
      Optional<String> error = state.get() == TrialState.FAILED
          ? Optional.of(t.failReason().orElse("failed in Optuna (the storage keeps no reason)")) : Optional.empty();
      trials.add(new Trial(t.number(), state.get(), t.params(), folds, 0, seconds, 0, error,
          t.start().or(t::complete).orElse(now), budget(t, state.get(), lastStep)));
      List<Double> values = new ArrayList<>();
      for (int k = 0; k < count; k++) {
        values.add(t.values().getOrDefault(k, Double.NaN));
      }
      extras.add(new ImportedTrial(t.number(), Optional.of(String.valueOf(t.id())), t.complete(), values,
          t.intermediate(), t.userAttributes()));
    }
    String direction = study.directions().get(objective);
    String foldMethod = maxFolds > 1 ? maxFolds + " folds (from the trials' user attributes)"
        : "one score per trial (Optuna's objective value)";
    var record = ImportedStudies.record(name, "optuna", study.objectiveName(objective), direction, "optuna",
        maxFolds, foldMethod, source, space, !unfinished);
    ImportRecord origin = new ImportRecord(ImportRecord.OPTUNA, source, Optional.of(study.name()), objective,
        objectives, space, declarations, now);
    return new ImportedStudy(record, origin, trials, extras);
  }

  /** Optuna's state in TuneScope's terms; empty for trials not finished yet (RUNNING, WAITING). */
  static Optional<TrialState> state(String optuna) {
    return switch (optuna) {
      case "COMPLETE" -> Optional.of(TrialState.COMPLETE);
      case "PRUNED" -> Optional.of(TrialState.PRUNED);
      case "FAIL" -> Optional.of(TrialState.FAILED);
      case "RUNNING", "WAITING" -> Optional.empty();
      default -> throw new ImportException("unknown Optuna trial state " + optuna);
    };
  }

  /**
   * How far a pruned trial got: its last step against the last step any trial reached, so pruned trials show
   * where they stopped, as TuneScope's own partial evaluations do.
   */
  private static double budget(OptunaTrial t, TrialState state, long lastStep) {
    if (state != TrialState.PRUNED || t.intermediate().isEmpty()) {
      return 1.0;
    }
    long reached = t.intermediate().get(t.intermediate().size() - 1).step();
    return Math.max(1e-6, Math.min(1.0, (reached + 1.0) / (lastStep + 1.0)));
  }
}
