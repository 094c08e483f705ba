package org.tunescope.app.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;
import org.tunescope.store.ImportRecord;
import org.tunescope.store.ImportedTrial;
import org.tunescope.store.InMemoryStudyStore;
import org.tunescope.store.SqliteStudyStore;
import org.tunescope.store.StudyStore;

/**
 * Optuna storages made by Optuna 3.1, in the 3.x schema and in those of Optuna 2.4-2.x and 2.0-2.3 (see
 * make_fixtures.py): imported as Optuna reports them.
 */
class OptunaImportTest {

  @TempDir
  Path dir;

  private final StudyStore store = new InMemoryStudyStore();

  private List<ImportSummary> importOptuna(Path file, String study, int objective) {
    return new StudyImporter(store).importOptuna(file.toString(), Optional.ofNullable(study), objective,
        Optional.empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"optuna_basic.db", "optuna_v2.db", "optuna_v2_0.db"})
  void aStudyImportsAsOptunaReportsIt(String fixture) {
    JsonNode expected = Fixtures.expected(fixture).get("studies").get("svm-basic");
    ImportSummary summary = importOptuna(Fixtures.copy(fixture, dir), "svm-basic", 0).get(0);
    List<Trial> trials = store.trials("svm-basic");
    JsonNode states = expected.get("states");
    assertEquals(states.get("COMPLETE").asInt(), count(trials, TrialState.COMPLETE));
    assertEquals(states.get("PRUNED").asInt(), count(trials, TrialState.PRUNED));
    assertEquals(states.get("FAIL").asInt(), count(trials, TrialState.FAILED));
    assertEquals(states.get("RUNNING").asInt() + states.get("WAITING").asInt(), summary.notYet());
    assertEquals(trials.size(), summary.added());

    Trial best = StudyResult.best(trials, Direction.MAXIMIZE).orElseThrow();
    assertEquals(expected.get("best").get("number").asInt(), best.number());
    assertEquals(expected.get("best").get("value").asDouble(), best.validation().mean(), 1e-12);
    assertEquals(Fixtures.params(expected.get("best").get("params")), best.params());

    Map<Integer, ImportedTrial> extras = store.importedTrials("svm-basic").stream()
        .collect(Collectors.toMap(ImportedTrial::number, Function.identity()));
    for (Trial t : trials) {
      JsonNode e = expected.get("by_number").get(String.valueOf(t.number()));
      assertEquals(Fixtures.params(e.get("params")), t.params(), "params of trial " + t.number());
      assertEquals(LocalDateTime.parse(e.get("datetime_start").asText()).atZone(ZoneId.systemDefault()).toInstant(),
          t.started());
      List<Double> steps = new ArrayList<>();
      e.get("intermediate_values").forEach(v -> steps.add(v.asDouble()));
      assertEquals(steps, extras.get(t.number()).intermediate().stream().map(ImportedTrial.Step::value).toList());
      if (t.state() == TrialState.COMPLETE) {
        // Per-fold scores from the user attributes the objective recorded; their mean is Optuna's value.
        List<FoldScore> folds = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
          folds.add(new FoldScore(e.get("user_attrs").get("train_scores").get(k).asDouble(),
              e.get("user_attrs").get("validation_scores").get(k).asDouble()));
        }
        assertEquals(folds, t.folds());
        assertEquals(e.get("values").get(0).asDouble(), t.validation().mean(), 1e-12);
        assertEquals("\"fold scores from a 3-fold CV\"", extras.get(t.number()).userAttributes().get("note"));
      } else if (t.state() == TrialState.PRUNED) {
        // Optuna gives a pruned trial its last intermediate value: that is its validation score.
        assertEquals(e.get("values").get(0).asDouble(), t.validation().mean(), 1e-12);
        assertEquals(steps.get(steps.size() - 1), t.validation().mean(), 1e-12);
        assertEquals(steps.size() / 5.0, t.budget(), 1e-12);
      } else {
        assertEquals(List.of(), t.folds());
        assertTrue(t.error().orElseThrow().contains("failed in Optuna"));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"optuna_basic.db", "optuna_v2.db", "optuna_v2_0.db"})
  void everyDistributionGetsItsScaleAndCategories(String fixture) {
    importOptuna(Fixtures.copy(fixture, dir), null, 0);
    ImportRecord origin = store.importRecord("svm-basic").orElseThrow();
    var space = origin.space();
    assertEquals(new Distribution.FloatRange(1e-3, 1e3, true), space.parameter("C").orElseThrow().distribution());
    assertEquals(new Distribution.FloatRange(1e-4, 10, true), space.parameter("gamma").orElseThrow().distribution());
    assertEquals(new Distribution.Choice(List.of("rbf", "linear", "poly")),
        space.parameter("kernel").orElseThrow().distribution());
    assertEquals(new Distribution.IntRange(1, 5, false), space.parameter("degree").orElseThrow().distribution());
    assertEquals(new Distribution.IntRange(1, 64, true), space.parameter("min_leaf").orElseThrow().distribution());
    assertEquals(new Distribution.FloatRange(0, 0.5, false), space.parameter("dropout").orElseThrow().distribution());
    assertTrue(origin.declarations().get("dropout").contains("\"step\":0.1"), origin.declarations().get("dropout"));
    assertEquals(new Distribution.FloatRange(-2, 2, false),
        store.importRecord("tiny").orElseThrow().space().parameter("x").orElseThrow().distribution());
  }

  @Test
  void withoutAStudyNameEveryStudyIsImportedWithItsDirection() {
    List<ImportSummary> done = importOptuna(Fixtures.copy("optuna_basic.db", dir), null, 0);
    assertEquals(List.of("svm-basic", "tiny"), done.stream().map(ImportSummary::name).toList());
    JsonNode tiny = Fixtures.expected("optuna_basic.db").get("studies").get("tiny");
    assertEquals("minimize", store.get("tiny").info().direction());
    Trial best = StudyResult.best(store.trials("tiny"), Direction.MINIMIZE).orElseThrow();
    assertEquals(tiny.get("best").get("number").asInt(), best.number());
    assertEquals(tiny.get("best").get("value").asDouble(), best.validation().mean(), 1e-15);
    assertTrue(store.get("tiny").finished().isPresent(), "nothing left running in Optuna");
    assertTrue(store.get("svm-basic").finished().isEmpty(), "a trial still running in Optuna");
  }

  @Test
  void aMultiObjectiveStudyShowsTheObjectiveAskedForAndKeepsEveryValue() {
    Path file = Fixtures.copy("optuna_multi.db", dir);
    JsonNode expected = Fixtures.expected("optuna_multi.db").get("studies").get("multi");
    for (int k = 0; k < 2; k++) {
      ImportSummary s = importOptuna(file, "multi", k).get(0);
      assertEquals(List.of(new ImportRecord.Objective("values_0", "maximize"),
          new ImportRecord.Objective("values_1", "minimize")), s.origin().objectives());
      assertEquals(k == 0 ? "maximize" : "minimize", store.get("multi").info().direction());
      assertTrue(s.objectivesLine("--objective K").startsWith(
          "study multi has 2 objectives: 0 values_0 (maximize), 1 values_1 (minimize); showing " + k), s.objectivesLine("x"));
      for (Trial t : store.trials("multi")) {
        JsonNode values = expected.get("by_number").get(String.valueOf(t.number())).get("values");
        assertEquals(values.get(k).asDouble(), t.validation().mean(), 1e-12);
        if (k == 0) {
          // The accuracy objective's training score is the user attribute train_accuracy.
          assertEquals(expected.get("by_number").get(String.valueOf(t.number())).get("user_attrs")
              .get("train_accuracy").asDouble(), t.train().mean(), 1e-12);
        } else {
          assertTrue(Double.isNaN(t.train().mean()), "no training score for latency");
        }
      }
      List<List<Double>> kept = store.importedTrials("multi").stream().map(ImportedTrial::values).toList();
      assertEquals(expected.get("trials").asInt(), kept.size());
      assertEquals(values(expected, 1), kept.stream().map(v -> v.get(1)).toList());
    }
    ImportException e = assertThrows(ImportException.class, () -> importOptuna(file, "multi", 2));
    assertEquals("study multi has 2 objectives (0 to 1); --objective 2 is not one of them", e.getMessage());
  }

  private static List<Double> values(JsonNode study, int objective) {
    List<Double> out = new ArrayList<>();
    for (int n = 0; n < study.get("trials").asInt(); n++) {
      out.add(study.get("by_number").get(String.valueOf(n)).get("values").get(objective).asDouble());
    }
    return out;
  }

  @Test
  void importingAgainAddsTheTrialsFinishedSinceAndDuplicatesNone() throws SQLException {
    Path file = Fixtures.copy("optuna_basic.db", dir);
    importOptuna(file, "svm-basic", 0);
    assertEquals(30, store.trials("svm-basic").size());
    // Optuna finishes the running trial meanwhile: what Optuna's tell() writes for it.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE trials SET state = 'COMPLETE', datetime_complete = '2026-12-05 12:00:00.000000'"
          + " WHERE state = 'RUNNING'");
      s.executeUpdate("INSERT INTO trial_values (trial_id, objective, value, value_type) SELECT trial_id, 0, 0.5,"
          + " 'FINITE' FROM trials WHERE number = 30 AND study_id = 1");
    }
    ImportSummary again = importOptuna(file, "svm-basic", 0).get(0);
    assertEquals(1, again.added());
    assertEquals(0, again.updated());
    assertEquals(1, again.notYet());
    List<Trial> trials = store.trials("svm-basic");
    assertEquals(31, trials.size());
    assertEquals(31, trials.stream().map(Trial::number).distinct().count());
    assertEquals(0.5, trials.get(30).validation().mean());
  }

  @Test
  void aStudyThatIsNotThereIsNamedWithTheOnesThatAre() {
    ImportException e = assertThrows(ImportException.class,
        () -> importOptuna(Fixtures.copy("optuna_basic.db", dir), "svm", 0));
    assertTrue(e.getMessage().startsWith("no study named svm in "), e.getMessage());
    assertTrue(e.getMessage().endsWith("; it has svm-basic, tiny"), e.getMessage());
    assertEquals(List.of(), store.list());
  }

  @Test
  void whatIsNotAReadableOptunaStorageIsRefusedInOneLine() throws SQLException {
    Path csv = Fixtures.copy("cv_grid.csv", dir);
    assertEquals(csv + " is not an Optuna storage (not an SQLite database file)", refusal(csv.toString()));
    Path tunescope = dir.resolve("tunescope.db");
    SqliteStudyStore.open(tunescope).close();
    assertEquals(tunescope + " is not an Optuna storage (it has no studies, trials and trial_params tables; it looks"
        + " like a TuneScope store)", refusal(tunescope.toString()));
    assertEquals("no such file: " + dir.resolve("missing.db"), refusal(dir.resolve("missing.db").toString()));
    assertEquals("the storage address holds a password: leave it out of the address (it would end up in shell"
        + " history and logs) and give it in PGPASSWORD or ~/.pgpass", refusal("postgresql://me:secret@db.example/optuna"));
    assertEquals("cannot read mysql://me:***@db.example/optuna: TuneScope reads Optuna storages in an SQLite file (a"
        + " path or sqlite:///FILE) or on a PostgreSQL server (postgresql://user@host:port/db)",
        refusal("mysql://me:secret@db.example/optuna"));

    Path newer = Fixtures.copy("optuna_multi.db", dir);
    revision(newer, "v9.0.0.a");
    assertEquals(newer + " has Optuna schema revision v9.0.0.a (written by Optuna 3.1.0), which this TuneScope does"
        + " not know: it reads revisions v1.3.0.a to v3.2.0.a (Optuna 2.0 to 4.x)", refusal(newer.toString()));
    revision(newer, "v1.2.0.a");
    assertEquals(newer + " is an Optuna storage from before Optuna 2.0 (schema revision v1.2.0.a (written by Optuna"
        + " 3.1.0)): upgrade it with 'optuna storage upgrade --storage sqlite:///" + newer + "' and import it again",
        refusal(newer.toString()));
    assertEquals(List.of(), store.list());
  }

  @Test
  void optunasOwnUrlOfAnSqliteFileIsRead() {
    Path file = Fixtures.copy("optuna_multi.db", dir);
    new StudyImporter(store).importOptuna("sqlite:///" + file, Optional.empty(), 0, Optional.empty());
    assertEquals(20, store.trials("multi").size());
    assertEquals(file.toString(), store.importRecord("multi").orElseThrow().source());
  }

  private String refusal(String storage) {
    return assertThrows(ImportException.class,
        () -> new StudyImporter(store).importOptuna(storage, Optional.empty(), 0, Optional.empty())).getMessage();
  }

  private static void revision(Path file, String revision) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE alembic_version SET version_num = '" + revision + "'");
    }
  }

  private static long count(List<Trial> trials, TrialState state) {
    return trials.stream().filter(t -> t.state() == state).count();
  }
}
