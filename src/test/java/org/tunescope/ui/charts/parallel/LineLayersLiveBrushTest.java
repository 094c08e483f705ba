package org.tunescope.ui.charts.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Trials finishing between brush changes, with the counted drawing: the picture stays what a fresh redraw paints. */
class LineLayersLiveBrushTest {

  private static final int W = 40;
  private static final int H = 32;
  private static final LineLayers.Palette PALETTE =
      new LineLayers.Palette(new int[] {0x80999999, 0xCC666666, 0xFF2040A0, 0xFFFFE000}, 0.55);

  /** Clearing the brushes marks line numbers not yet drawn as kept; a later unkept trial is then subtracted. */
  @Test
  void aTrialOutsideTheBrushAfterClearingBrushesKeepsTheKeptLayerRight() throws Exception {
    float[][] y6 = {{4, 8, 12, 16, 20, 24}, {4, 8, 12, 16, 20, 24}};
    AtomicReference<int[]> shown = new AtomicReference<>();
    LineLayers layers = new LineLayers(Runnable::run, f -> shown.set(f.pixels().clone()));
    try {
      long g = layers.nextGeneration();
      layers.submit(job(g, true, first(y6, 4), lines(0, 1, 2, 3), lines(0, 1)));   // brushed
      await(layers);
      layers.submit(job(g, false, first(y6, 5), lines(4), lines(4)));            // trial 4 finishes, kept
      await(layers);
      layers.submit(job(layers.nextGeneration(), true, first(y6, 5), lines(0, 1, 2, 3, 4),
          lines(0, 1, 2, 3, 4)));                                                  // clear brushes
      await(layers);
      g = layers.nextGeneration();
      layers.submit(job(g, true, first(y6, 5), lines(0, 1, 2, 3, 4), lines(0, 1, 4)));  // brush again
      await(layers);
      layers.submit(job(g, false, first(y6, 6), lines(5), lines()));             // trial 5, outside
      await(layers);
      LineLayers.Job last = job(layers.nextGeneration(), true, first(y6, 6), lines(0, 1, 2, 3, 4, 5),
          lines(0, 1, 4));                                                         // brush nudged
      layers.submit(last);
      await(layers);

      AtomicReference<int[]> fresh = new AtomicReference<>();
      LineLayers once = new LineLayers(Runnable::run, f -> fresh.set(f.pixels().clone()));
      once.submit(job(once.nextGeneration(), true, first(y6, 6), lines(0, 1, 2, 3, 4, 5), lines(0, 1, 4)));
      await(once);
      once.dispose();
      assertArrayEquals(fresh.get(), shown.get());
    } finally {
      layers.dispose();
    }
  }

  /** The same stale mask: a kept trial finishing during a brush drag never reaches the kept layer. */
  @Test
  void aKeptTrialFinishingDuringADragAfterClearingBrushesIsDrawnKept() throws Exception {
    float[][] y6 = {{4, 8, 12, 16, 20, 24}, {4, 8, 12, 16, 20, 24}};
    AtomicReference<int[]> shown = new AtomicReference<>();
    LineLayers layers = new LineLayers(Runnable::run, f -> shown.set(f.pixels().clone()));
    try {
      long g = layers.nextGeneration();
      layers.submit(job(g, true, first(y6, 4), lines(0, 1, 2, 3), lines(0, 1)));
      await(layers);
      layers.submit(job(g, false, first(y6, 5), lines(4), lines(4)));
      await(layers);
      layers.submit(job(layers.nextGeneration(), true, first(y6, 5), lines(0, 1, 2, 3, 4), lines(0, 1, 2, 3, 4)));
      await(layers);
      g = layers.nextGeneration();
      layers.submit(job(g, true, first(y6, 5), lines(0, 1, 2, 3, 4), lines(0, 1, 4)));
      await(layers);
      long drag = layers.nextGeneration();
      layers.submit(job(g, false, first(y6, 6), lines(5), lines(5)));             // skipped by the drag
      layers.submit(job(drag, true, first(y6, 6), lines(0, 1, 2, 3, 4, 5), lines(0, 1, 4, 5)));
      await(layers);

      AtomicReference<int[]> fresh = new AtomicReference<>();
      LineLayers once = new LineLayers(Runnable::run, f -> fresh.set(f.pixels().clone()));
      once.submit(job(once.nextGeneration(), true, first(y6, 6), lines(0, 1, 2, 3, 4, 5), lines(0, 1, 4, 5)));
      await(once);
      once.dispose();
      assertArrayEquals(fresh.get(), shown.get());
    } finally {
      layers.dispose();
    }
  }

  private static float[][] first(float[][] y, int n) {
    return new float[][] {java.util.Arrays.copyOf(y[0], n), java.util.Arrays.copyOf(y[1], n)};
  }

  private static LineLayers.Job job(long generation, boolean full, float[][] pixelY, LineLayers.Lines base,
      LineLayers.Lines lines) {
    return new LineLayers.Job(generation, full, W, H, new double[] {0, W - 1}, pixelY, false, 1, true, base,
        lines, PALETTE);
  }

  private static LineLayers.Lines lines(int... lines) {
    byte[] codes = new byte[lines.length];
    java.util.Arrays.fill(codes, (byte) 3);
    return new LineLayers.Lines(lines, codes, new boolean[lines.length], lines.length);
  }

  private static void await(LineLayers layers) throws InterruptedException {
    for (int i = 0; i < 500 && layers.pending() > 0; i++) {
      Thread.sleep(10);
    }
  }
}
