package org.tunescope.app.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.tunescope.engine.study.Trial;
import org.tunescope.store.ImportedStudy;
import org.tunescope.store.StudyStore;

/**
 * Imports other tools' studies into a store: what the command line's {@code import} and the app's
 * File &gt; Import study... call. Everything is read and checked before anything is written, so a source that
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
   * @param storage   a file, {@code sqlite:///FILE}, or {@code postgresql://user@host:port/db}
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
      for (String n : names) {
        OptunaStudy s = source.read(n);
        read.add(OptunaImport.convert(s, objective, name.orElse(n), source.where()));
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

  // --- a file, whichever kind it is (File > Import study..., a file dropped on the window)

  /** The extensions the window's file chooser offers for Optuna storages (SQLite files). */
  public static final List<String> OPTUNA_EXTENSIONS = List.of("db", "sqlite", "sqlite3");

  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /**
   * Whether the file is an SQLite database, the form an Optuna storage takes on disk. Importing it then says
   * in one line what is wrong when it is not one Optuna can have written (other tables, an unknown schema).
   */
  public static boolean isOptunaStorage(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether the file is a CSV whose header has a {@code split0_test_*} column, as scikit-learn's cv_results_ has. */
  public static boolean isCvResults(Path file) {
    if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return false;
    }
    try {
      return CvResults.headerLine(file).contains("split0_test_");
    } catch (ImportException e) {
      return false;
    }
  }

  /** Whether {@link #importFile} takes the file: an Optuna storage or a cv_results_ CSV (not a data set). */
  public static boolean isImportable(Path file) {
    return isOptunaStorage(file) || isCvResults(file);
  }

  /**
   * What to choose from before importing the file: a one-study Optuna storage's objectives ("accuracy
   * (maximize)"), or a multi-metric cv_results_'s metrics; at most one entry when there is nothing to choose.
   *
   * @throws ImportException when the file is neither kind, or cannot be read as its kind
   */
  public List<String> choices(Path file) {
    if (isOptunaStorage(file)) {
      return optunaChoices(file.toString());
    }
    return CvResults.read(kind(file)).metrics();
  }

  /**
   * A one-study Optuna storage's objectives to choose from ("accuracy (maximize)"); at most one entry when
   * there is nothing to choose (one objective, or several studies: each imported with its first objective).
   *
   * @param storage a file, {@code sqlite:///FILE}, or {@code postgresql://user@host:port/db}
   * @throws ImportException when it cannot be read as an Optuna storage
   */
  public List<String> optunaChoices(String storage) {
    try (OptunaStorage source = OptunaStorage.open(storage)) {
      List<String> names = source.studyNames();
      return names.size() == 1 ? source.objectives(names.get(0)) : List.of();
    }
  }

  /**
   * Imports every study of an Optuna storage, or a cv_results_ file, by what the file is.
   *
   * @param choice which of {@link #choices} the trials show (the first when empty)
   * @return what each imported study got, in the source's order
   * @throws ImportException with one line when it cannot be imported; nothing is written then
   */
  public List<ImportSummary> importFile(Path file, OptionalInt choice) {
    if (isOptunaStorage(file)) {
      return importOptuna(file.toString(), Optional.empty(), choice.orElse(0), Optional.empty());
    }
    Path csv = kind(file);
    Optional<String> metric = Optional.empty();
    if (choice.isPresent()) {
      List<String> metrics = CvResults.read(csv).metrics();
      metric = Optional.of(metrics.get(Math.min(choice.getAsInt(), metrics.size() - 1)));
    }
    return List.of(importCvResults(csv, Optional.empty(), metric));
  }

  /** The file, when it is a cv_results_ CSV; otherwise the line saying what the window imports. */
  private static Path kind(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ImportException(Files.isDirectory(file) ? file + " is a folder, not a study to import"
          : "no such file: " + file);
    }
    if (!Files.isReadable(file)) {
      throw new ImportException("cannot read " + file + ": permission denied");
    }
    if (!isCvResults(file)) {
      throw new ImportException(file + " is neither an Optuna storage (an SQLite file) nor a scikit-learn"
          + " cv_results_ CSV (one with split0_test_* columns): there is no study in it to import");
    }
    return file;
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
