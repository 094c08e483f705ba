package org.tunescope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.engine.study.TestScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;

/**
 * A database an earlier TuneScope wrote (schema version 2, {@code schema-v2.db}, see {@code schema-v2.md}):
 * it opens, migrates once, keeps every study and trial, and has no held-out test scores until a run keeps one.
 */
class StoreMigrationTest {

  @TempDir
  Path dir;

  /** A copy of the version-2 database: tests never open the resource itself. */
  static Path copyOfSchemaV2(Path dir) throws IOException {
    Path file = dir.resolve("schema-v2.db");
    try (InputStream in = StoreMigrationTest.class.getResourceAsStream("schema-v2.db")) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void aVersion2DatabaseMigratesAndKeepsItsStudiesAndTrials() throws Exception {
    Path file = copyOfSchemaV2(dir);
    assertEquals(List.of("1", "2"), column(file, "SELECT version FROM schema_version ORDER BY version"));
    try (SqliteStudyStore store = SqliteStudyStore.open(file)) {
      assertEquals(List.of("iris-held-out", "iris-plain"), store.list().stream().map(StudySummary::name).toList());
      StudyRecord held = store.get("iris-held-out");
      assertTrue(held.finished().isPresent());
      assertEquals(OptionalDouble.of(0.2), held.request().testFraction());
      List<Trial> trials = store.trials("iris-held-out");
      assertEquals(List.of(0, 1, 2), trials.stream().map(Trial::number).toList());
      assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE && t.folds().size() == 5));
      assertEquals(Map.of("k", 9L), trials.get(2).params());
      assertEquals(0.9666666666666666, trials.get(2).validation().mean(), 1e-12);
      assertEquals(2, store.trials("iris-plain").size());
      assertEquals(Optional.empty(), store.testScore("iris-held-out"), "stored before test scores were kept");
      assertEquals(Optional.empty(), store.testScore("iris-plain"));
    }
    List<String> versions = new ArrayList<>();
    for (int v = 1; v <= Migrations.LATEST; v++) {
      versions.add(String.valueOf(v));
    }
    assertEquals(versions, column(file, "SELECT version FROM schema_version ORDER BY version"));
    assertEquals(Migrations.SCRIPTS, column(file, "SELECT script FROM schema_version ORDER BY version"));
  }

  @Test
  void aMigratedDatabaseKeepsTheTestScoreOfAStudyItHadBefore() throws Exception {
    Path file = copyOfSchemaV2(dir);
    TestScore score = StudyStoreContract.testScore(2, 29.0 / 30);
    try (SqliteStudyStore store = SqliteStudyStore.open(file)) {
      store.saveTestScore("iris-held-out", score);
    }
    try (SqliteStudyStore store = SqliteStudyStore.open(file)) {
      assertEquals(Optional.of(score), store.testScore("iris-held-out"), "kept across reopening");
      assertEquals(3, store.trials("iris-held-out").size());
      assertTrue(store.delete("iris-held-out"));
    }
    assertEquals(List.of("0"), column(file, "SELECT COUNT(*) FROM held_out_tests"), "deleted with its study");
  }

  @Test
  void aVersion5StoreGainsTheDataTableAndKeepsItsStudies() throws Exception {
    Path file = dir.resolve("v5.db");
    try (SqliteStudyStore store = SqliteStudyStore.open(file)) {
      store.createIfAbsent(StudyStoreContract.record("older", java.util.OptionalInt.of(9)));
    }
    // Back to version 5, as a TuneScope before copies of data files left it.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      s.execute("DROP TABLE study_data");
      // and without the later versions' tables (V7: comparisons), which a version 5 store has not either
      for (String table : List.of("trial_predictions", "comparison_ensembles", "comparison_studies", "comparisons")) {
        s.execute("DROP TABLE " + table);
      }
      s.execute("DELETE FROM schema_version WHERE version >= 6");
    }
    assertEquals(List.of("0"), column(file, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'study_data'"));
    String sha = "ab".repeat(32);
    try (SqliteStudyStore store = SqliteStudyStore.open(file)) {
      assertEquals("older", store.get("older").name());
      assertEquals(Optional.empty(), store.data(sha), "a study stored before copies has none");
      store.saveData(StudyStoreContract.data(sha, 64));
      assertEquals(64, store.data(sha).orElseThrow().compressed().length);
    }
    assertEquals(List.of(String.valueOf(Migrations.LATEST)), column(file, "SELECT MAX(version) FROM schema_version"));
    assertEquals(List.of("V6__study_data.sql"), column(file, "SELECT script FROM schema_version WHERE version = 6"));
  }

  @Test
  void ensembleMembersKeptBeforeWeightsReadAsWeightOne() throws Exception {
    Path file = dir.resolve("v7.db");
    try (SqliteStudyStore store = SqliteStudyStore.open(file)) {
      store.createIfAbsent(StudyStoreContract.record("svm-x", java.util.OptionalInt.of(9)));
      store.saveComparison(new ComparisonRecord("old", java.time.Instant.parse("2026-01-02T03:04:05Z"), "d.csv",
          "ab".repeat(32), "target", "accuracy", "stratified 5-fold", 1, List.of("svm-x"),
          List.of(new EnsembleRecord("vote", List.of(new EnsembleRecord.Member("svm-x", 2)),
              List.of(new org.tunescope.engine.study.FoldScore(0.9, 0.8)), java.util.OptionalDouble.empty()))));
    }
    // The members column as a version 7 TuneScope wrote it: study and trial, no weight (weights need no column).
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      s.execute("UPDATE comparison_ensembles SET members = '[{\"study\":\"svm-x\",\"trial\":2}]'");
    }
    try (SqliteStudyStore store = SqliteStudyStore.open(file)) {
      assertEquals(List.of(new EnsembleRecord.Member("svm-x", 2, 1)),
          store.findComparison("old").orElseThrow().ensembles().get(0).members());
    }
  }

  private static List<String> column(Path file, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
