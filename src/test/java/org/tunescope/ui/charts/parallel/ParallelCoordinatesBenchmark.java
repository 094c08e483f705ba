package org.tunescope.ui.charts.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;

/**
 * How fast the chart redraws while a brush is dragged, with 1,000 and 10,000 trials over a 4-parameter
 * space, and how much memory 10,000 trials take. Not part of the test run:
 * {@code mvn -B -o test -Dtunescope.excludedGroups=none -Dgroups=benchmark -Dtest=ParallelCoordinatesBenchmark}.
 * Each frame moves the brush, redraws every line (timed on the JavaFX thread) and then renders the canvas
 * with a snapshot (timed too: the rasterising Prism does at the next pulse, plus reading the pixels back).
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class ParallelCoordinatesBenchmark {

  private ParallelCoordinatesChart chart;

  @Start
  void start(Stage stage) {
    chart = new ParallelCoordinatesChart();
    chart.setSpace(ChartTrials.fourParameters());
    chart.setDirection(Direction.MAXIMIZE);
    stage.setScene(new Scene(new StackPane(chart), 1280, 720));
    stage.show();
  }

  @Test
  void redrawWhileBrushing(FxRobot robot) {
    for (int n : new int[] {1_000, 10_000, 1_000, 10_000}) {
      List<Trial> trials = ChartTrials.randomFour(n, 42);
      robot.interact(() -> chart.getTrials().setAll(trials));
      WaitForAsyncUtils.waitForFxEvents();
      ParallelCoordinatesSkin skin = (ParallelCoordinatesSkin) chart.getSkin();
      int frames = 20;
      long[] draw = new long[frames];
      long[] render = new long[frames];
      AtomicReference<WritableImage> image = new AtomicReference<>();
      for (int f = 0; f < frames; f++) {
        int frame = f;
        robot.interact(() -> {
          double lo = 0.1 + 0.5 * frame / frames;
          chart.getModel().setBrush("C", lo, lo + 0.3);
          long t0 = System.nanoTime();
          skin.redrawNow();
          long t1 = System.nanoTime();
          image.set(skin.interactionCanvas().getParent().snapshot(null, image.get()));
          long t2 = System.nanoTime();
          draw[frame] = t1 - t0;
          render[frame] = t2 - t0;
        });
      }
      int kept = chart.getModel().keptCount();
      long[] all = new long[5];
      for (int f = 0; f < all.length; f++) {
        int frame = f;
        robot.interact(() -> {
          chart.getModel().clearBrushes();
          long t0 = System.nanoTime();
          skin.redrawNow();
          skin.interactionCanvas().getParent().snapshot(null, image.get());
          all[frame] = System.nanoTime() - t0;
        });
      }
      System.out.printf(Locale.ROOT, "BENCH %,6d trials, brush drag (%d kept): redraw on the FX thread median %.2f ms"
              + " (p90 %.2f), with rendering median %.2f ms (p90 %.2f); every line coloured (no brush, after a"
              + " rescale) with rendering median %.2f ms%n", n, kept, median(draw), p90(draw), median(render),
          p90(render), median(all));
    }
    memory(robot);
  }

  private void memory(FxRobot robot) {
    List<Trial> trials = ChartTrials.randomFour(10_000, 7);
    robot.interact(() -> chart.getTrials().clear());
    long before = used();
    ParallelCoordinatesModel model = new ParallelCoordinatesModel(ChartTrials.fourParameters(), Direction.MAXIMIZE);
    model.setTrials(trials);
    long after = used();
    List<Trial> copy = new ArrayList<>(ChartTrials.randomFour(10_000, 8));
    long withTrials = used();
    System.out.printf(Locale.ROOT, "BENCH memory: the model's arrays for 10,000 trials %.2f MB; 10,000 Trial records"
        + " themselves %.2f MB%n", (after - before) / 1e6, (withTrials - after) / 1e6);
    if (model.size() + copy.size() == 0) {
      throw new AssertionError();
    }
  }

  private static long used() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  private static double median(long[] ns) {
    long[] s = ns.clone();
    java.util.Arrays.sort(s);
    return s[s.length / 2] / 1e6;
  }

  private static double p90(long[] ns) {
    long[] s = ns.clone();
    java.util.Arrays.sort(s);
    return s[(int) (s.length * 0.9)] / 1e6;
  }
}
