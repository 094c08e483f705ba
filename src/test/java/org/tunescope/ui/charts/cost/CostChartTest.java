package org.tunescope.ui.charts.cost;

import org.tunescope.ui.charts.TrialsCanvasChart;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;

/** The cost chart's time axis: logarithmic when the trials' costs span decades, linear otherwise. */
@ExtendWith(ApplicationExtension.class)
class CostChartTest {

  private CostChart chart;

  @Start
  void start(Stage stage) {
    chart = new CostChart();
    stage.setScene(new Scene(chart, 700, 400));
    stage.show();
  }

  private static List<Trial> costing(double... seconds) {
    java.util.ArrayList<Trial> trials = new java.util.ArrayList<>();
    for (int i = 0; i < seconds.length; i++) {
      trials.add(new Trial(i, TrialState.COMPLETE, Map.of("C", (double) i), List.of(new FoldScore(0.9, 0.8 + i * 0.01)),
          0, seconds[i], 1_000_000L * (i + 1), Optional.empty(), Instant.EPOCH));
    }
    return trials;
  }

  @Test
  void fitTimesThatSpanDecadesGoOnALogAxis(FxRobot robot) {
    // One slow linear SVR trial among quick ones: on a linear axis the quick ones share the zero column.
    robot.interact(() -> chart.trialsProperty().set(costing(0.04, 0.09, 0.3, 1.5, 130)));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(chart.isLogX(), "0.04 s to 130 s: a log axis");

    robot.interact(() -> chart.trialsProperty().set(costing(0.5, 0.8, 1.2, 2.0)));
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(chart.isLogX(), "0.5 s to 2 s: linear");
  }

  @Test
  void theCheapestAndDearestTrialsHaveRoomAtBothEndsOfALogAxis() {
    double[] x = TrialsCanvasChart.costEnds(0.002, 1.35, true);
    double before = Math.log10(0.002) - Math.log10(x[0]);
    double after = Math.log10(x[1]) - Math.log10(1.35);
    // The dearest trial's dot sat on the right edge (x 1.05 on a log axis is 2 % of a decade).
    org.junit.jupiter.api.Assertions.assertEquals(before, after, 1e-9, "the same room at both ends");
    assertTrue(after > 0.05, "room after the dearest: " + after + " decades");
  }
}
