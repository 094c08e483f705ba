package org.tunescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.store.SqliteStudyStore;
import org.tunescope.store.StudyStore;
import org.tunescope.store.StudySummary;

/** {@code tunescope import optuna|cv-results}: what it prints, what it refuses, and the commands on what it imported. */
class ImportCommandTest {

  @TempDir
  Path dir;

  private Path fixture(String name) throws Exception {
    return Files.copy(Path.of(resource(name)), dir.resolve(name));
  }

  private static java.net.URI resource(String name) throws URISyntaxException {
    return ImportCommandTest.class.getResource("/import/" + name).toURI();
  }

  private String store() {
    return dir.resolve("store.db").toString();
  }

  private List<String> studies() {
    try (StudyStore s = SqliteStudyStore.open(Path.of(store()))) {
      return s.list().stream().map(StudySummary::name).toList();
    }
  }

  @Test
  void anOptunaStorageImportsEveryStudyAndAgainDuplicatesNothing() throws Exception {
    Path db = fixture("optuna_basic.db");
    CliRun first = CliRun.of("import", "optuna", db.toString(), "--store", store());
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().startsWith("imported study svm-basic from the Optuna storage " + db + " (study svm-basic):"
        + " 30 trials (13 complete, 3 fail, 14 pruned, 1 running, 1 waiting in the source); 30 new, 0 updated; 2 trials"
        + " still running or waiting, imported once finished (import again)\n"), first.out());
    assertTrue(first.out().contains("imported study tiny from"), first.out());
    CliRun again = CliRun.of("import", "optuna", db.toString(), "--study", "svm-basic", "--store", store());
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("; 0 new, 0 updated;"), again.out());
    assertEquals(List.of("svm-basic", "tiny"), studies());
    CliRun list = CliRun.of("studies", "--store", store());
    assertTrue(list.out().lines().anyMatch(l -> l.matches("svm-basic +optuna +optuna_basic.db +30/- .*")), list.out());
  }

  @Test
  void anImportedStudyRefusesToResumeAndSaysWhy() throws Exception {
    Path db = fixture("optuna_basic.db");
    CliRun.of("import", "optuna", db.toString(), "--study", "tiny", "--store", store());
    CliRun resume = CliRun.of("resume", "tiny", "--store", store());
    assertEquals(TuneScopeCommand.BAD_INPUT, resume.exitCode());
    assertEquals("error: study tiny was imported from the Optuna storage " + db + " (study tiny): TuneScope has"
        + " neither its objective nor its data, so it cannot be resumed (import it again to add the trials run"
        + " since)\n", resume.err());
  }

  @Test
  void showExportAndReportWorkOnAnImportedSearch() throws Exception {
    Path csv = fixture("cv_grid.csv");
    CliRun imported = CliRun.of("import", "cv-results", csv.toString(), "--name", "tree-grid", "--store", store());
    assertEquals(0, imported.exitCode(), imported.err());
    assertEquals("imported study tree-grid from the scikit-learn cv_results_ file " + csv + ": 12 trials (12 complete"
        + " in the source); 12 new, 0 updated\n", imported.out());

    CliRun show = CliRun.of("show", "tree-grid", "--store", store());
    assertEquals(0, show.exitCode(), show.err());
    assertTrue(show.out().contains("model     scikit-learn"), show.out());

    CliRun json = CliRun.of("export", "tree-grid", "--format", "json", "--store", store());
    assertEquals(0, json.exitCode(), json.err());
    JsonNode results = new ObjectMapper().readTree(json.out());
    assertEquals(12, results.get("trials").size());
    assertEquals(5, results.get("trials").get(0).get("validation").get("folds").size());
    assertEquals(1.0, results.get("trials").get(0).get("train").get("mean").asDouble());

    Path csvOut = dir.resolve("out.csv");
    assertEquals(0, CliRun.of("export", "tree-grid", "--out", csvOut.toString(), "--store", store()).exitCode());
    assertEquals(13, Files.readAllLines(csvOut).size());

    Path figures = dir.resolve("figures");
    CliRun report = CliRun.of("report", "tree-grid", "--out", figures.toString(), "--store", store());
    assertEquals(0, report.exitCode(), report.err());
    assertTrue(Files.size(figures.resolve("history.png")) > 0);
    assertTrue(Files.size(figures.resolve("cost.png")) > 0);
  }

  @Test
  void aMultiObjectiveStudySaysWhichObjectivesItHas() throws Exception {
    CliRun run = CliRun.of("import", "optuna", fixture("optuna_multi.db").toString(), "--objective", "1",
        "--store", store());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().endsWith("study multi has 2 objectives: 0 values_0 (maximize), 1 values_1 (minimize);"
        + " showing 1 (--objective K shows another)\n"), run.out());
  }

  @Test
  void whatCannotBeImportedGetsOneLineAndNothingIsWritten() throws Exception {
    Path newer = fixture("optuna_multi.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE alembic_version SET version_num = 'v9.0.0.a'");
    }
    Path csv = fixture("cv_random_multi.csv");
    Path basic = fixture("optuna_basic.db");
    String[][] refused = {
        {"import", "optuna", newer.toString()},
        {"import", "optuna", csv.toString()},
        {"import", "optuna", basic.toString(), "--study", "nope"},
        {"import", "optuna", basic.toString(), "--objective", "1"},
        {"import", "optuna", "postgresql://me:secret@localhost/optuna"},
        {"import", "cv-results", csv.toString()},
        {"import", "cv-results", basic.toString()},
        {"import"},
    };
    String[] lines = {
        "error: " + newer + " has Optuna schema revision v9.0.0.a (written by Optuna 3.1.0), which this TuneScope"
            + " does not know: it reads revisions v1.3.0.a to v3.2.0.a (Optuna 2.0 to 4.x)",
        "error: " + csv + " is not an Optuna storage (not an SQLite database file)",
        "error: no study named nope in " + basic + "; it has svm-basic, tiny",
        "error: study svm-basic has one objective (0); --objective 1 is not one of them",
        "error: the storage address holds a password: leave it out of the address (it would end up in shell"
            + " history and logs) and give it in PGPASSWORD or ~/.pgpass",
        "error: cv_random_multi.csv has several metrics (accuracy, roc_auc): choose one with --metric NAME",
        "error: " + basic + " is not a text file: it contains binary data",
        "error: say what to import: tunescope import optuna STORAGE, or tunescope import cv-results FILE.csv",
    };
    for (int i = 0; i < refused.length; i++) {
      String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(refused[i]),
          java.util.stream.Stream.of("--store", store())).toArray(String[]::new);
      if (refused[i].length == 1) {
        args = refused[i];
      }
      CliRun run = CliRun.of(args);
      assertEquals(TuneScopeCommand.BAD_INPUT, run.exitCode(), String.join(" ", args) + ": " + run.err());
      assertEquals(1, run.err().lines().count(), run.err());
      assertTrue(run.err().startsWith(lines[i]), run.err());
      assertEquals("", run.out());
    }
    assertEquals(List.of(), studies());
  }
}
