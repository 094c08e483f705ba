package org.tunescope.ui.charts.history;

import org.tunescope.ui.charts.TrialsCanvasChart;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;

/** The history's x axis leaves room at both ends: the first and last trials' dots are drawn whole. */
class HistoryChartTest {

  @Test
  void theFirstAndLastTrialsSitInsideTheAxisNotOnItsEnds() {
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      trials.add(new Trial(i, TrialState.COMPLETE, Map.of("k", (long) i), List.of(new FoldScore(0.9, 0.8)), i, 0.1,
          0, Optional.empty(), Instant.EPOCH.plusSeconds(i)));
    }
    double[] x = TrialsCanvasChart.historyRange(List.of(trials), false);
    double width = x[1] - x[0];
    // Trials 0 and 19 were at the very ends, their dots cut in half by the plot's edges.
    assertTrue(0 - x[0] >= 0.02 * width, "room before trial 0: " + x[0]);
    assertTrue(x[1] - 19 >= 0.02 * width, "room after trial 19: " + x[1]);
  }
}
