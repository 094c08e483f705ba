package org.tunescope.ui.charts.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LineLayersTest {

  private static final int W = 40;
  private static final int H = 32;
  private static final LineLayers.Palette PALETTE =
      new LineLayers.Palette(new int[] {0x80999999, 0xCC666666, 0xFF2040A0, 0xFFFFE000}, 1.0);

  @Test
  void linesOfATrialThatFinishesDuringABrushDragStayOnTheFaintLayer() throws Exception {
    for (boolean antialiased : new boolean[] {true, false}) {
      AtomicReference<int[]> shown = new AtomicReference<>();
      LineLayers layers = new LineLayers(Runnable::run, frame -> shown.set(shownPixels(frame)));
      try {
        // Line 0 at y = 8, line 1 (the trial that finishes) at y = 24, both across the two axes.
        float[][] pixelY = {{8, 24}, {8, 24}};
        long first = layers.nextGeneration();
        layers.submit(job(first, true, antialiased, pixelY, faint(0), LineLayers.Lines.NONE));
        await(layers);
        // The trial finishes (an incremental job of that generation), but a brush drag has already started
        // a newer full redraw, which reuses the cached base: the incremental job is skipped.
        long drag = layers.nextGeneration();
        layers.submit(job(first, false, antialiased, pixelY, faint(1), LineLayers.Lines.NONE));
        layers.submit(job(drag, true, antialiased, pixelY, faint(0, 1), LineLayers.Lines.NONE));
        await(layers);
        assertNotNull(shown.get());
        assertNotEquals(0, shown.get()[24 * W + 20], "the finished trial's faint line is still drawn");
        assertNotEquals(0, shown.get()[8 * W + 20]);
      } finally {
        layers.dispose();
      }
    }
  }

  @Test
  void aRedrawTooBigForAFrameIsShownCoarseFirstThenAtFullResolution() throws Exception {
    List<LineLayers.Frame> frames = new CopyOnWriteArrayList<>();
    LineLayers layers = new LineLayers(Runnable::run,
        f -> frames.add(new LineLayers.Frame(f.width(), f.height(), shownPixels(f), f.shift(),
            f.plotWidth(), f.plotHeight(), f.generation())), 10);
    try {
      float[][] pixelY = {{8, 24}, {8, 24}};
      layers.submit(job(layers.nextGeneration(), true, false, pixelY, faint(0, 1), kept(1)));
      await(layers);
      assertEquals(2, frames.size());
      assertEquals(true, frames.get(0).coarse());
      assertEquals(false, frames.get(1).coarse());
      LineLayers.Frame coarse = frames.get(0);
      assertTrue(coarse.width() < W && coarse.height() < H, "coarse: smaller, scaled up when shown");
      int scale = W / coarse.width();
      assertEquals(H / scale, coarse.height());
      for (LineLayers.Frame f : frames) {
        int s = W / f.width();
        assertEquals(0xFFFFE000, f.pixels()[24 / s * f.width() + 20 / s], "the kept line");
        assertNotEquals(0, f.pixels()[8 / s * f.width() + 20 / s], "the faint line");
      }
      assertEquals(W, frames.get(1).width(), "then at the chart's size");
      assertEquals(H, frames.get(1).height());
    } finally {
      layers.dispose();
    }
  }

  @Test
  void aRedrawOfOnlyANewSizeIsDrawnAtFullResolutionWithoutACoarsePass() throws Exception {
    List<LineLayers.Frame> frames = new CopyOnWriteArrayList<>();
    LineLayers layers = new LineLayers(Runnable::run, f -> frames.add(f), 10);
    try {
      float[][] pixelY = {{8, 24}, {8, 24}};
      LineLayers.Job big = job(layers.nextGeneration(), true, false, pixelY, faint(0, 1), kept(1));
      layers.submit(new LineLayers.Job(big.generation(), true, W, H, big.axisX(), pixelY, false, 1, true, big.base(),
          big.lines(), PALETTE, true));
      await(layers);
      assertEquals(1, frames.size(), "the picture on screen, stretched, stands in for a coarse one");
      assertEquals(false, frames.get(0).coarse());
      assertEquals(W, frames.get(0).plotWidth());
      assertEquals(big.generation(), frames.get(0).generation());
    } finally {
      layers.dispose();
    }
  }

  @Test
  void aCountedLineLooksTheSameOnAnInnerAxisAsBesideIt() throws Exception {
    AtomicReference<int[]> shown = new AtomicReference<>();
    LineLayers layers = new LineLayers(Runnable::run, f -> shown.set(shownPixels(f)));
    try {
      // One translucent kept line along y = 8 through the three axes (the inner one at x = 20).
      float[][] pixelY = {{8}, {8}, {8}};
      layers.submit(countedJob(layers.nextGeneration(), pixelY, faint(0), kept(0)));
      await(layers);
      int[] p = shown.get();
      assertNotEquals(0, p[8 * W + 19]);
      assertEquals(p[8 * W + 19], p[8 * W + 20], "the pixel on the axis: counted once, not by both segments");
      assertEquals(p[8 * W + 19], p[8 * W + 21]);
    } finally {
      layers.dispose();
    }
  }

  @Test
  void aNewerRedrawSkipsTheFullResolutionPassOfAnOlderOne() throws Exception {
    List<Boolean> coarse = new CopyOnWriteArrayList<>();
    AtomicReference<LineLayers> layers = new AtomicReference<>();
    layers.set(new LineLayers(Runnable::run, f -> {
      coarse.add(f.coarse());
      if (coarse.size() == 1) {
        layers.get().nextGeneration(); // the window is resized again while the first picture is shown
      }
    }, 10));
    try {
      float[][] pixelY = {{8, 24}, {8, 24}};
      layers.get().submit(job(layers.get().nextGeneration(), true, false, pixelY, faint(0, 1), kept(1)));
      await(layers.get());
      assertEquals(List.of(true), coarse, "only the coarse picture of the older redraw");
    } finally {
      layers.get().dispose();
    }
  }

  @Test
  void aBrushDragThatOnlyAddsAndTakesAwayLinesPaintsWhatAFullRedrawPaints() throws Exception {
    int lines = 400;
    java.util.Random random = new java.util.Random(5);
    float[][] pixelY = new float[3][lines];
    for (float[] axis : pixelY) {
      for (int i = 0; i < lines; i++) {
        axis[i] = random.nextFloat() * (H - 1);
      }
    }
    byte[] codes = new byte[lines];
    boolean[] dashed = new boolean[lines];
    int[] all = new int[lines];
    for (int i = 0; i < lines; i++) {
      all[i] = i;
      codes[i] = (byte) (2 + random.nextInt(2));
      dashed[i] = i % 17 == 0;
    }
    LineLayers.Lines base = new LineLayers.Lines(all, codes, dashed, lines);
    AtomicReference<int[]> dragged = new AtomicReference<>();
    LineLayers drag = new LineLayers(Runnable::run, f -> dragged.set(shownPixels(f)));
    AtomicReference<int[]> fresh = new AtomicReference<>();
    LineLayers once = new LineLayers(Runnable::run, f -> fresh.set(shownPixels(f)));
    try {
      // A brush keeping the lines whose first value lies in a window that slides down, then grows to all.
      for (int step = 0; step <= 6; step++) {
        float lo = step * 3;
        float hi = step == 6 ? H : lo + 12;
        int[] keptLines = java.util.stream.IntStream.range(0, lines)
            .filter(i -> pixelY[0][i] >= lo && pixelY[0][i] <= hi).toArray();
        LineLayers.Lines kept = select(base, keptLines);
        drag.submit(countedJob(drag.nextGeneration(), pixelY, base, kept));
        await(drag);
        if (step == 3 || step == 6) {
          once.submit(countedJob(once.nextGeneration(), pixelY, base, kept));
          await(once);
          assertArrayEquals(fresh.get(), dragged.get(), "step " + step);
        }
        LineLayers fromScratch = new LineLayers(Runnable::run, f -> fresh.set(shownPixels(f)));
        fromScratch.submit(countedJob(fromScratch.nextGeneration(), pixelY, base, kept));
        await(fromScratch);
        fromScratch.dispose();
        assertArrayEquals(fresh.get(), dragged.get(), "step " + step + ": the same picture as drawn afresh");
      }
    } finally {
      drag.dispose();
      once.dispose();
    }
  }

  /** Clearing the brushes marks line numbers not yet drawn as kept; a later unkept trial is then subtracted. */
  @Test
  void aTrialOutsideTheBrushAfterClearingBrushesKeepsTheKeptLayerRight() throws Exception {
    AtomicReference<int[]> shown = new AtomicReference<>();
    LineLayers layers = new LineLayers(Runnable::run, f -> shown.set(shownPixels(f)));
    try {
      long g = brushClearAndBrushAgain(layers);
      layers.submit(liveJob(g, false, first(Y6, 6), kept(5), kept()));             // trial 5, outside
      await(layers);
      LineLayers.Job last = liveJob(layers.nextGeneration(), true, first(Y6, 6), kept(0, 1, 2, 3, 4, 5),
          kept(0, 1, 4));                                                         // brush nudged
      layers.submit(last);
      await(layers);
      assertArrayEquals(drawnAfresh(kept(0, 1, 4)), shown.get());
    } finally {
      layers.dispose();
    }
  }

  /** The same stale mask: a kept trial finishing during a brush drag never reaches the kept layer. */
  @Test
  void aKeptTrialFinishingDuringADragAfterClearingBrushesIsDrawnKept() throws Exception {
    AtomicReference<int[]> shown = new AtomicReference<>();
    LineLayers layers = new LineLayers(Runnable::run, f -> shown.set(shownPixels(f)));
    try {
      long g = brushClearAndBrushAgain(layers);
      long drag = layers.nextGeneration();
      layers.submit(liveJob(g, false, first(Y6, 6), kept(5), kept(5)));             // skipped by the drag
      layers.submit(liveJob(drag, true, first(Y6, 6), kept(0, 1, 2, 3, 4, 5), kept(0, 1, 4, 5)));
      await(layers);
      assertArrayEquals(drawnAfresh(kept(0, 1, 4, 5)), shown.get());
    } finally {
      layers.dispose();
    }
  }

  /** Six horizontal lines, 4 rows apart, across two axes. */
  private static final float[][] Y6 = {{4, 8, 12, 16, 20, 24}, {4, 8, 12, 16, 20, 24}};

  /**
   * Four lines, two brushed; trial 4 finishes kept; the brushes are cleared; a brush keeps 0, 1 and 4.
   *
   * @return the generation of the last brush, which later incremental jobs carry
   */
  private static long brushClearAndBrushAgain(LineLayers layers) throws InterruptedException {
    long g = layers.nextGeneration();
    layers.submit(liveJob(g, true, first(Y6, 4), kept(0, 1, 2, 3), kept(0, 1)));   // brushed
    await(layers);
    layers.submit(liveJob(g, false, first(Y6, 5), kept(4), kept(4)));            // trial 4 finishes, kept
    await(layers);
    layers.submit(liveJob(layers.nextGeneration(), true, first(Y6, 5), kept(0, 1, 2, 3, 4),
        kept(0, 1, 2, 3, 4)));                                                  // clear brushes
    await(layers);
    g = layers.nextGeneration();
    layers.submit(liveJob(g, true, first(Y6, 5), kept(0, 1, 2, 3, 4), kept(0, 1, 4)));  // brush again
    await(layers);
    return g;
  }

  /** The picture of all six lines with {@code kept} kept, drawn by a new layer set in one job. */
  private static int[] drawnAfresh(LineLayers.Lines kept) throws InterruptedException {
    AtomicReference<int[]> fresh = new AtomicReference<>();
    LineLayers once = new LineLayers(Runnable::run, f -> fresh.set(shownPixels(f)));
    try {
      once.submit(liveJob(once.nextGeneration(), true, first(Y6, 6), kept(0, 1, 2, 3, 4, 5), kept));
      await(once);
      return fresh.get();
    } finally {
      once.dispose();
    }
  }

  private static float[][] first(float[][] y, int n) {
    return new float[][] {java.util.Arrays.copyOf(y[0], n), java.util.Arrays.copyOf(y[1], n)};
  }

  /** A job of the counted drawing over two axes, translucent lines. */
  private static LineLayers.Job liveJob(long generation, boolean full, float[][] pixelY, LineLayers.Lines base,
      LineLayers.Lines lines) {
    return new LineLayers.Job(generation, full, W, H, new double[] {0, W - 1}, pixelY, false, 1, true, base,
        lines, new LineLayers.Palette(PALETTE.colours(), 0.55), false);
  }

  private static LineLayers.Lines select(LineLayers.Lines base, int[] lines) {
    byte[] codes = new byte[lines.length];
    boolean[] dashed = new boolean[lines.length];
    for (int j = 0; j < lines.length; j++) {
      codes[j] = base.code()[lines[j]];
      dashed[j] = base.dashed()[lines[j]];
    }
    return new LineLayers.Lines(lines, codes, dashed, lines.length);
  }

  private static LineLayers.Job countedJob(long generation, float[][] pixelY, LineLayers.Lines base,
      LineLayers.Lines kept) {
    return new LineLayers.Job(generation, true, W, H, new double[] {0, W / 2.0, W - 1}, pixelY, false, 1, true, base,
        kept, new LineLayers.Palette(PALETTE.colours(), 0.55), false);
  }

  private static LineLayers.Job job(long generation, boolean full, boolean antialiased, float[][] pixelY,
      LineLayers.Lines base, LineLayers.Lines lines) {
    return new LineLayers.Job(generation, full, W, H, new double[] {0, W - 1}, pixelY, antialiased, 1, true, base,
        lines, PALETTE, false);
  }

  /** Every visible line (the base), code 3. */
  private static LineLayers.Lines faint(int... lines) {
    return kept(lines);
  }

  private static LineLayers.Lines kept(int... lines) {
    byte[] codes = new byte[lines.length];
    java.util.Arrays.fill(codes, (byte) 3);
    return new LineLayers.Lines(lines, codes, new boolean[lines.length], lines.length);
  }

  /** A copy of the frame's pixels (its buffer may be longer: buffers are reused for smaller frames). */
  private static int[] shownPixels(LineLayers.Frame f) {
    return java.util.Arrays.copyOf(f.pixels(), f.width() * f.height());
  }

  private static void await(LineLayers layers) throws InterruptedException {
    for (int i = 0; i < 500 && layers.pending() > 0; i++) {
      Thread.sleep(10);
    }
  }
}
