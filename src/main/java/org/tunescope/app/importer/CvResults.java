package org.tunescope.app.importer;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;
import org.tunescope.store.ImportRecord;
import org.tunescope.store.ImportedStudy;
import org.tunescope.store.ImportedTrial;

/**
 * scikit-learn's {@code cv_results_} as {@code pandas.DataFrame(search.cv_results_).to_csv(...)} writes it:
 * {@code param_*} columns (each column's type inferred from all its cells: whole numbers, numbers, booleans,
 * or text; an empty cell is Python's {@code None}), {@code split{k}_test_<metric>} and, with
 * {@code return_train_score=True}, {@code split{k}_train_<metric>}, {@code mean_fit_time},
 * {@code mean_score_time} and {@code rank_test_<metric>}. A single-metric search's metric is named
 * {@code score}. Each row becomes a trial with its per-fold train and validation scores.
 */
public final class CvResults {

  private static final Pattern TEST_SPLIT = Pattern.compile("split0_test_(.+)");
  private static final String PARAM = "param_";

  private final Path file;
  private final List<String> header;
  private final List<Map<String, String>> rows;
  private final List<String> metrics;

  private CvResults(Path file, List<String> header, List<Map<String, String>> rows, List<String> metrics) {
    this.file = file;
    this.header = header;
    this.rows = rows;
    this.metrics = metrics;
  }

  /**
   * Reads the file.
   *
   * @throws ImportException when it is missing or has no {@code split0_test_*} column (not a cv_results_ file)
   */
  public static CvResults read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ImportException(Files.isDirectory(file) ? file + " is a folder, not a cv_results_ file"
          : "no such file: " + file);
    }
    if (!headerLine(file).contains("split0_test_")) {
      throw notCvResults(file);
    }
    checkSize(file);
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .setAllowMissingColumnNames(true).build();
    List<String> header;
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
         CSVParser parser = CSVParser.parse(in, format)) {
      header = parser.getHeaderNames();
      for (CSVRecord r : parser) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String column : header) {
          row.put(column, r.isSet(column) ? r.get(column).trim() : "");
        }
        rows.add(row);
      }
    } catch (IOException | RuntimeException e) {
      throw new ImportException("cannot read " + file + " as CSV: " + e.getMessage(), e);
    }
    List<String> metrics = new ArrayList<>();
    for (String column : header) {
      Matcher m = TEST_SPLIT.matcher(column);
      if (m.matches()) {
        metrics.add(m.group(1));
      }
    }
    if (metrics.isEmpty()) {
      throw notCvResults(file);
    }
    if (rows.isEmpty()) {
      throw new ImportException(file + " has no rows");
    }
    return new CvResults(file.toAbsolutePath().normalize(), header, rows, metrics);
  }

  private static ImportException notCvResults(Path file) {
    return new ImportException(file + " is not a scikit-learn cv_results_ file (it has no split0_test_* column;"
        + " save it with pandas.DataFrame(search.cv_results_).to_csv(...))");
  }

  /** scikit-learn writes a row per candidate: a million candidates with ten splits is some hundred MB. */
  private static final long MAX_BYTES = 1L << 30;

  /** Refuses a file too large to be a cv_results_ (a disk image with a CSV header) before it fills the memory. */
  private static void checkSize(Path file) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new ImportException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (size > MAX_BYTES) {
      throw new ImportException(file + " is " + (size >> 20) + " MB, more than the " + (MAX_BYTES >> 20)
          + " MB a cv_results_ file can have");
    }
  }

  /** The most of a file read to find its header: a cv_results_ header of hundreds of columns fits many times. */
  private static final int HEADER_BYTES = 1 << 20;

  /**
   * The file's first line, read from at most its first megabyte, so that a huge or binary file is turned away
   * without being read whole (one "line" of a 3 GB file without a newline would fill the memory).
   *
   * @throws ImportException when the file cannot be read, holds binary data (a NUL byte) or has no line end early on
   */
  static String headerLine(Path file) {
    byte[] head;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(HEADER_BYTES);
    } catch (IOException e) {
      throw new ImportException("cannot read " + file + ": " + (e instanceof java.nio.file.AccessDeniedException
          ? "permission denied" : e.getMessage()), e);
    }
    int end = 0;
    while (end < head.length && head[end] != '\n') {
      if (head[end] == 0) {
        throw new ImportException(file + " is not a text file: it contains binary data");
      }
      end++;
    }
    if (end == head.length && head.length == HEADER_BYTES) {
      throw new ImportException(file + " is not a cv_results_ file: its first line is longer than "
          + (HEADER_BYTES >> 20) + " MB");
    }
    return new String(head, 0, end, StandardCharsets.UTF_8);
  }

  /** The metrics scored ("score" for a single-metric search). */
  public List<String> metrics() {
    return metrics;
  }

  /**
   * The study, showing {@code metric}.
   *
   * @param metric the metric to show; may be left out when there is one
   * @throws ImportException when the metric is left out of a multi-metric file, or is not in the file
   */
  ImportedStudy convert(Optional<String> metric, String name) {
    String chosen = choose(metric);
    int objective = metrics.indexOf(chosen);
    int splits = 0;
    while (header.contains("split" + splits + "_test_" + chosen)) {
      splits++;
    }
    boolean train = header.contains("split0_train_" + chosen);
    Map<String, ParamColumn> params = new LinkedHashMap<>();
    for (String column : header) {
      if (column.startsWith(PARAM)) {
        params.put(column.substring(PARAM.length()), ParamColumn.of(rows.stream().map(r -> r.get(column)).toList()));
      }
    }
    Instant written = modified();
    List<Trial> trials = new ArrayList<>();
    List<ImportedTrial> extras = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      Map<String, Object> values = new LinkedHashMap<>();
      params.forEach((param, column) -> values.put(param, column.value(row.get(PARAM + param))));
      List<FoldScore> folds = new ArrayList<>();
      Optional<Integer> unscored = Optional.empty();
      for (int k = 0; k < splits; k++) {
        double test = number(row.get("split" + k + "_test_" + chosen));
        if (Double.isNaN(test) && unscored.isEmpty()) {
          unscored = Optional.of(k);
        }
        folds.add(new FoldScore(train ? number(row.get("split" + k + "_train_" + chosen)) : Double.NaN, test));
      }
      double seconds = (orZero(row.get("mean_fit_time")) + orZero(row.get("mean_score_time"))) * splits;
      TrialState state = unscored.isPresent() ? TrialState.FAILED : TrialState.COMPLETE;
      Optional<String> error = unscored.map(k -> "scikit-learn has no " + chosen + " for fold " + k
          + " (the fit failed and error_score stood in)");
      trials.add(new Trial(i, state, values, unscored.isPresent() ? List.of() : folds, 0, seconds, 0, error,
          written));
      List<Double> means = metrics.stream().map(m -> number(row.get("mean_test_" + m))).toList();
      Map<String, String> attributes = new LinkedHashMap<>();
      for (String m : metrics) {
        String rank = row.get("rank_test_" + m);
        if (rank != null && !rank.isEmpty()) {
          attributes.put("rank_test_" + m, rank);
        }
      }
      extras.add(new ImportedTrial(i, Optional.of(row.getOrDefault("", String.valueOf(i))), Optional.empty(), means,
          List.of(), attributes));
    }
    List<SearchParameter> space = new ArrayList<>();
    Map<String, String> declarations = new LinkedHashMap<>();
    params.forEach((param, column) -> {
      space.add(SearchParameter.of(param, column.distribution()));
      declarations.put(param, column.describe());
    });
    SearchSpace searchSpace = new SearchSpace(space);
    String foldMethod = splits + " folds (scikit-learn's cv)" + (train ? "" : ", no train scores (return_train_score"
        + " was False)");
    var record = ImportedStudies.record(name, "scikit-learn", chosen, "maximize", "cv-results", splits, foldMethod,
        file.toString(), searchSpace, true);
    List<ImportRecord.Objective> objectives = metrics.stream().map(m -> new ImportRecord.Objective(m, "maximize"))
        .toList();
    ImportRecord origin = new ImportRecord(ImportRecord.CV_RESULTS, file.toString(), Optional.empty(), objective,
        objectives, searchSpace, declarations, Instant.now());
    return new ImportedStudy(record, origin, trials, extras);
  }

  private String choose(Optional<String> metric) {
    if (metric.isPresent()) {
      if (!metrics.contains(metric.get())) {
        throw new ImportException(file.getFileName() + " has no metric " + metric.get() + "; it has "
            + String.join(", ", metrics));
      }
      return metric.get();
    }
    if (metrics.size() > 1) {
      throw new ImportException(file.getFileName() + " has several metrics (" + String.join(", ", metrics)
          + "): choose one with --metric NAME");
    }
    return metrics.get(0);
  }

  private Instant modified() {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      return Instant.now();
    }
  }

  private static double number(String text) {
    if (text == null || text.isEmpty() || text.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static double orZero(String text) {
    double v = number(text);
    return Double.isNaN(v) ? 0 : v;
  }

  /** One {@code param_*} column: its type, inferred from every cell, and the distribution its values span. */
  record ParamColumn(Kind kind, List<String> cells) {

    enum Kind { INT, FLOAT, BOOLEAN, TEXT }

    static ParamColumn of(List<String> cells) {
      List<String> present = cells.stream().filter(c -> !c.isEmpty()).toList();
      Kind kind;
      if (!present.isEmpty() && present.stream().allMatch(c -> c.equals("True") || c.equals("False"))) {
        kind = Kind.BOOLEAN;
      } else if (!present.isEmpty() && present.stream().allMatch(ParamColumn::isLong)) {
        kind = Kind.INT;
      } else if (!present.isEmpty() && present.stream().allMatch(ParamColumn::isDouble)) {
        kind = Kind.FLOAT;
      } else {
        kind = Kind.TEXT;
      }
      return new ParamColumn(kind, cells);
    }

    /**
     * A cell's value: Long or Double in a numeric column, where an empty cell (None) is null, the parameter not
     * set; "True"/"False" and text as categories, where None is the category "None".
     */
    Object value(String cell) {
      if (cell == null || cell.isEmpty()) {
        return kind == Kind.INT || kind == Kind.FLOAT ? null : "None";
      }
      return switch (kind) {
        case INT -> Long.parseLong(cell);
        case FLOAT -> Double.parseDouble(cell);
        default -> cell;
      };
    }

    /**
     * The range a numeric column spans, on a log scale when its values are positive and span two decades or
     * more (C, gamma, learning rates: the scale people search them on); the categories of the others.
     */
    Distribution distribution() {
      List<Object> values = new ArrayList<>(new LinkedHashSet<>(cells.stream().map(this::value)
          .filter(java.util.Objects::nonNull).toList()));
      if (kind == Kind.INT || kind == Kind.FLOAT) {
        if (values.isEmpty()) {
          return new Distribution.Choice(List.of("None"));
        }
        double low = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).min().orElseThrow();
        double high = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElseThrow();
        boolean log = low > 0 && high / low >= 100;
        return kind == Kind.INT ? new Distribution.IntRange((long) low, (long) high, log)
            : new Distribution.FloatRange(low, high, log);
      }
      return new Distribution.Choice(values);
    }

    /** How the column was read, for the import record. */
    String describe() {
      long none = cells.stream().filter(String::isEmpty).count();
      return kind.name().toLowerCase(java.util.Locale.ROOT) + " column of " + cells.size() + " cells"
          + (none > 0 ? ", " + none + " None" : "");
    }

    private static boolean isLong(String c) {
      try {
        Long.parseLong(c);
        return true;
      } catch (NumberFormatException e) {
        return false;
      }
    }

    private static boolean isDouble(String c) {
      try {
        Double.parseDouble(c);
        return !c.equalsIgnoreCase("nan") && !c.toLowerCase(java.util.Locale.ROOT).contains("infinity");
      } catch (NumberFormatException e) {
        return false;
      }
    }
  }
}
