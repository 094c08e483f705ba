package org.tunescope.app.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.Trial;
import org.tunescope.store.InMemoryStudyStore;
import org.tunescope.store.PostgresTestServer;
import org.tunescope.store.StudyStore;

/**
 * Optuna storages on a real PostgreSQL server ({@link OptunaPostgresFixture}: Optuna's schema holding the rows
 * Optuna wrote into the SQLite fixtures). Imported from the server, a study is what it is imported from the file.
 */
class OptunaPostgresImportTest {

  @TempDir
  Path dir;

  private final List<String> databases = new ArrayList<>();

  @AfterEach
  void dropDatabases() {
    databases.forEach(PostgresTestServer::drop);
  }

  @Test
  void aStudyOnAServerImportsAsTheSameStudyInAFile() throws Exception {
    String url = optunaDatabase("optuna_basic.db");
    StudyStore fromServer = new InMemoryStudyStore();
    List<ImportSummary> done = new StudyImporter(fromServer).importOptuna(url, Optional.empty(), 0, Optional.empty());
    assertEquals(List.of("svm-basic", "tiny"), done.stream().map(ImportSummary::name).toList());
    StudyStore fromFile = new InMemoryStudyStore();
    new StudyImporter(fromFile).importOptuna(Fixtures.copy("optuna_basic.db", dir).toString(), Optional.empty(), 0,
        Optional.empty());
    for (String study : List.of("svm-basic", "tiny")) {
      assertEquals(fromFile.trials(study), fromServer.trials(study), study);
      assertEquals(fromFile.importedTrials(study), fromServer.importedTrials(study), study);
      assertEquals(fromFile.importRecord(study).orElseThrow().space(),
          fromServer.importRecord(study).orElseThrow().space(), study);
    }
    JsonNode expected = Fixtures.expected("optuna_basic.db").get("studies").get("svm-basic");
    Trial best = StudyResult.best(fromServer.trials("svm-basic"), Direction.MAXIMIZE).orElseThrow();
    assertEquals(expected.get("best").get("number").asInt(), best.number());
    assertEquals(Fixtures.params(expected.get("best").get("params")), best.params());
    // The address is the origin (what Follow reads again), and the dataset's name; no password is kept.
    assertEquals(url, fromServer.importRecord("svm-basic").orElseThrow().source());
    assertEquals(url, fromServer.get("svm-basic").info().dataset());
    assertTrue(done.get(0).describe().contains(url), done.get(0).describe());
  }

  @Test
  void aMultiObjectiveStudyKeepsBothValuesAndSqlAlchemysDriverUrlIsRead() throws Exception {
    String url = optunaDatabase("optuna_multi.db");
    StudyStore store = new InMemoryStudyStore();
    new StudyImporter(store).importOptuna(url.replace("postgresql://", "postgresql+psycopg2://"),
        Optional.of("multi"), 1, Optional.empty());
    assertEquals(20, store.trials("multi").size());
    assertEquals("minimize", store.get("multi").info().direction());
    assertTrue(store.importedTrials("multi").stream().allMatch(t -> t.values().size() == 2));
  }

  @Test
  void aWrongAddressADatabaseWithoutOptunaAndAMissingStudyAreOneLineEach() throws Exception {
    String empty = PostgresTestServer.freshDatabase();
    databases.add(empty);
    StudyStore store = new InMemoryStudyStore();
    assertEquals(empty + " is not an Optuna storage (it has no studies,"
        + " trials and trial_params tables)", refusal(store, empty, null));

    String missing = empty + "_missing";
    String noDatabase = refusal(store, missing, null);
    assertTrue(noDatabase.startsWith("the PostgreSQL database " + missing.substring(missing.lastIndexOf('/') + 1)
        + " does not exist on "), noDatabase);
    assertFalse(noDatabase.contains("\n"), noDatabase);

    URI server = URI.create(empty);
    String nobody = "postgresql://" + server.getUserInfo() + "@127.0.0.1:1/optuna";
    String unreachable = refusal(store, nobody, null);
    assertTrue(unreachable.startsWith("cannot reach the PostgreSQL server of " + nobody), unreachable);
    assertFalse(unreachable.contains("\n"), unreachable);

    String url = optunaDatabase("optuna_basic.db");
    assertEquals("no study named svm in " + url + "; it has svm-basic, tiny", refusal(store, url, "svm"));
    assertEquals(List.of(), store.list());
  }

  private String optunaDatabase(String fixture) throws Exception {
    String url = OptunaPostgresFixture.create(fixture, java.nio.file.Files.createTempDirectory(dir, "source"));
    databases.add(url);
    return url;
  }

  private static String refusal(StudyStore store, String storage, String study) {
    return assertThrows(ImportException.class, () -> new StudyImporter(store).importOptuna(storage,
        Optional.ofNullable(study), 0, Optional.empty())).getMessage();
  }


}
