package org.tunescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;

/** The leaderboard as tune, resume and show print it. */
class LeaderboardTest {

  private static Trial trial(int number, double validation, Map<String, Double> attributes) {
    return new Trial(number, TrialState.COMPLETE, Map.of("trees", 100 + number),
        List.of(new FoldScore(0.99, validation), new FoldScore(0.98, validation)), number, 0.5, 0, Optional.empty(),
        Instant.EPOCH, 1.0, attributes);
  }

  private static List<String> print(List<Trial> trials) {
    StringWriter out = new StringWriter();
    Leaderboard.print(new PrintWriter(out, true), trials, "accuracy", Direction.MAXIMIZE, Optional.empty(),
        Optional.empty(), Set.of("trees"), Leaderboard.SIZE);
    return out.toString().lines().toList();
  }

  private static String row(List<String> lines, int trial) {
    return lines.stream().filter(l -> l.matches("\\s*\\d+\\s+" + trial + "\\s.*")).findFirst().orElseThrow();
  }

  @Test
  void earlyStoppedTrialsShowTheRoundTheyStoppedAt() {
    List<String> lines = print(List.of(trial(0, 0.90, Map.of("best_round", 37.0)), trial(1, 0.95, Map.of()),
        trial(2, 0.93, Map.of("best_round", 112.0))));
    String header = lines.stream().filter(l -> l.startsWith("rank")).findFirst().orElseThrow();
    assertTrue(header.contains("best_round"), header);
    int column = header.indexOf("best_round") + "best_round".length();
    assertEquals("37", row(lines, 0).substring(0, column).trim().replaceAll(".*\\s", ""), row(lines, 0));
    assertEquals("112", row(lines, 2).substring(0, column).trim().replaceAll(".*\\s", ""), row(lines, 2));
    // a trial without one leaves the column blank, not a zero
    assertTrue(row(lines, 1).substring(0, column).endsWith("          "), row(lines, 1));
    assertTrue(row(lines, 1).endsWith("trees=101"), row(lines, 1));
  }

  @Test
  void studiesWithoutEarlyStoppingHaveNoRoundColumn() {
    List<String> lines = print(List.of(trial(0, 0.90, Map.of()), trial(1, 0.95, Map.of())));
    String header = lines.stream().filter(l -> l.startsWith("rank")).findFirst().orElseThrow();
    assertFalse(header.contains("best_round"), header);
    assertEquals("   1     1  0.9850 ± 0.0050   0.9500 ± 0.0000     0.0350    0.50  trees=101", row(lines, 1));
  }
}
