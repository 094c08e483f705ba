package org.tunescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tunescope.BadFiles;
import org.tunescope.BadFiles.Bad;
import org.tunescope.app.StudyService;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.study.Budget;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.ml.tuning.TuningSetup;
import org.tunescope.store.SqliteStudyStore;
import org.tunescope.store.StudyStore;

/**
 * Every command given a missing, unreadable, empty, binary, huge or wrongly-typed input file answers with one
 * line on standard error and exit code 2: no stack trace, no "bug in TuneScope", and never reading a huge file
 * whole.
 */
class BadInputSweepTest {

  @TempDir
  static Path dir;

  /** A store with one finished study, "iris-knn"; the worker and resume cases add unfinished ones. */
  private static Path store;

  @BeforeAll
  static void oneStudy() throws IOException {
    store = dir.resolve("studies.db");
    Path data = Files.copy(Path.of("sample-datasets/iris.csv"), dir.resolve("iris.csv"));
    CliRun made = CliRun.of("tune", "--data", data.toString(), "--target", "target", "--model", "knn", "--search",
        "random", "--trials", "2", "--folds", "3", "--name", "iris-knn", "--quiet", "--store", store.toString());
    assertEquals(0, made.exitCode(), made.err());
  }

  /** A study created on {@code data} whose search has not run: a worker or a resume reads its data. */
  private static String unfinishedStudy(String name, Path data) {
    return unfinishedStudy(name, data, store);
  }

  private static String unfinishedStudy(String name, Path data, Path where) {
    try (StudyStore opened = SqliteStudyStore.open(where)) {
      TuningRequest request = TuningRequest.builder(name, "target", "knn").search(SearchMethod.RANDOM)
          .budget(new Budget(OptionalInt.of(3), Optional.empty())).folds(3).build();
      LoadedData loaded = DataLoader.load(data);
      PreparedStudy prepared = new TuningSetup(ModelCatalog.standard()).prepare(request, loaded.table(), data,
          loaded.sha256());
      // Without a copy in the store (as tune --no-store-data): resume then has only the file to read
      // (resume falling back on a kept copy is WorkerDataTest's).
      new StudyService(opened, ModelCatalog.standard()).create(prepared, request, data, false, note -> { });
    }
    return name;
  }

  private static Path file(Bad bad, String name, Path right, Path wrong) throws IOException {
    return BadFiles.make(dir, bad, name, right, wrong);
  }

  private static Path irisCsv() {
    return Path.of("sample-datasets/iris.csv");
  }

  private static void assertOneLine(Bad bad, CliRun run) {
    String err = run.err().strip();
    assertEquals(2, run.exitCode(), bad + ": exit code; stderr: " + err + "; stdout: " + run.out());
    assertTrue(err.startsWith("error: "), bad + ": " + err);
    assertFalse(err.contains("Exception") || err.contains("\tat ") || err.contains("bug in TuneScope"),
        bad + ": no stack trace: " + err);
    assertTrue(err.lines().count() <= 2, bad + ": one line (and a help hint): " + err);
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static String[] withStore(Path storeFile, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--store");
    all.add(storeFile.toString());
    return all.toArray(String[]::new);
  }

  /** The command run with {@code --store} a study database that is {@code bad} (a CSV when wrongly typed). */
  private static CliRun onBadStore(Bad bad, String... args) throws IOException {
    return run(withStore(file(bad, "studies.db", store, irisCsv()), args));
  }

  // --- data files

  @ParameterizedTest
  @EnumSource(Bad.class)
  void tuneData(Bad bad) throws IOException {
    Path data = file(bad, "data.csv", irisCsv(), store);
    assertOneLine(bad, run(withStore(dir.resolve("tune.db"), "tune", "--data", data.toString(), "--target", "target",
        "--model", "knn", "--trials", "1", "--quiet")));
  }

  @ParameterizedTest
  @EnumSource(Bad.class)
  void benchData(Bad bad) throws IOException {
    Path data = file(bad, "data.csv", irisCsv(), store);
    assertOneLine(bad, run("bench", "svm-grid", "--data", data.toString(), "--runs", "1"));
  }

  @ParameterizedTest
  @EnumSource(Bad.class)
  void workerData(Bad bad) throws IOException {
    String study = unfinishedStudy("worker-" + bad, irisCsv());
    Path data = file(bad, "iris.csv", irisCsv(), store);
    assertOneLine(bad, run(withStore(store, "worker", study, "--data", data.toString())));
  }

  @ParameterizedTest
  @EnumSource(Bad.class)
  void resumeData(Bad bad) throws IOException {
    // the study's own data file, gone bad since the study began
    Path data = Files.copy(irisCsv(), Files.createTempDirectory(dir, "resume").resolve("iris.csv"));
    // A store of its own: copies are kept per SHA-256, so another study on iris in the shared store would
    // give resume a copy to fall back on.
    Path own = Files.createTempDirectory(dir, "resume-store").resolve("studies.db");
    String study = unfinishedStudy("resume-" + bad, data, own);
    Path spoiled = file(bad, "iris.csv", irisCsv(), store);
    Files.delete(data);
    if (Files.exists(spoiled)) {
      Files.move(spoiled, data);
    }
    assertOneLine(bad, run(withStore(own, "resume", study, "--quiet")));
  }

  // --- study databases

  @ParameterizedTest
  @EnumSource(Bad.class)
  void tuneStore(Bad bad) throws IOException {
    Path db = file(bad, "studies.db", store, irisCsv());
    if (bad == Bad.MISSING || bad == Bad.EMPTY) {
      return; // a new store: tune creates it
    }
    assertOneLine(bad, run(withStore(db, "tune", "--data", irisCsv().toString(), "--target", "target", "--model",
        "knn", "--trials", "1", "--quiet")));
  }

  @ParameterizedTest
  @EnumSource(Bad.class)
  void studies(Bad bad) throws IOException {
    CliRun run = onBadStore(bad, "studies");
    if (bad == Bad.MISSING || bad == Bad.EMPTY) {
      // an empty file is an empty SQLite database, and a missing one a store not used yet: both have no studies
      assertEquals(0, run.exitCode(), run.err());
      assertEquals("no studies yet (start one with: tunescope tune ...)", run.out().strip());
      return;
    }
    assertOneLine(bad, run);
  }

  @ParameterizedTest
  @EnumSource(Bad.class)
  void show(Bad bad) throws IOException {
    assertOneLine(bad, onBadStore(bad, "show", "iris-knn"));
  }

  @ParameterizedTest
  @EnumSource(Bad.class)
  void export(Bad bad) throws IOException {
    assertOneLine(bad, onBadStore(bad, "export", "iris-knn"));
  }

  @ParameterizedTest
  @EnumSource(Bad.class)
  void report(Bad bad) throws IOException {
    assertOneLine(bad, onBadStore(bad, "report", "iris-knn", "--out",
        dir.resolve("report-" + bad).toString()));
  }

  @ParameterizedTest
  @EnumSource(Bad.class)
  void delete(Bad bad) throws IOException {
    assertOneLine(bad, onBadStore(bad, "delete", "iris-knn"));
  }

  @ParameterizedTest
  @EnumSource(Bad.class)
  void resume(Bad bad) throws IOException {
    assertOneLine(bad, onBadStore(bad, "resume", "iris-knn", "--quiet"));
  }

  @ParameterizedTest
  @EnumSource(Bad.class)
  void worker(Bad bad) throws IOException {
    assertOneLine(bad, onBadStore(bad, "worker", "iris-knn"));
  }

  // --- files to import

  @ParameterizedTest
  @EnumSource(Bad.class)
  void importOptuna(Bad bad) throws IOException {
    assertOneLine(bad, run(withStore(dir.resolve("import.db"), "import", "optuna",
        file(bad, "optuna.db", Path.of("src/test/resources/import/optuna_basic.db"), irisCsv()).toString())));
  }

  @ParameterizedTest
  @EnumSource(Bad.class)
  void importCvResults(Bad bad) throws IOException {
    assertOneLine(bad, run(withStore(dir.resolve("import.db"), "import", "cv-results",
        file(bad, "cv_results.csv", Path.of("src/test/resources/import/cv_grid.csv"), store).toString())));
  }

  // --- files written

  @ParameterizedTest
  @EnumSource(value = Bad.class, names = {"MISSING", "UNREADABLE"})
  void generateOut(Bad bad) throws IOException {
    // a folder that does not exist; a folder where the file should go
    Path out = bad == Bad.MISSING ? dir.resolve("no-such-folder/moons.csv") : Files.createTempDirectory(dir, "out");
    assertOneLine(bad, run("generate", "moons", "--out", out.toString()));
  }

  @ParameterizedTest
  @EnumSource(value = Bad.class, names = {"MISSING", "UNREADABLE"})
  void exportOut(Bad bad) throws IOException {
    Path out = bad == Bad.MISSING ? dir.resolve("no-such-folder/trials.csv") : Files.createTempDirectory(dir, "out");
    assertOneLine(bad, run(withStore(store, "export", "iris-knn", "--out", out.toString())));
  }

  @ParameterizedTest
  @EnumSource(value = Bad.class, names = {"EMPTY"})
  void reportOutOntoAFile(Bad bad) throws IOException {
    // --out names a folder to make; an existing file there is in the way
    Path out = Files.createFile(dir.resolve("report-onto-a-file.png"));
    assertOneLine(bad, run(withStore(store, "report", "iris-knn", "--out", out.toString())));
  }
}
