package org.tunescope.ui.charts.parallel;

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
      LineLayers layers = new LineLayers(Runnable::run, frame -> shown.set(frame.pixels().clone()));
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
        f -> frames.add(new LineLayers.Frame(f.width(), f.height(), f.pixels().clone(), f.coarse())), 10);
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
      assertEquals(W * H, frames.get(1).pixels().length, "then at the chart's size");
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

  private static LineLayers.Job job(long generation, boolean full, boolean antialiased, float[][] pixelY,
      LineLayers.Lines base, LineLayers.Lines lines) {
    return new LineLayers.Job(generation, full, W, H, new double[] {0, W - 1}, pixelY, antialiased, 1, true, base,
        lines, PALETTE);
  }

  private static LineLayers.Lines faint(int... lines) {
    return new LineLayers.Lines(lines, new byte[lines.length], new boolean[lines.length], lines.length);
  }

  private static LineLayers.Lines kept(int... lines) {
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
