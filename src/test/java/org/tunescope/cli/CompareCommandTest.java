package org.tunescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tunescope compare} as a user runs it: the leaderboard, the ensembles and the JSON contract. */
class CompareCommandTest {

  @TempDir
  Path dir;

  @Test
  void threeModelsEndWithALeaderboardBothEnsemblesAndTheJsonContract() throws IOException {
    Path out = dir.resolve("comparison.json");
    CliRun run = CliRun.of("compare", "--data", "sample-datasets/breast_cancer.csv", "--target", "target",
        "--models", "logistic_regression,knn,decision_tree", "--trials", "3", "--folds", "4", "--seed", "1",
        "--param", "knn.k=3:25", "--top", "4", "--workers", "1", "--quiet", "--store", dir.resolve("s.db").toString(),
        "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    String board = run.out();
    for (String row : List.of("logistic_regression", "knn", "decision_tree", "vote of 4", "stack of 4")) {
      assertTrue(board.contains(row), row + " in\n" + board);
    }
    assertTrue(board.contains("valid mean±std") && board.contains("memory"), board);

    JsonNode root = new ObjectMapper().readTree(out.toFile());
    JsonNode comparison = root.get("comparison");
    assertEquals("compare-breast_cancer", comparison.get("name").asText());
    assertEquals("stratified 4-fold", comparison.get("fold_method").asText());
    assertEquals(3, comparison.get("studies").size());
    JsonNode studies = root.get("studies");
    assertEquals(3, studies.size());
    Set<String> sha = new HashSet<>();
    for (JsonNode s : studies) {
      // Each study in the shape tune --out writes.
      JsonNode study = s.get("study");
      for (String field : List.of("name", "model", "metric", "fold_method", "seed", "sha256", "space")) {
        assertTrue(study.has(field), "study." + field);
      }
      sha.add(study.get("sha256").asText());
      assertEquals(3, s.get("trials").size());
      for (JsonNode t : s.get("trials")) {
        assertEquals(4, t.get("validation").get("folds").size());
        assertTrue(t.has("train") && t.has("gap") && t.has("fit_seconds") && t.has("bytes_allocated"));
      }
    }
    assertEquals(1, sha.size(), "every study on the same data");
    assertEquals("knn", studies.get(1).get("study").get("model").asText());
    assertEquals("3:25", studies.get(1).get("study").get("space").get("k").asText());

    JsonNode ensembles = root.get("ensembles");
    assertEquals(2, ensembles.size());
    assertEquals("vote", ensembles.get(0).get("kind").asText());
    assertEquals("stack", ensembles.get(1).get("kind").asText());
    for (JsonNode e : ensembles) {
      assertEquals(4, e.get("members").size());
      for (JsonNode m : e.get("members")) {
        assertTrue(m.get("study").asText().endsWith("-breast_cancer") && m.has("trial"), m.toString());
      }
      assertEquals(4, e.get("train").get("folds").size());
      assertEquals(4, e.get("validation").get("folds").size());
      assertTrue(e.get("validation").get("mean").asDouble() > 0.85, e.toString());
      assertTrue(e.has("gap"));
    }

    // report draws the comparison's figures from the store.
    Path figures = dir.resolve("figures");
    CliRun report = CliRun.of("report", "--comparison", "compare-breast_cancer", "--out", figures.toString(),
        "--store", dir.resolve("s.db").toString());
    assertEquals(0, report.exitCode(), report.err());
    for (String png : List.of("comparison-leaderboard.png", "comparison-history.png", "comparison-cost.png")) {
      assertTrue(report.out().contains(png), report.out());
      assertTrue(java.nio.file.Files.size(figures.resolve(png)) > 1000, png);
      java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(figures.resolve(png).toFile());
      assertEquals(900, image.getWidth(), png + " is a PNG as wide as --width");
    }
    // The leaderboard is one row per candidate (3 models, 2 ensembles) under a title and a header, and the
    // paired sentence below: taller than 7 rows, shorter than a page.
    int tall = javax.imageio.ImageIO.read(figures.resolve("comparison-leaderboard.png").toFile()).getHeight();
    assertTrue(tall > 7 * 22 && tall < 600, "leaderboard height " + tall);
  }

  /** The printed leaderboard is the one the window and the saved file show: same candidates, same order. */
  @Test
  void thePrintedLeaderboardRanksTheCandidatesAsEveryFrontEndDoes() {
    org.tunescope.store.StudyStore store = new org.tunescope.store.InMemoryStudyStore();
    List<String> names = org.tunescope.app.compare.CompareFixtures.threeModels(store);
    org.tunescope.app.compare.CompareFixtures.withEnsemble(store, "printed", names, "vote", 1.0);
    org.tunescope.app.compare.ComparedStudies c = org.tunescope.app.compare.ComparedStudies.loadComparison(store,
        org.tunescope.ml.models.ModelCatalog.standard(), "printed");
    java.io.StringWriter text = new java.io.StringWriter();
    CompareCommand.printLeaderboard(new java.io.PrintWriter(text, true), c, "printed");
    List<String> lines = text.toString().lines().filter(l -> l.matches(" *\\d+  .*")).toList();
    List<org.tunescope.app.compare.LeaderboardRow> rows = c.leaderboard();
    assertEquals(4, lines.size(), text.toString());
    for (int i = 0; i < rows.size(); i++) {
      assertTrue(lines.get(i).trim().startsWith((i + 1) + "  " + rows.get(i).label() + " "), lines.get(i));
    }
    double members = names.stream().mapToDouble(n -> store.trials(n).get(0).fitSeconds()).sum();
    assertTrue(lines.get(0).contains(String.format(java.util.Locale.ROOT, "Σ %.2f", members)), lines.get(0));
    assertTrue(lines.get(0).endsWith(String.join(", ", names.stream().map(n -> n + " #"
        + store.trials(n).get(0).number()).toList())), lines.get(0));
  }

  @Test
  void aCommaListAddsTheGreedyEnsembleWithItsWeights() throws IOException {
    Path out = dir.resolve("greedy.json");
    CliRun run = CliRun.of("compare", "--data", "sample-datasets/breast_cancer.csv", "--target", "target",
        "--models", "lda,logistic_regression", "--trials", "3", "--folds", "3", "--seed", "2", "--top", "2",
        "--ensemble", "vote,greedy", "--workers", "1", "--quiet", "--store", dir.resolve("s.db").toString(),
        "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("vote of 2") && run.out().contains("greedy of "), run.out());
    JsonNode ensembles = new ObjectMapper().readTree(out.toFile()).get("ensembles");
    assertEquals(List.of("vote", "greedy"), List.of(ensembles.get(0).get("kind").asText(),
        ensembles.get(1).get("kind").asText()));
    JsonNode greedy = ensembles.get(1);
    int weights = 0;
    for (JsonNode m : greedy.get("members")) {
      assertTrue(m.has("study") && m.has("trial") && m.get("weight").asInt() >= 1, m.toString());
      weights += m.get("weight").asInt();
    }
    // The pool is 4 x 2 trials (all 6 here), selected in as many rounds as the pool is large at most.
    assertTrue(weights >= 1 && weights <= 6, greedy.toString());
    assertEquals(3, greedy.get("validation").get("folds").size());
    assertTrue(greedy.has("train") && greedy.has("gap"), greedy.toString());
    for (JsonNode m : ensembles.get(0).get("members")) {
      assertEquals(1, m.get("weight").asInt());
    }
  }

  @Test
  void badChoicesAreOneLine() {
    CliRun param = CliRun.of("compare", "--data", "sample-datasets/iris.csv", "--target", "target",
        "--models", "knn,lda", "--param", "svm.C=1", "--store", dir.resolve("s.db").toString());
    assertEquals(TuneScopeCommand.BAD_INPUT, param.exitCode());
    assertTrue(param.err().contains("not in --models"), param.err());
    CliRun undotted = CliRun.of("compare", "--data", "sample-datasets/iris.csv", "--target", "target",
        "--models", "knn", "--param", "k=1:3", "--store", dir.resolve("s.db").toString());
    assertTrue(undotted.err().contains("MODEL.NAME=RANGE"), undotted.err());
    CliRun ensemble = CliRun.of("compare", "--data", "sample-datasets/iris.csv", "--target", "target",
        "--models", "knn", "--ensemble", "bagging", "--store", dir.resolve("s.db").toString());
    assertTrue(ensemble.err().contains("use none, vote, stack, greedy, both"), ensemble.err());
    CliRun csv = CliRun.of("compare", "--data", "sample-datasets/iris.csv", "--target", "target",
        "--models", "knn", "--out", dir.resolve("c.csv").toString(), "--store", dir.resolve("s.db").toString());
    assertTrue(csv.err().contains("writes JSON"), csv.err());
    for (CliRun r : List.of(param, undotted, ensemble, csv)) {
      assertEquals(1, r.err().lines().count(), r.err());
    }
  }
}
