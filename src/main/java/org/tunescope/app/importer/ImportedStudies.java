package org.tunescope.app.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.tunescope.app.StudyRecords;
import org.tunescope.engine.space.DistributionParser;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.StudyInfo;
import org.tunescope.store.StoredRequest;
import org.tunescope.store.StudyRecord;

/** Builds the TuneScope description of an imported study: what the results files and {@code show} print. */
final class ImportedStudies {

  private ImportedStudies() {
  }

  /**
   * @param model     what made the study ("optuna", "scikit-learn")
   * @param search    how its trials were chosen, as far as the source says
   * @param source    the file read (the study's "dataset" is its name, its SHA-256 the file's at import), or a
   *                  server's address (the dataset is the address; a database has no one checksum)
   * @param finished  whether the source has no trial left to run (nothing running or waiting)
   */
  static StudyRecord record(String name, String model, String metric, String direction, String search, int folds,
      String foldMethod, String source, SearchSpace space, boolean finished) {
    Map<String, String> ranges = new LinkedHashMap<>();
    for (SearchParameter p : space.parameters()) {
      ranges.put(p.name(), DistributionParser.format(p.distribution()));
    }
    String task = task(metric);
    StudyInfo info = new StudyInfo(name, model, task, metric, direction, search, 0, folds, foldMethod, 0,
        dataset(source), isServer(source) ? "" : sha256(Path.of(source)), 0, space.parameters().size(), "", ranges);
    StoredRequest request = new StoredRequest(source, "", Optional.of(task), model, ranges, false,
        Optional.of(metric), search, 0, OptionalInt.empty(), Optional.empty(), folds, 1, Optional.empty(), 0,
        OptionalDouble.empty());
    return new StudyRecord(info, request, StudyRecords.provenance(), OptionalInt.empty(),
        finished ? Optional.of(Instant.now()) : Optional.empty());
  }

  /**
   * The task, guessed from the metric's name (the source does not say): regression for error and R²
   * metrics, classification otherwise. It only labels the study: nothing is fitted again.
   */
  static String task(String metric) {
    String m = metric.toLowerCase(Locale.ROOT);
    boolean regression = m.matches(".*(r2|mse|rmse|mae|squared|absolute|explained_variance|deviance|regression).*");
    return regression ? "regression" : "classification";
  }

  /** Whether the source is a server's address rather than a file. */
  static boolean isServer(String source) {
    return source.matches("^[a-z][a-z0-9+.-]*://.*");
  }

  private static String dataset(String source) {
    return isServer(source) ? source : Path.of(source).getFileName().toString();
  }

  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new ImportException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
