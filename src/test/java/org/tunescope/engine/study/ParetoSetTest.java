package org.tunescope.engine.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParetoSetTest {

  @Test
  void maximizeAccuracyAndMinimizeLatencyKeepsTheTradeOffOrderedByAccuracy() {
    double[] accuracy = {0.90, 0.95, 0.80, 0.95, 0.85, 0.70};
    double[] latency = {10, 30, 5, 40, 12, 5};
    // 0.95@30 beats 0.95@40; 0.85@12 is beaten by 0.90@10; 0.70@5 by 0.80@5.
    assertEquals(List.of(1, 0, 2), ParetoSet.front(accuracy, Direction.MAXIMIZE, latency, Direction.MINIMIZE));
  }

  @Test
  void theDirectionsDecideWhatDominates() {
    double[] x = {1, 2, 3};
    double[] y = {1, 2, 3};
    assertEquals(List.of(2), ParetoSet.front(x, Direction.MAXIMIZE, y, Direction.MAXIMIZE));
    assertEquals(List.of(0), ParetoSet.front(x, Direction.MINIMIZE, y, Direction.MINIMIZE));
    assertEquals(List.of(2, 1, 0), ParetoSet.front(x, Direction.MAXIMIZE, y, Direction.MINIMIZE));
  }

  @Test
  void equalPointsAreBothOnTheFrontAndMissingValuesNever() {
    double[] x = {1, 1, Double.NaN, 0, Double.POSITIVE_INFINITY};
    double[] y = {1, 1, 5, 2, 9};
    assertEquals(List.of(0, 1, 3), ParetoSet.front(x, Direction.MAXIMIZE, y, Direction.MAXIMIZE));
  }

  @Test
  void agreesWithTheDefinitionOnRandomPoints() {
    Random random = new Random(7);
    for (int round = 0; round < 50; round++) {
      int n = 1 + random.nextInt(60);
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        // Few distinct values, so that ties happen.
        x[i] = random.nextInt(8);
        y[i] = random.nextInt(8);
      }
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        boolean dominated = false;
        for (int j = 0; j < n; j++) {
          dominated |= x[j] <= x[i] && y[j] >= y[i] && (x[j] < x[i] || y[j] > y[i]);
        }
        if (!dominated) {
          expected.add(i);
        }
      }
      List<Integer> got = new ArrayList<>(ParetoSet.front(x, Direction.MINIMIZE, y, Direction.MAXIMIZE));
      got.sort(null);
      assertEquals(expected, got, "round " + round);
    }
  }

  @Test
  void objectivesOfDifferentLengthsAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> ParetoSet.front(new double[2], Direction.MAXIMIZE, new double[3], Direction.MAXIMIZE));
  }
}
