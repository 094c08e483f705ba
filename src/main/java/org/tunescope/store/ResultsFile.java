package org.tunescope.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.ScoreSummary;
import org.tunescope.engine.study.StudyInfo;
import org.tunescope.engine.study.TestScore;
import org.tunescope.engine.study.Trial;

/**
 * Writes a study's trials as JSON or CSV. The JSON shape is a contract other tools rely on: a
 * {@code study} object and a {@code trials} array whose items have {@code number}, {@code state} (lower case,
 * {@link org.tunescope.engine.study.TrialState#id()}),
 * {@code params}, {@code train} and {@code validation} ({@code mean}, {@code std}, {@code folds}),
 * {@code gap} (how much worse validation is than train: positive when the model does better on its training
 * rows, whichever way the study's metric is better), {@code fit_seconds}, {@code budget} (the fraction of a
 * full evaluation: below 1 for pruned trials of successive halving), {@code attributes} when the trial
 * recorded any (an object of numbers: {@code best_round}, the rounds early stopping chose) and, for failed
 * trials, {@code error}.
 * Fields are only ever added. Numbers that are not finite are written as {@code null}.
 */
public final class ResultsFile {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ResultsFile() {
  }

  /** The format for a file name: CSV for ".csv", JSON otherwise. */
  public static boolean isCsv(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  /**
   * Writes the results with the held-out check of the best trial, when there is one, as CSV for a ".csv" file
   * and JSON otherwise (see {@link #write(Path, StudyInfo, List, Optional, boolean, Optional, Optional)}).
   */
  public static void write(Path file, StudyInfo info, List<Trial> trials, Optional<StudyRun> run,
      Optional<TestScore> test) throws IOException {
    write(file, info, trials, run, isCsv(file), test, Optional.empty());
  }

  /**
   * Writes the results to {@code file} as CSV or JSON, whatever its name, by way of a temporary file in the same
   * folder, so that a failed write never leaves half a file in place of a good one. The JSON has
   * {@code study.test} when there is a held-out check (CSV files have no room for it) and, for an imported
   * study, {@code study.origin} (see {@link #putOrigin}).
   */
  public static void write(Path file, StudyInfo info, List<Trial> trials, Optional<StudyRun> run, boolean csv,
      Optional<TestScore> test, Optional<ImportRecord> origin) throws IOException {
    AtomicFile.write(file, out -> {
      if (csv) {
        writeCsv(out, info, trials);
      } else {
        writeJson(out, info, trials, run, test, origin);
      }
    });
  }

  /** How the run went: its length and why it stopped early, if it did. */
  public record StudyRun(Duration elapsed, Optional<String> stopReason) {
  }

  /**
   * The JSON tree of a study, its trials and its held-out check: {@code study.test} has {@code metric},
   * {@code fraction}, {@code seed}, {@code tuning_rows}, {@code test_rows}, {@code params} (the refitted
   * best trial's), {@code train}, {@code validation} (its cross-validated score), {@code score} (on
   * the test rows) and {@code trial} (the number of the trial refitted). {@code tune --out} and
   * {@code export} both write it here, so that the two always have the same shape.
   */
  public static ObjectNode toJson(StudyInfo info, List<Trial> trials, Optional<StudyRun> run,
      Optional<TestScore> test) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode study = root.putObject("study");
    study.put("name", info.name());
    study.put("model", info.model());
    study.put("task", info.task());
    study.put("metric", info.metric());
    study.put("direction", info.direction());
    study.put("search", info.search());
    study.put("grid_points", info.gridPoints());
    study.put("folds", info.folds());
    study.put("fold_method", info.foldMethod());
    study.put("seed", info.seed());
    study.put("dataset", info.dataset());
    study.put("sha256", info.sha256());
    study.put("rows", info.rows());
    study.put("features", info.features());
    study.put("target", info.target());
    ObjectNode space = study.putObject("space");
    info.space().forEach(space::put);
    run.ifPresent(r -> {
      study.put("elapsed_seconds", r.elapsed().toMillis() / 1000.0);
      r.stopReason().ifPresent(reason -> study.put("stop_reason", reason));
    });
    test.ifPresent(t -> {
      ObjectNode node = study.putObject("test");
      node.put("metric", t.metric());
      node.put("fraction", t.fraction());
      node.put("seed", t.seed());
      node.put("tuning_rows", t.tuningRows());
      node.put("test_rows", t.testRows());
      ObjectNode params = node.putObject("params");
      t.params().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> putValue(params, e.getKey(), e.getValue()));
      putNumber(node, "train", t.train());
      putNumber(node, "validation", t.validation());
      putNumber(node, "score", t.test());
      node.put("trial", t.trial());
    });
    ArrayNode array = root.putArray("trials");
    Direction direction = Direction.of(info.direction());
    for (Trial t : trials) {
      array.add(trialJson(t, direction));
    }
    return root;
  }

  private static ObjectNode trialJson(Trial t, Direction direction) {
    ObjectNode node = JSON.createObjectNode();
    node.put("number", t.number());
    node.put("state", t.state().id());
    ObjectNode params = node.putObject("params");
    t.params().forEach((name, value) -> putValue(params, name, value));
    summary(node.putObject("train"), t.train());
    summary(node.putObject("validation"), t.validation());
    // How much worse validation is than train, in the metric's direction: positive means overfitting for
    // rmse as for accuracy (before, rmse gaps were negative).
    putNumber(node, "gap", t.gap(direction));
    putNumber(node, "fit_seconds", t.fitSeconds());
    node.put("bytes_allocated", t.bytesAllocated());
    node.put("seed", t.seed());
    node.put("started", t.started().toString());
    // The fraction of the full evaluation: below 1 for successive halving's partial (pruned) trials.
    node.put("budget", t.budget());
    if (!t.attributes().isEmpty()) {
      ObjectNode attributes = node.putObject("attributes");
      t.attributes().forEach((name, value) -> putValue(attributes, name, attribute(value)));
    }
    t.error().ifPresent(e -> node.put("error", e));
    return node;
  }

  static void summary(ObjectNode node, ScoreSummary s) {
    putNumber(node, "mean", s.mean());
    putNumber(node, "std", s.std());
    ArrayNode folds = node.putArray("folds");
    s.folds().forEach(v -> {
      if (Double.isFinite(v)) {
        folds.add(v);
      } else {
        folds.addNull();
      }
    });
  }

  static void putNumber(ObjectNode node, String name, double value) {
    if (Double.isFinite(value)) {
      node.put(name, value);
    } else {
      node.putNull(name);
    }
  }

  private static void putValue(ObjectNode node, String name, Object value) {
    if (value instanceof Long l) {
      node.put(name, l);
    } else if (value instanceof Double d) {
      putNumber(node, name, d);
    } else {
      node.put(name, String.valueOf(value));
    }
  }

  /**
   * One row per trial: number, state, a {@code param_NAME} column per parameter, train and validation
   * mean and std, gap (in the direction of the study's metric, as in the JSON), fit seconds, bytes, then the
   * per-fold scores, an {@code attr_NAME} column per attribute any trial recorded, and the error.
   */
  public static void writeCsv(OutputStream out, StudyInfo info, List<Trial> trials) throws IOException {
    Direction direction = Direction.of(info.direction());
    Set<String> paramNames = new LinkedHashSet<>();
    Set<String> attributeNames = new java.util.TreeSet<>();
    int folds = 0;
    for (Trial t : trials) {
      paramNames.addAll(t.params().keySet());
      attributeNames.addAll(t.attributes().keySet());
      folds = Math.max(folds, t.folds().size());
    }
    List<String> header = new ArrayList<>(List.of("number", "state"));
    paramNames.forEach(p -> header.add("param_" + p));
    header.addAll(List.of("train_mean", "train_std", "validation_mean", "validation_std", "gap", "fit_seconds",
        "bytes_allocated"));
    for (int f = 0; f < folds; f++) {
      header.add("train_fold_" + (f + 1));
      header.add("validation_fold_" + (f + 1));
    }
    attributeNames.forEach(a -> header.add("attr_" + a));
    header.add("error");
    Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
        .get());
    for (Trial t : trials) {
      List<Object> row = new ArrayList<>(List.of(t.number(), t.state().id()));
      Map<String, Object> params = t.params();
      paramNames.forEach(p -> row.add(params.getOrDefault(p, "")));
      row.add(cell(t.train().mean()));
      row.add(cell(t.train().std()));
      row.add(cell(t.validation().mean()));
      row.add(cell(t.validation().std()));
      row.add(cell(t.gap(direction)));
      row.add(cell(t.fitSeconds()));
      row.add(t.bytesAllocated());
      for (int f = 0; f < folds; f++) {
        FoldScore s = f < t.folds().size() ? t.folds().get(f) : null;
        row.add(s == null ? "" : cell(s.train()));
        row.add(s == null ? "" : cell(s.validation()));
      }
      attributeNames.forEach(a -> row.add(t.attributes().containsKey(a) ? attribute(t.attributes().get(a)) : ""));
      row.add(t.error().orElse(""));
      csv.printRecord(row);
    }
    csv.flush();
  }

  /** An attribute as written: a whole number (a round) without ".0". */
  private static Object attribute(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) v;
  }

  private static Object cell(double v) {
    return Double.isFinite(v) ? v : "";
  }

  /** Writes the JSON of a study as {@link #write(Path, StudyInfo, List, Optional, boolean, Optional, Optional)} does. */
  public static void writeJson(OutputStream out, StudyInfo info, List<Trial> trials, Optional<StudyRun> run,
      Optional<TestScore> test, Optional<ImportRecord> origin) throws IOException {
    ObjectNode json = toJson(info, trials, run, test);
    origin.ifPresent(o -> putOrigin(json, o));
    JSON.writeValue(out, json);
  }

  /**
   * Adds where an imported study came from as {@code study.origin}: {@code kind} ("optuna" or "cv-results"),
   * {@code source} (the file), {@code source_study} (the study's name in an Optuna storage), {@code objective}
   * (the name of the objective the trials' validation scores are), {@code objectives} (each with {@code name}
   * and {@code direction}) and {@code imported} (when, ISO-8601).
   */
  public static void putOrigin(ObjectNode root, ImportRecord origin) {
    ObjectNode node = ((ObjectNode) root.get("study")).putObject("origin");
    node.put("kind", origin.origin());
    node.put("source", origin.source());
    origin.sourceStudy().ifPresent(s -> node.put("source_study", s));
    node.put("objective", origin.objectives().get(origin.objective()).name());
    ArrayNode objectives = node.putArray("objectives");
    origin.objectives().forEach(o -> objectives.addObject().put("name", o.name()).put("direction", o.direction()));
    node.put("imported", origin.imported().toString());
  }
}
