package org.tunescope.app.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tunescope.engine.study.Trial;
import org.tunescope.store.ImportedStudy;
import org.tunescope.store.StudyStore;

/**
 * Imports other tools' studies into a store: what the command line's {@code import} (and, later, the app's
 * File &gt; Import...) calls. Everything is read and checked before anything is written, so a source that
 * cannot be imported leaves the store as it was. Importing the same source again updates the study.
 */
public final class StudyImporter {

  private final StudyStore store;

  public StudyImporter(StudyStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Imports one study of an Optuna storage, or all of them.
   *
   * @param storage   a file, {@code sqlite:///FILE}, or a server URL (refused for now, with the reason)
   * @param study     the study to import; every study of the storage when empty
   * @param objective which objective the trials show (0 for the first)
   * @param name      the name in TuneScope, for one study (its Optuna name by default)
   */
  public List<ImportSummary> importOptuna(String storage, Optional<String> study, int objective,
      Optional<String> name) {
    if (name.isPresent() && study.isEmpty()) {
      throw new ImportException("--name needs --study: it names one imported study");
    }
    List<ImportedStudy> read = new ArrayList<>();
    List<Integer> notYet = new ArrayList<>();
    List<Map<String, Integer>> states = new ArrayList<>();
    try (OptunaStorage source = OptunaStorage.open(storage)) {
      List<String> names = study.map(List::of).orElseGet(source::studyNames);
      if (names.isEmpty()) {
        throw new ImportException(source.where() + " is an Optuna storage with no study in it");
      }
      Path file = Path.of(source.where());
      for (String n : names) {
        OptunaStudy s = source.read(n);
        read.add(OptunaImport.convert(s, objective, name.orElse(n), file));
        Map<String, Integer> counts = new LinkedHashMap<>();
        s.trials().forEach(t -> counts.merge(t.state(), 1, Integer::sum));
        states.add(counts);
        notYet.add((int) s.trials().stream().filter(t -> OptunaImport.state(t.state()).isEmpty()).count());
      }
    }
    List<ImportSummary> out = new ArrayList<>();
    for (int i = 0; i < read.size(); i++) {
      out.add(save(read.get(i), states.get(i), notYet.get(i)));
    }
    return out;
  }

  /**
   * Imports a scikit-learn {@code cv_results_} CSV.
   *
   * @param name   the name in TuneScope (the file's name without its extension by default)
   * @param metric the metric to show; needed when the search scored several
   */
  public ImportSummary importCvResults(Path file, Optional<String> name, Optional<String> metric) {
    CvResults results = CvResults.read(file);
    String fileName = file.getFileName().toString();
    String studyName = name.orElse(fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.'))
        : fileName);
    ImportedStudy study = results.convert(metric, studyName);
    Map<String, Integer> states = new LinkedHashMap<>();
    study.trials().forEach(t -> states.merge(t.state().name(), 1, Integer::sum));
    return save(study, states, 0);
  }

  private ImportSummary save(ImportedStudy study, Map<String, Integer> states, int notYet) {
    Map<Integer, Trial> before = new HashMap<>();
    if (store.find(study.name()).isPresent() && store.importRecord(study.name()).isPresent()) {
      store.trials(study.name()).forEach(t -> before.put(t.number(), t));
    }
    store.saveImport(study);
    int added = 0;
    int updated = 0;
    for (Trial t : study.trials()) {
      Trial was = before.get(t.number());
      if (was == null) {
        added++;
      } else if (was.state() != t.state() || !was.folds().equals(t.folds()) || !was.params().equals(t.params())) {
        updated++;
      }
    }
    return new ImportSummary(study.name(), study.origin(), states, study.trials().size(), added, updated, notYet);
  }
}
