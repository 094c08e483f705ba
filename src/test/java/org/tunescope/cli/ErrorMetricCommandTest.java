package org.tunescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An error metric end to end: {@code tune --metric rmse} on diabetes writes gaps that are positive when a
 * model does worse on unseen rows (validation minus train), and the leaderboard says lower is better.
 */
class ErrorMetricCommandTest {

  @TempDir
  Path dir;

  @Test
  void rmseGapsArePositiveForOverfitTreesInTheJsonTheCsvAndTheLeaderboard() throws Exception {
    Path out = dir.resolve("results.json");
    Path db = dir.resolve("studies.db");
    CliRun run = CliRun.of("tune", "--data", "sample-datasets/diabetes.csv", "--target", "target",
        "--model", "decision_tree", "--search", "grid", "--param", "max_depth=2,12,20", "--fix-others", "--folds", "3",
        "--metric", "rmse", "--seed", "0", "--quiet", "--store", db.toString(), "--name", "deep",
        "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("rmse (lower is better); gap = validation - train"), run.out());

    JsonNode root = new ObjectMapper().readTree(out.toFile());
    assertEquals("minimize", root.get("study").get("direction").asText());
    JsonNode trials = root.get("trials");
    assertEquals(3, trials.size());
    for (JsonNode t : trials) {
      double train = t.get("train").get("mean").asDouble();
      double validation = t.get("validation").get("mean").asDouble();
      assertEquals(validation - train, t.get("gap").asDouble(), 1e-9, t.toString());
    }
    JsonNode deepest = trials.get(2);
    assertEquals(20, deepest.get("params").get("max_depth").asInt());
    assertTrue(deepest.get("gap").asDouble() > 20,
        "a depth-20 tree predicts its training rows far better than unseen ones: " + deepest.get("gap"));
    double leaderboardGap = gapOnLeaderboard(run.out(), 2);
    assertEquals(deepest.get("gap").asDouble(), leaderboardGap, 1e-4, run.out());

    CliRun csv = CliRun.of("export", "deep", "--format", "csv", "--store", db.toString());
    assertEquals(0, csv.exitCode(), csv.err());
    List<String> lines = csv.out().lines().toList();
    int gap = List.of(lines.get(0).split(",")).indexOf("gap");
    assertEquals(deepest.get("gap").asDouble(), Double.parseDouble(lines.get(3).split(",")[gap]), 1e-9);
  }

  /** The gap column of the leaderboard row of trial {@code number}. */
  private static double gapOnLeaderboard(String out, int number) {
    for (String line : out.lines().toList()) {
      String[] cells = line.trim().split("\\s+");
      // rank, trial, train mean, ±, std, valid mean, ±, std, gap, fit s, params
      if (cells.length >= 10 && cells[1].equals(String.valueOf(number)) && cells[0].matches("\\d+")) {
        return Double.parseDouble(cells[8]);
      }
    }
    throw new AssertionError("no leaderboard row for trial " + number + " in\n" + out);
  }
}
