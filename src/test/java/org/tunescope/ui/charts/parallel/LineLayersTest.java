package org.tunescope.ui.charts.parallel;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LineLayersTest {

  private static final int W = 10;
  private static final int H = 8;
  private static final int FAINT = LineRaster.premultiplied(0x999999, 0.5);

  @Test
  void linesOfATrialThatFinishesDuringABrushDragStayOnTheFaintLayer() throws Exception {
    AtomicReference<int[]> shown = new AtomicReference<>();
    LineLayers layers = new LineLayers(Runnable::run, frame -> shown.set(frame.pixels().clone()));
    try {
      // Line 0 at y = 2, line 1 (the trial that finishes) at y = 6, both across the two axes.
      float[][] pixelY = {{2, 6}, {2, 6}};
      long first = layers.nextGeneration();
      layers.submit(job(first, true, pixelY, faint(0)));
      await(layers);
      // The trial finishes (an incremental job of that generation), but a brush drag has already started
      // a newer full redraw, which reuses the cached base: the incremental job is skipped.
      long drag = layers.nextGeneration();
      layers.submit(job(first, false, pixelY, faint(1)));
      layers.submit(job(drag, true, pixelY, faint(0, 1)));
      await(layers);
      assertNotNull(shown.get());
      assertNotEquals(0, shown.get()[6 * W + 5], "the finished trial's faint line is still drawn");
      assertNotEquals(0, shown.get()[2 * W + 5]);
    } finally {
      layers.dispose();
    }
  }

  private static LineLayers.Job job(long generation, boolean full, float[][] pixelY, LineLayers.Lines base) {
    return new LineLayers.Job(generation, full, W, H, new double[] {0, W - 1}, pixelY, true, 1, true, base,
        LineLayers.Lines.NONE);
  }

  private static LineLayers.Lines faint(int... lines) {
    int[] colour = new int[lines.length];
    java.util.Arrays.fill(colour, FAINT);
    return new LineLayers.Lines(lines, colour, new boolean[lines.length], lines.length);
  }

  private static void await(LineLayers layers) throws InterruptedException {
    for (int i = 0; i < 500 && layers.pending() > 0; i++) {
      Thread.sleep(10);
    }
  }
}
