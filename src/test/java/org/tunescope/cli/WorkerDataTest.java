package org.tunescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunescope.app.StudyData;
import org.tunescope.app.StudyService;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.TrialState;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.ml.tuning.TuningSetup;
import org.tunescope.store.PostgresTestServer;
import org.tunescope.store.StudyStore;
import org.tunescope.store.StudyStores;

/**
 * A worker on a machine without the study's data file: it runs on the store's copy; a file too large to keep
 * makes it ask for {@code --data}, and a {@code --data} file that is not the study's is refused. On SQLite and
 * PostgreSQL.
 */
class WorkerDataTest {

  @TempDir
  Path dir;

  private String postgres;

  @AfterEach
  void drop() {
    System.clearProperty(StudyData.MAX_PROPERTY);
    if (postgres != null) {
      PostgresTestServer.drop(postgres);
    }
  }

  private String store(String kind) {
    if (kind.equals("postgresql")) {
      postgres = PostgresTestServer.freshDatabase();
      return postgres;
    }
    return dir.resolve("studies.db").toString();
  }

  /** A copy of iris in a folder of its own, that a test can delete as if it were on another machine. */
  private Path irisCopy(String name) throws Exception {
    Path file = dir.resolve(name);
    Files.copy(Path.of("sample-datasets/iris.csv"), file);
    return file;
  }

  /**
   * Creates, through the app layer as tune and the app do, an unfinished 6-point grid study on {@code data}.
   *
   * @return what creating it said
   */
  private static List<String> create(String store, String name, Path data) {
    List<String> notes = new ArrayList<>();
    try (StudyStore s = StudyStores.open(store)) {
      LoadedData loaded = DataLoader.load(data);
      TuningRequest request = TuningRequest.builder(name, "target", "knn").fixOthers(true)
          .ranges(Map.of("k", new Distribution.IntRange(1, 6, false))).gridPoints(6).folds(3).build();
      PreparedStudy prepared = new TuningSetup(ModelCatalog.standard()).prepare(request, loaded.table(),
          loaded.file(), loaded.sha256());
      new StudyService(s, ModelCatalog.standard()).create(prepared, request, data, true, notes::add);
    }
    return notes;
  }

  private static long complete(String store, String name) {
    try (StudyStore s = StudyStores.open(store)) {
      return s.trials(name).stream().filter(t -> t.state() == TrialState.COMPLETE).count();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aWorkerWithoutTheFileRunsTheStudyOnTheStoresCopy(String kind) throws Exception {
    String store = store(kind);
    Path data = irisCopy("iris-here.csv");
    assertEquals(List.of(), create(store, "copied", data));
    Files.delete(data);

    CliRun run = CliRun.of("worker", "copied", "--store", store, "--workers", "1");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("is not here: reading the store's copy of iris-here.csv"), run.err());
    assertTrue(run.out().contains("study copied: 6 of 6 trials done, 6 by this worker"), run.out());
    assertEquals(6, complete(store, "copied"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aFileTooLargeToKeepMakesTheWorkerAskForDataWhichMustBeTheStudys(String kind) throws Exception {
    String store = store(kind);
    Path data = irisCopy("iris-big.csv");
    System.setProperty(StudyData.MAX_PROPERTY, "1000"); // iris is 3.8 kB
    List<String> notes = create(store, "big", data);
    assertEquals(1, notes.size(), notes.toString());
    assertTrue(notes.get(0).contains("iris-big.csv") && notes.get(0).contains("was not stored")
        && notes.get(0).contains("--data"), notes.get(0));
    Path moved = Files.move(data, dir.resolve("elsewhere.csv"));

    CliRun asks = CliRun.of("worker", "big", "--store", store, "--workers", "1");
    assertEquals(TuneScopeCommand.BAD_INPUT, asks.exitCode());
    String[] lines = asks.err().strip().split("\n");
    assertEquals(1, lines.length, asks.err());
    assertTrue(lines[0].contains("is not here and the store keeps no copy") && lines[0].contains("--data FILE"),
        lines[0]);

    CliRun other = CliRun.of("worker", "big", "--store", store, "--data", "sample-datasets/wine.csv");
    assertEquals(TuneScopeCommand.BAD_INPUT, other.exitCode());
    assertTrue(other.err().contains("is not the data of study big"), other.err());
    assertEquals(0, complete(store, "big"));

    CliRun given = CliRun.of("worker", "big", "--store", store, "--workers", "1", "--data", moved.toString());
    assertEquals(0, given.exitCode(), given.err());
    assertEquals(6, complete(store, "big"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aDifferentFileAtTheRecordedPathIsPassedOverForTheStoresCopy(String kind) throws Exception {
    String store = store(kind);
    Path data = irisCopy("iris-path.csv");
    create(store, "moved", data);
    // Another machine: the same path holds another file.
    Files.copy(Path.of("sample-datasets/wine.csv"), data, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    CliRun run = CliRun.of("worker", "moved", "--store", store, "--workers", "1");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(6, complete(store, "moved"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite"})
  void resumeReadsTheStoresCopyWhenTheFileHasGone(String kind) throws Exception {
    String store = store(kind);
    Path data = irisCopy("iris-gone.csv");
    create(store, "gone", data);
    Files.delete(data);
    CliRun run = CliRun.of("resume", "gone", "--store", store, "--workers", "1", "--quiet");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("note: the data file " + data + " is not here: reading the store's copy of"
        + " iris-gone.csv\n"), run.err());
    assertEquals(6, complete(store, "gone"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite"})
  void tuneKeepsTheDataUnlessToldNotToAndSaysWhenItIsTooLarge(String kind) throws Exception {
    String store = store(kind);
    Path data = irisCopy("iris-tune.csv");
    String sha = DataLoader.load(data).sha256();
    CliRun kept = CliRun.of("tune", "--data", data.toString(), "--target", "target", "--model", "knn", "--param",
        "k=1:3", "--grid-points", "3", "--folds", "3", "--study", "kept", "--store", store, "--quiet", "--no-store-data");
    assertEquals(0, kept.exitCode(), kept.err());
    try (StudyStore s = StudyStores.open(store)) {
      assertFalse(s.hasData(sha), "--no-store-data");
    }
    System.setProperty(StudyData.MAX_PROPERTY, "1000");
    CliRun big = CliRun.of("tune", "--data", data.toString(), "--target", "target", "--model", "knn", "--param",
        "k=1:3", "--grid-points", "3", "--folds", "3", "--study", "big", "--store", store, "--quiet");
    assertEquals(0, big.exitCode(), big.err());
    assertTrue(big.err().contains("note: the data file iris-tune.csv (3.8 kB) is larger than the 1.0 kB a store keeps"),
        big.err());
    System.clearProperty(StudyData.MAX_PROPERTY);
    CliRun small = CliRun.of("tune", "--data", data.toString(), "--target", "target", "--model", "knn", "--param",
        "k=1:3", "--grid-points", "3", "--folds", "3", "--study", "small", "--store", store, "--quiet");
    assertEquals(0, small.exitCode(), small.err());
    assertFalse(small.err().contains("note: the data file"), small.err());
    try (StudyStore s = StudyStores.open(store)) {
      assertTrue(s.hasData(sha));
      assertEquals(Optional.of("iris-tune.csv"), s.data(sha).map(d -> d.fileName()));
    }
  }
}
