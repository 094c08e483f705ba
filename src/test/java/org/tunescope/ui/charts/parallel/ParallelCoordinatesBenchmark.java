package org.tunescope.ui.charts.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
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
 * How fast the chart redraws with 1,000 and 10,000 trials over a 4-parameter space (7 axes) in a
 * 1280x720 window, and how much memory 10,000 trials take. Not part of the test run:
 * {@code mvn -B -o test -Dtunescope.excludedGroups=none -Dgroups=benchmark -Dtest=ParallelCoordinatesBenchmark}.
 *
 * <p>Three gestures, 20 frames each: a brush dragged along an axis (the brush set through the chart, as
 * the mouse does, then the redraw; the brush is drawn before the drag, untimed), the window resized with a
 * brush on (both layers redrawn; the layout redraws by itself), and every line coloured (the brushes
 * cleared, then redrawn as they are). "JavaFX thread" is the time the redraw blocks that thread (the
 * lines are rasterised on a background thread); "first picture" is the time until the first image of the
 * redraw is in the scene (for a resize, the picture on screen stretched onto the new axes in the same
 * layout pass; drawn coarser first when another redraw is too big for a frame), "full picture" until the
 * image drawn at full resolution for this size is.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class ParallelCoordinatesBenchmark {

  private static final int FRAMES = 20;

  private ParallelCoordinatesChart chart;
  private StackPane root;

  @Start
  void start(Stage stage) {
    chart = new ParallelCoordinatesChart();
    chart.spaceProperty().set(ChartTrials.fourParameters());
    chart.directionProperty().set(Direction.MAXIMIZE);
    root = new StackPane(chart);
    stage.setScene(new Scene(root, 1280, 720));
    stage.show();
  }

  private interface Frame {
    void prepare(int frame);
  }

  @Test
  void redraw(FxRobot robot) {
    System.out.printf(Locale.ROOT, "BENCH %d processors; load average %s%n",
        Runtime.getRuntime().availableProcessors(), loadAverage());
    // The first two passes warm the JIT up; -Dbench.sizes=10000 runs one size only (for profiling).
    int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "1000,10000,1000,10000").split(","))
        .mapToInt(Integer::parseInt).toArray();
    for (int n : sizes) {
      List<Trial> trials = ChartTrials.randomFour(n, 42);
      robot.interact(() -> {
        chart.setMaxWidth(Double.MAX_VALUE);
        chart.trialsProperty().get().setAll(trials);
      });
      WaitForAsyncUtils.waitForFxEvents();
      ParallelCoordinatesSkin skin = (ParallelCoordinatesSkin) chart.getSkin();

      // The brush is drawn first (not timed: a new brush, not a drag), then dragged down the axis.
      robot.interact(() -> chart.brush("C", 0.1, 0.4));
      awaitShown(skin);
      long[][] brush = measure(robot, skin, true, f -> {
        double lo = 0.1 + 0.5 * (f + 1) / FRAMES;
        chart.brush("C", lo, lo + 0.3);
      });
      int kept = chart.getModel().keptCount();
      picture(robot, skin, n + "-brushed");
      // The layout redraws by itself, as when the user drags the window's edge.
      long[][] resize = measure(robot, skin, false, f -> {
        chart.setMaxWidth(1280 - 8 * (f % 2 == 0 ? 1 + f : FRAMES - f));
        root.layout();
      });
      resizedPictures(robot, skin, n);
      robot.interact(() -> chart.setMaxWidth(Double.MAX_VALUE));
      awaitShown(skin);
      long[][] all = measure(robot, skin, true, f -> {
        if (f == 0) {
          chart.clearBrushes();
        }
      });
      picture(robot, skin, n + "-every-line");
      report(n, "brush drag (" + kept + " kept)", brush);
      report(n, "resize, brush on", resize);
      report(n, "every line coloured", all);
    }
    memory(robot);
  }

  /**
   * Times FRAMES frames: [0] the JavaFX thread's share (what blocks it), [1] until the first image is shown
   * (the background rasterising included), [2] until the full-resolution image is shown.
   */
  private long[][] measure(FxRobot robot, ParallelCoordinatesSkin skin, boolean redraw, Frame frame) {
    long[] draw = new long[FRAMES];
    long[] shown = new long[FRAMES];
    long[] first = new long[FRAMES];
    long[] lines = new long[FRAMES];
    long[] raster = new long[FRAMES];
    for (int f = 0; f < FRAMES; f++) {
      int k = f;
      long[] start = new long[1];
      robot.interact(() -> {
        start[0] = System.nanoTime();
        frame.prepare(k);
        if (redraw) {
          skin.redrawNow();
        }
        draw[k] = System.nanoTime() - start[0];
        lines[k] = skin.renderer().lastRedrawNanos;
      });
      awaitShown(skin);
      robot.interact(() -> {
        shown[k] = skin.renderer().lastPublishedNanos - start[0];
        first[k] = skin.renderer().firstPublishedNanos - start[0];
        raster[k] = skin.renderer().layers.lastDrawNanos();
      });
    }
    return new long[][] {draw, first, shown, lines, raster};
  }

  /** With -Dbench.pictures=DIR, writes what the chart shows now (the full-resolution picture) to DIR/parallel-NAME.png. */
  private void picture(FxRobot robot, ParallelCoordinatesSkin skin, String name) {
    String dir = System.getProperty("bench.pictures");
    if (dir == null) {
      return;
    }
    awaitShown(skin);
    robot.interact(() -> write(dir, name));
  }

  /**
   * With -Dbench.pictures=DIR, narrows the window by 200 pixels and writes what the chart shows in that same
   * layout pass (the picture drawn for the old size, stretched onto the new axes) and then once the redraw at
   * the new size is shown.
   */
  private void resizedPictures(FxRobot robot, ParallelCoordinatesSkin skin, int n) {
    String dir = System.getProperty("bench.pictures");
    if (dir == null) {
      return;
    }
    awaitShown(skin);
    robot.interact(() -> {
      chart.setMaxWidth(1080);
      root.layout();
      write(dir, n + "-resized-stretched");
    });
    awaitShown(skin);
    robot.interact(() -> write(dir, n + "-resized-redrawn"));
  }

  private void write(String dir, String name) {
    try {
      java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
      org.tunescope.ui.PngExport.write(chart, java.nio.file.Path.of(dir, "parallel-" + name + ".png"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Waits (on the test thread, never the JavaFX thread) until the last redraw's image is shown. It sleeps
   * between looks at the (thread-safe) count of pending redraws rather than queueing work on the JavaFX
   * thread: the times are taken on that thread when a picture is shown, and a busy wait here would take a
   * core from the drawing it measures (the app has no such poller).
   */
  private static void awaitShown(ParallelCoordinatesSkin skin) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (skin.renderer().layers.pending() > 0 && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static void report(int n, String what, long[][] times) {
    System.out.printf(Locale.ROOT, "BENCH %,6d trials, %-28s JavaFX thread median %6.2f ms max %6.2f |"
            + " first picture median %6.2f ms 90%% %6.2f max %6.2f | full picture median %6.2f ms max %6.2f"
            + " (of which: lines listed on the JavaFX thread median %.2f ms, rasterised in the background median"
            + " %.2f ms max %.2f)%n", n, what + ":",
        median(times[0]), max(times[0]), median(times[1]), percentile90(times[1]), max(times[1]), median(times[2]),
        max(times[2]), median(times[3]), median(times[4]), max(times[4]));
  }

  private void memory(FxRobot robot) {
    List<Trial> trials = ChartTrials.randomFour(10_000, 7);
    robot.interact(() -> chart.trialsProperty().get().clear());
    long before = used();
    ParallelCoordinatesModel model = new ParallelCoordinatesModel(ChartTrials.fourParameters(), Direction.MAXIMIZE);
    model.setTrials(trials);
    long after = used();
    List<Trial> copy = new ArrayList<>(ChartTrials.randomFour(10_000, 8));
    long withTrials = used();
    // The skin's own arrays, counted (a heap difference drowns in the images of the runs before): pixel y per
    // axis and line, and the drawing lists (int line, int colour, boolean dashed), both with 50% headroom.
    int axes = model.axes().size();
    double skinArrays = 10_000 * 1.5 * (axes * 4 + 9) / 1e6;
    ParallelCoordinatesSkin skin = (ParallelCoordinatesSkin) chart.getSkin();
    System.out.printf(Locale.ROOT, "BENCH memory: the model's arrays for 10,000 trials %.2f MB; the skin's arrays"
            + " %.2f MB; 10,000 Trial records themselves %.2f MB; images (base, drawn, handed over, shown) 4 x %.2f MB"
            + " at this size, whatever the number of trials%n", (after - before) / 1e6, skinArrays,
        (withTrials - after) / 1e6, skin.interactionCanvas().getWidth() * skin.interactionCanvas().getHeight() * 4 / 1e6);
    if (model.size() + copy.size() == 0) {
      throw new AssertionError();
    }
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "n/a";
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
    Arrays.sort(s);
    return s[s.length / 2] / 1e6;
  }

  /** The 18th of 20 sorted frames: 90% of the frames took this long or less. */
  private static double percentile90(long[] ns) {
    long[] s = ns.clone();
    Arrays.sort(s);
    return s[(int) Math.ceil(0.9 * s.length) - 1] / 1e6;
  }

  private static double max(long[] ns) {
    return Arrays.stream(ns).max().orElse(0) / 1e6;
  }
}
