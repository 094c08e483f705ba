package org.tunescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: the worked example of the README and its results files. */
class TuneCommandTest {

  @TempDir
  Path dir;

  @Test
  void svmGridOnBreastCancerReachesTheExpectedAccuracyAndWritesTheJsonContract() throws IOException {
    Path out = dir.resolve("results.json");
    CliRun run = CliRun.of("tune", "--data", "sample-datasets/breast_cancer.csv", "--target", "target",
        "--model", "svm", "--search", "grid", "--param", "kernel=rbf", "--param", "C=0.01:1000:log",
        "--param", "gamma=0.0001:10:log", "--grid-points", "10", "--folds", "5", "--metric", "accuracy",
        "--seed", "0", "--workers", "2", "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("rank"), run.out());
    assertTrue(run.err().contains("trials 100/100"), run.err());

    JsonNode root = new ObjectMapper().readTree(out.toFile());
    JsonNode study = root.get("study");
    for (String field : List.of("name", "model", "task", "metric", "direction", "search", "folds", "seed", "dataset",
        "sha256", "rows", "features", "target")) {
      assertTrue(study.has(field), "study." + field);
    }
    assertEquals("svm", study.get("model").asText());
    assertEquals("classification", study.get("task").asText());
    assertEquals("maximize", study.get("direction").asText());
    assertEquals(569, study.get("rows").asInt());
    assertEquals(30, study.get("features").asInt());
    assertEquals(64, study.get("sha256").asText().length());

    JsonNode trials = root.get("trials");
    assertEquals(100, trials.size());
    double best = 0;
    for (JsonNode t : trials) {
      assertEquals("complete", t.get("state").asText());
      assertEquals("rbf", t.get("params").get("kernel").asText());
      assertEquals(5, t.get("train").get("folds").size());
      assertEquals(5, t.get("validation").get("folds").size());
      assertTrue(t.get("fit_seconds").asDouble() > 0);
      assertTrue(t.get("train").has("std") && t.get("validation").has("mean"));
      best = Math.max(best, t.get("validation").get("mean").asDouble());
    }
    assertTrue(best >= 0.975, "best mean validation accuracy " + best);
    assertEquals(0, trials.get(0).get("number").asInt());
    assertEquals(0.01, trials.get(0).get("params").get("C").asDouble(), 1e-12, "grid order: C slowest");
  }

  @Test
  void randomSearchWritesCsvWithOneRowPerTrial() throws IOException {
    Path out = dir.resolve("results.csv");
    CliRun run = CliRun.of("tune", "--data", "sample-datasets/iris.csv", "--target", "target", "--model", "knn",
        "--search", "random", "--trials", "7", "--seed", "3", "--quiet", "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals(8, lines.size());
    assertTrue(lines.get(0).startsWith("number,state,param_k,"), lines.get(0));
    assertTrue(lines.get(0).contains("train_mean") && lines.get(0).contains("validation_fold_5"), lines.get(0));
  }

  @Test
  void everySearchMethodRunsFromTheCommandLineAndHalvingRecordsPrunedPartialTrials() throws IOException {
    for (String method : List.of("sobol", "bayes", "genetic", "halving", "hyperband")) {
      Path out = dir.resolve(method + ".json");
      CliRun run = CliRun.of("tune", "--data", "sample-datasets/iris.csv", "--target", "target", "--model", "knn",
          "--search", method, "--param", "k=1:10", "--trials", "14", "--seed", "1", "--workers", "2", "--quiet",
          "--out", out.toString());
      assertEquals(0, run.exitCode(), method + ": " + run.err());
      JsonNode root = new ObjectMapper().readTree(out.toFile());
      assertEquals(method, root.get("study").get("search").asText());
      assertEquals(14, root.get("trials").size());
      for (JsonNode t : root.get("trials")) {
        String state = t.get("state").asText();
        assertTrue(state.equals("complete") || state.equals("pruned"), method + " trial " + t);
        assertEquals(state.equals("pruned"), t.get("budget").asDouble() < 1, method + " trial " + t);
        assertEquals(5, t.get("validation").get("folds").size(), "pruned trials keep their fold scores");
      }
      if (method.equals("halving") || method.equals("hyperband")) {
        assertTrue(run.out().contains("pruned"), run.out());
      }
    }
  }

  @Test
  void modelsListsEveryModelWithItsParameters() {
    CliRun run = CliRun.of("models");
    assertEquals(0, run.exitCode(), run.err());
    for (String expected : List.of("CLASSIFICATION", "REGRESSION", "svm", "random_forest", "gamma", "max_depth",
        "(when kernel = ")) {
      assertTrue(run.out().contains(expected), expected + " in:\n" + run.out());
    }
  }

  @Test
  void testFractionHoldsOutRowsAndReportsTheBestTrialsTestScoreBesideItsCvScore() throws IOException {
    Path out = dir.resolve("held-out.json");
    CliRun run = CliRun.of("tune", "--data", "sample-datasets/breast_cancer.csv", "--target", "target",
        "--model", "decision_tree", "--param", "max_depth=1:6", "--fix-others", "--grid-points", "6",
        "--test-fraction", "0.2", "--seed", "0", "--workers", "2", "--quiet", "--out", out.toString(),
        "--store", dir.resolve("held-out.db").toString(), "--name", "held-out");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("held out 113 of 569 rows"), run.err());
    assertTrue(run.out().contains("held-out test: best trial refitted on 456 rows, accuracy cv "), run.out());

    JsonNode study = new ObjectMapper().readTree(out.toFile()).get("study");
    assertEquals(456, study.get("rows").asInt(), "the study saw the tuning rows only");
    JsonNode test = study.get("test");
    assertEquals(0.2, test.get("fraction").asDouble(), 1e-12);
    assertEquals(113, test.get("test_rows").asInt());
    assertEquals(456, test.get("tuning_rows").asInt());
    assertTrue(test.get("score").asDouble() > 0.85, test.toString());
    assertTrue(test.get("validation").asDouble() > 0.85, test.toString());
    assertTrue(test.get("params").has("max_depth"), test.toString());
    assertEquals(6, new ObjectMapper().readTree(out.toFile()).get("trials").size());

    // The store keeps the fraction: the study rebuilt for resume tunes on the same 456 rows, not on all.
    try (var store = org.tunescope.store.SqliteStudyStore.open(dir.resolve("held-out.db"))) {
      var record = store.get("held-out");
      assertEquals(java.util.OptionalDouble.of(0.2), record.request().testFraction());
      var service = new org.tunescope.app.StudyService(store, org.tunescope.ml.models.ModelCatalog.standard());
      var rebuilt = service.reopen(record, service.recordedData(record, what -> { }), false, what -> { }).prepared();
      assertEquals(456, rebuilt.problem().rows());
      assertEquals(113, rebuilt.heldOut().orElseThrow().split().test().length);
    }
  }

  @Test
  void aTestFractionOutsideZeroToOneIsBadInput() {
    CliRun run = CliRun.of("tune", "--data", "sample-datasets/iris.csv", "--target", "target", "--model", "knn",
        "--test-fraction", "1.5");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--test-fraction"), run.err());
  }
}
