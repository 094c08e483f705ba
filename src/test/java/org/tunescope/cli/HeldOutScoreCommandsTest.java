package org.tunescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.StudyEvent;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.engine.study.TestScore;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.ml.tuning.TuningSetup;
import org.tunescope.store.SqliteStudyStore;

/**
 * The held-out test score as a user meets it on the command line: {@code tune --test-fraction} keeps it
 * with the study, {@code export} writes it as {@code tune --out} did, {@code show} prints it, a resumed
 * study's new best replaces it, and databases of an earlier TuneScope export without one.
 */
class HeldOutScoreCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void exportOfATunedStudyWritesTheSameStudyTestAsTuneOut() throws IOException {
    Path db = dir.resolve("studies.db");
    Path out = dir.resolve("tuned.json");
    CliRun tune = CliRun.of("tune", "--data", "sample-datasets/breast_cancer.csv", "--target", "target",
        "--model", "decision_tree", "--param", "max_depth=1:6", "--fix-others", "--grid-points", "6",
        "--test-fraction", "0.2", "--seed", "0", "--workers", "2", "--quiet", "--out", out.toString(),
        "--store", db.toString(), "--name", "tree");
    assertEquals(0, tune.exitCode(), tune.err());
    JsonNode tuned = JSON.readTree(out.toFile());
    JsonNode test = tuned.get("study").get("test");
    assertEquals(bestTrial(tuned), test.get("trial").asInt(), "the refitted trial is the best one");
    assertEquals(113, test.get("test_rows").asInt());

    CliRun export = CliRun.of("export", "tree", "--format", "json", "--store", db.toString());
    assertEquals(0, export.exitCode(), export.err());
    JsonNode exported = JSON.readTree(export.out());
    assertEquals(test, exported.get("study").get("test"), "export:\n" + export.out());
    assertEquals(tuned.get("trials"), exported.get("trials"));

    Path file = dir.resolve("exported.json");
    CliRun toFile = CliRun.of("export", "tree", "--out", file.toString(), "--store", db.toString());
    assertEquals(0, toFile.exitCode(), toFile.err());
    assertEquals(test, JSON.readTree(file.toFile()).get("study").get("test"));

    CliRun show = CliRun.of("show", "tree", "--store", db.toString());
    assertEquals(0, show.exitCode(), show.err());
    assertTrue(show.out().contains(String.format(Locale.ROOT,
        "test      accuracy %.4f on 113 held-out rows (fraction 0.2, seed 0); trial %d refitted on 456 rows, cv %.4f",
        test.get("score").asDouble(), test.get("trial").asInt(), test.get("validation").asDouble())), show.out());
  }

  @Test
  void resumingAStudyWhoseBestTrialChangedReplacesItsTestScore() throws IOException {
    Path db = dir.resolve("resumed.db");
    // A first run stopped (Ctrl-C) after its first trial: it kept the held-out score of that trial.
    LoadedData cancer = DataLoader.load(Path.of("sample-datasets/breast_cancer.csv"));
    TuningRequest request = TuningRequest.builder("tree", "target", "decision_tree")
        .ranges(Map.of("max_depth", new Distribution.IntRange(1, 6, false))).fixOthers(true)
        .metric(Optional.of("accuracy")).gridPoints(6).testFraction(OptionalDouble.of(0.2)).build();
    PreparedStudy prepared = new TuningSetup(ModelCatalog.standard()).prepare(request, cancer.table(), cancer.file(),
        cancer.sha256());
    TestScore first;
    try (SqliteStudyStore store = SqliteStudyStore.open(db)) {
      store.createIfAbsent(org.tunescope.app.StudyRecords.of(prepared, request, cancer.file()));
      StudyRunner runner = new StudyRunner(1);
      StudyResult stopped = runner.run(prepared.study(), prepared.objective(), e -> {
        if (e instanceof StudyEvent.TrialFinished) {
          runner.cancel();
        }
      }, store.ledger("tree"));
      assertEquals(Optional.of("cancelled"), stopped.stopReason());
      assertEquals(1, stopped.trials().size());
      first = prepared.heldOutCheck(stopped.best().orElseThrow()).orElseThrow();
      store.saveTestScore("tree", first);
    }
    assertEquals(0, first.trial());
    CliRun before = CliRun.of("export", "tree", "--store", db.toString());
    assertEquals(0, JSON.readTree(before.out()).get("study").get("test").get("trial").asInt());

    Path out = dir.resolve("resumed.json");
    CliRun resume = CliRun.of("resume", "tree", "--quiet", "--out", out.toString(), "--store", db.toString());
    assertEquals(0, resume.exitCode(), resume.err());
    JsonNode resumed = JSON.readTree(out.toFile());
    assertEquals(6, resumed.get("trials").size());
    JsonNode test = resumed.get("study").get("test");
    assertNotEquals(0, bestTrial(resumed), "a deeper tree beats the stump of the first run");
    assertEquals(bestTrial(resumed), test.get("trial").asInt());

    CliRun export = CliRun.of("export", "tree", "--store", db.toString());
    assertEquals(test, JSON.readTree(export.out()).get("study").get("test"), "the new best's score replaced it");
    assertFalse(CliRun.of("show", "tree", "--store", db.toString()).out().contains("has no test score yet"));
  }

  @Test
  void aDatabaseOfTheEarlierSchemaOpensShowsItsStudiesAndExportsWithoutStudyTest() throws IOException {
    Path db = dir.resolve("schema-v2.db");
    try (InputStream in = getClass().getResourceAsStream("/org/tunescope/store/schema-v2.db")) {
      Files.copy(in, db);
    }
    CliRun studies = CliRun.of("studies", "--store", db.toString());
    assertEquals(0, studies.exitCode(), studies.err());
    assertTrue(studies.out().contains("iris-held-out") && studies.out().contains("iris-plain"), studies.out());

    CliRun export = CliRun.of("export", "iris-held-out", "--format", "json", "--store", db.toString());
    assertEquals(0, export.exitCode(), export.err());
    JsonNode root = JSON.readTree(export.out());
    assertFalse(root.get("study").has("test"), export.out());
    assertEquals(3, root.get("trials").size());
    assertEquals(2, bestTrial(root));

    CliRun show = CliRun.of("show", "iris-held-out", "--store", db.toString());
    assertEquals(0, show.exitCode(), show.err());
    assertTrue(show.out().contains("test      fraction 0.2 of the rows held out; no test score kept yet"), show.out());
    CliRun plain = CliRun.of("show", "iris-plain", "--store", db.toString());
    assertFalse(plain.out().contains("test "), plain.out());
  }

  /** The number of the complete trial with the highest mean validation score, the lower number on ties. */
  private static int bestTrial(JsonNode root) {
    int best = -1;
    double score = Double.NEGATIVE_INFINITY;
    for (JsonNode t : root.get("trials")) {
      double v = t.get("validation").get("mean").asDouble();
      if (t.get("state").asText().equals("complete") && v > score) {
        best = t.get("number").asInt();
        score = v;
      }
    }
    return best;
  }
}
