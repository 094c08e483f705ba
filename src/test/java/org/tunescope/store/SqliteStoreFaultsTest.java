package org.tunescope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.engine.sampler.RandomSampler;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Study;
import org.tunescope.engine.study.StudyEvent;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.engine.study.Trial;

/** The SQLite store's file: its settings, and each fault a user can meet, with nothing kept lost. */
class SqliteStoreFaultsTest {

  @TempDir
  Path dir;

  @Test
  void aNewFileHasTheSchemaVersionWalAndForeignKeys() throws Exception {
    Path file = dir.resolve("new.db");
    try (SqliteStudyStore store = SqliteStudyStore.open(file)) {
      store.createIfAbsent(StudyStoreContract.record("a", OptionalInt.empty()));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      assertEquals("wal", one(s, "PRAGMA journal_mode"));
      assertEquals(String.valueOf(Migrations.LATEST), one(s, "SELECT MAX(version) FROM schema_version"));
    }
    try (SqliteStudyStore store = SqliteStudyStore.open(file)) {
      assertEquals(1, store.list().size(), "reopening migrates nothing and keeps the study");
    }
  }

  @Test
  void migrationScriptsSplitIntoStatements() {
    List<String> statements = Migrations.statements("-- a comment; with a semicolon\nCREATE TABLE a (\n"
        + "  x INTEGER -- why; because\n);\nCREATE INDEX b ON a (x);\n");
    assertEquals(2, statements.size(), statements.toString());
    assertEquals("CREATE TABLE a (\n  x INTEGER \n)", statements.get(0));
    assertEquals("CREATE INDEX b ON a (x)", statements.get(1));
  }

  @Test
  void aFileThatIsNotSqliteIsRefusedAndLeftAlone() throws Exception {
    Path file = dir.resolve("notes.db");
    Files.writeString(file, "these are my notes, not a database\n");
    StoreException e = assertThrows(StoreException.class, () -> SqliteStudyStore.open(file));
    assertEquals(file.toAbsolutePath() + " is not a TuneScope store (not an SQLite database file)", e.getMessage());
    assertEquals("these are my notes, not a database\n", Files.readString(file));
  }

  @Test
  void anotherProgramsDatabaseIsRefused() throws Exception {
    Path file = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customers (id INTEGER)");
    }
    StoreException e = assertThrows(StoreException.class, () -> SqliteStudyStore.open(file));
    assertTrue(e.getMessage().contains("an SQLite database of another program"), e.getMessage());
  }

  @Test
  void aNewerSchemaIsRefusedAndNotChanged() throws Exception {
    Path file = dir.resolve("newer.db");
    SqliteStudyStore.open(file).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      s.execute("INSERT INTO schema_version (version, script, applied) VALUES (99, 'V99__future.sql', 'later')");
    }
    StoreException e = assertThrows(StoreException.class, () -> SqliteStudyStore.open(file));
    assertTrue(e.getMessage().contains("was written by a newer TuneScope (schema version 99; this version reads up to "
        + Migrations.LATEST + ")"), e.getMessage());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      assertEquals("99", one(s, "SELECT MAX(version) FROM schema_version"));
    }
  }

  @Test
  void aMissingFolderIsNamed() {
    Path file = dir.resolve("no/such/folder/tunescope.db");
    StoreException e = assertThrows(StoreException.class, () -> SqliteStudyStore.open(file));
    assertTrue(e.getMessage().endsWith("the folder " + file.toAbsolutePath().getParent() + " does not exist"),
        e.getMessage());
  }

  @Test
  void aLockedStoreWaitsABoundedTimeThenSaysSo() throws Exception {
    Path file = dir.resolve("locked.db");
    try (SqliteStudyStore store = SqliteStudyStore.open(file, Duration.ofMillis(300))) {
      store.createIfAbsent(StudyStoreContract.record("a", OptionalInt.empty()));
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
           Statement s = other.createStatement()) {
        s.execute("BEGIN EXCLUSIVE");
        long t0 = System.nanoTime();
        StoreException e = assertThrows(StoreException.class,
            () -> store.addTrials("a", List.of(StudyStoreContract.trial(0, 0.5))));
        double waited = (System.nanoTime() - t0) / 1e9;
        assertEquals("the store " + file.toAbsolutePath() + " is locked by another process (waited 300 ms);"
            + " try again when it is done", e.getMessage());
        assertTrue(waited >= 0.25 && waited < 5, "waited " + waited + " s");
        s.execute("ROLLBACK");
      }
      store.addTrials("a", List.of(StudyStoreContract.trial(0, 0.5)));
      assertEquals(1, store.trials("a").size(), "works again once the lock is gone");
    }
  }

  @Test
  void aFullDiskStopsTheStudyAndKeepsEveryTrialThatFinishedBeforeIt() {
    Path file = dir.resolve("full.db");
    List<Integer> published = new CopyOnWriteArrayList<>();
    StudyResult result;
    try (SqliteStudyStore store = SqliteStudyStore.open(file)) {
      store.createIfAbsent(StudyStoreContract.record("full", OptionalInt.of(5000)));
      store.limitGrowth(8);
      Study study = new Study("full", "score", Direction.MAXIMIZE, StudyStoreContract.SPACE,
          new RandomSampler(StudyStoreContract.SPACE, 1), Budget.trials(5000), 1);
      result = new StudyRunner(2).run(study, StudyStoreContract.BOWL, e -> {
        if (e instanceof StudyEvent.TrialFinished f) {
          published.add(f.trial().number());
        }
      }, store.ledger("full"));
    }
    assertTrue(result.stopReason().orElseThrow().contains("the disk is full: cannot write to the store"),
        result.stopReason().toString());
    assertTrue(published.size() > 10 && published.size() < 5000, published.size() + " trials published");
    try (SqliteStudyStore reopened = SqliteStudyStore.open(file)) {
      List<Trial> kept = reopened.trials("full");
      assertEquals(published.stream().sorted().toList(), kept.stream().map(Trial::number).toList(),
          "every trial whose finished event was published is kept, and no other");
      assertEquals(0, reopened.list().get(0).running(), "the claim of the trial that could not be kept is gone");
    }
  }

  private static String one(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
