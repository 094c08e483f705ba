package org.tunescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tunescope export} of an imported study: the shape of {@code tune --out}, plus {@code study.origin}
 * saying where it came from; a study TuneScope ran has no origin.
 */
class ExportCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path fixture(String name) throws Exception {
    return Files.copy(Path.of(getClass().getResource("/import/" + name).toURI()), dir.resolve(name));
  }

  private String store() {
    return dir.resolve("store.db").toString();
  }

  @Test
  void anImportedOptunaStudySaysWhereItCameFromAndWhichObjectiveItShows() throws Exception {
    Path db = fixture("optuna_multi.db");
    CliRun imported = CliRun.of("import", "optuna", db.toString(), "--objective", "1", "--store", store());
    assertEquals(0, imported.exitCode(), imported.err());
    String name = "multi";

    CliRun export = CliRun.of("export", name, "--store", store());
    assertEquals(0, export.exitCode(), export.err());
    JsonNode study = JSON.readTree(export.out()).path("study");
    JsonNode origin = study.path("origin");
    assertEquals("optuna", origin.path("kind").asText());
    assertEquals(db.toAbsolutePath().toString(), origin.path("source").asText());
    assertEquals(name, origin.path("source_study").asText());
    assertEquals(2, origin.path("objectives").size());
    assertEquals(origin.path("objectives").get(1).path("name").asText(), origin.path("objective").asText());
    assertFalse(origin.path("imported").asText().isEmpty());
    // The fields a study TuneScope ran has are all still there, unrenamed.
    for (String field : new String[] {"name", "model", "metric", "direction", "search", "space"}) {
      assertTrue(study.has(field), field);
    }

    // The same in a file, as the window's Export... writes it.
    Path out = dir.resolve("out.json");
    assertEquals(0, CliRun.of("export", name, "--store", store(), "--out", out.toString()).exitCode());
    assertEquals("optuna", JSON.readTree(out.toFile()).path("study").path("origin").path("kind").asText());
  }

  @Test
  void anImportedSearchNamesItsFileAndAStudyRunHereHasNoOrigin() throws Exception {
    Path csv = fixture("cv_grid.csv");
    assertEquals(0, CliRun.of("import", "cv-results", csv.toString(), "--store", store()).exitCode());
    JsonNode origin = JSON.readTree(CliRun.of("export", "cv_grid", "--store", store()).out()).path("study")
        .path("origin");
    assertEquals("cv-results", origin.path("kind").asText());
    assertEquals(csv.toAbsolutePath().toString(), origin.path("source").asText());
    assertFalse(origin.has("source_study"));
    assertEquals("score", origin.path("objective").asText());

    CliRun tune = CliRun.of("tune", "--store", store(), "--name", "here", "--data", "sample-datasets/iris.csv",
        "--target", "target", "--model", "knn", "--trials", "2", "--quiet");
    assertEquals(0, tune.exitCode(), tune.err());
    assertFalse(JSON.readTree(CliRun.of("export", "here", "--store", store()).out()).path("study").has("origin"));
  }
}
