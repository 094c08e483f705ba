package org.tunescope.ui.charts.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LineDensityTest {

  private static final int W = 12;
  private static final int H = 10;
  private static final int ALL = Integer.MAX_VALUE;
  private static final long ONE_LINE = LineDensity.weight(5, true);

  @Test
  void aSteepLineCountsOnePixelOnEveryRowItCrosses() {
    LineDensity d = density();
    d.add(d.all(), 2, 0, 4, 9, false, true, 0, ALL, ONE_LINE);
    for (int y = 0; y < H; y++) {
      int count = 0;
      for (int x = 0; x < W; x++) {
        count += d.countAt(d.all(), x, y);
      }
      assertEquals(1, count, "row " + y);
    }
  }

  @Test
  void linesOverThePixelAddUpAndABandTouchesOnlyItsRows() {
    LineDensity d = density();
    for (int i = 0; i < 3; i++) {
      d.add(d.all(), 0, 4, 11, 4, false, true, 0, ALL, ONE_LINE);
    }
    for (int x = 0; x < W; x++) {
      assertEquals(3, d.countAt(d.all(), x, 4), "column " + x);
    }
    d.add(d.all(), 3, 0, 3, 9, false, true, 5, 8, ONE_LINE); // a vertical line, drawn in the band of rows 5..7
    for (int y = 0; y < H; y++) {
      assertEquals((y == 4 ? 3 : 0) + (y >= 5 && y < 8 ? 1 : 0), d.countAt(d.all(), 3, y), "row " + y);
    }
  }

  @Test
  void aPolylineCountsThePixelOnAnAxisOnceAndASteepOneCoversEveryRow() {
    LineDensity d = density();
    d.add(d.all(), 0, 4, 6, 4, false, false, 0, ALL, ONE_LINE); // through an axis at x = 6
    d.add(d.all(), 6, 4, 11, 4, false, true, 0, ALL, ONE_LINE);
    for (int x = 0; x < W; x++) {
      assertEquals(1, d.countAt(d.all(), x, 4), "column " + x);
    }
    LineDensity tall = new LineDensity();
    tall.resize(24, 210);
    tall.add(tall.all(), 0, 0, 10, 100, false, false, 0, ALL, ONE_LINE); // steep, through an axis at x = 10
    tall.add(tall.all(), 10, 100, 20, 200, false, true, 0, ALL, ONE_LINE);
    for (int y = 0; y <= 200; y++) {
      int count = 0;
      for (int x = 0; x < 24; x++) {
        count += tall.countAt(tall.all(), x, y);
      }
      assertEquals(1, count, "row " + y);
    }
  }

  @Test
  void aSegmentDrawnBandByBandCoversExactlyThePixelsItCoversDrawnWhole() {
    Random random = new Random(11);
    for (int i = 0; i < 2000; i++) {
      double x0 = random.nextDouble() * 5;
      double x1 = x0 + random.nextDouble() * 6;
      double y0 = random.nextDouble() * 14 - 2;
      double y1 = random.nextDouble() * 14 - 2;
      boolean dashed = i % 7 == 0;
      LineDensity whole = density();
      whole.add(whole.all(), x0, y0, x1, y1, dashed, i % 2 == 0, 0, ALL, ONE_LINE);
      LineDensity banded = density();
      int from = 0;
      while (from < H) {
        int to = Math.min(H, from + 1 + random.nextInt(4));
        banded.add(banded.all(), x0, y0, x1, y1, dashed, i % 2 == 0, from, to, ONE_LINE);
        from = to;
      }
      assertArrayEquals(whole.all(), banded.all(), "segment " + i);
    }
  }

  @Test
  void aPixelShowsTheMeanCodeOfItsCompleteLines() {
    LineDensity d = density();
    d.add(d.kept(), 0, 2, 11, 2, false, true, 0, ALL, LineDensity.weight(9, true));
    d.add(d.kept(), 0, 2, 11, 2, false, true, 0, ALL, LineDensity.weight(4, true));
    d.add(d.kept(), 0, 2, 11, 2, true, true, 0, ALL, LineDensity.weight(1, false)); // a failed trial: no colour vote
    assertEquals(7, d.meanCodeAt(d.kept(), 0, 2), "(9 + 4) / 2, rounded");
    assertEquals(0, d.meanCodeAt(d.kept(), 6, 3));
  }

  @Test
  void takingLinesAwayUndoesAddingThemExactly() {
    LineDensity d = density();
    Random random = new Random(3);
    double[][] lines = new double[40][];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = new double[] {random.nextDouble() * 3, random.nextDouble() * 14 - 2, 8 + random.nextDouble() * 6,
          random.nextDouble() * 14 - 2};
      d.add(d.kept(), lines[i][0], lines[i][1], lines[i][2], lines[i][3], i % 5 == 0, true, 0, ALL,
          LineDensity.weight(2 + i % 30, i % 5 != 0));
    }
    long[] firstTen = d.kept().clone();
    for (int i = 10; i < lines.length; i++) {
      d.add(d.kept(), lines[i][0], lines[i][1], lines[i][2], lines[i][3], i % 5 == 0, true, 0, ALL,
          -LineDensity.weight(2 + i % 30, i % 5 != 0));
    }
    LineDensity fresh = density();
    for (int i = 0; i < 10; i++) {
      fresh.add(fresh.kept(), lines[i][0], lines[i][1], lines[i][2], lines[i][3], i % 5 == 0, true, 0, ALL,
          LineDensity.weight(2 + i % 30, i % 5 != 0));
    }
    assertArrayEquals(fresh.kept(), d.kept(), "the first ten lines, as if the others had never been drawn");
    assertTrue(java.util.Arrays.stream(firstTen).anyMatch(v -> v != 0));
  }

  @Test
  void dashedLinesLeaveGapsAndLinesLeavingTheImageAreClipped() {
    LineDensity d = density();
    d.add(d.all(), 0, 1, 11, 1, true, true, 0, ALL, ONE_LINE);
    int drawn = 0;
    for (int x = 0; x < W; x++) {
      drawn += d.countAt(d.all(), x, 1);
    }
    assertTrue(drawn >= 6 && drawn <= 8, "4 of every 7 pixels: " + drawn);
    d.add(d.all(), 0, -20, 11, 30, false, true, 0, ALL, ONE_LINE); // crosses the image from above to below
    int inside = 0;
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        inside += d.countAt(d.all(), x, y);
      }
    }
    assertTrue(inside > drawn && inside <= drawn + H, "only the rows inside: " + (inside - drawn));
  }

  @Test
  void composingPaintsNFaintLinesAsNBlendsAndAnOpaqueKeptLineOverThem() {
    LineDensity d = density();
    int faintColour = 0x40 << 24 | 0x808080; // a quarter opaque
    for (int i = 0; i < 2; i++) {
      d.add(d.all(), 0, 5, 11, 5, false, true, 0, ALL, LineDensity.weight(2, true));
    }
    d.add(d.kept(), 6, 5, 11, 5, false, true, 0, ALL, LineDensity.weight(2, true));
    int[] codes = {0, 0, 0xFF2040A0};
    LineDensity.Colours colours = LineDensity.Colours.of(faintColour, codes, 1.0, true);
    int[] out = new int[W * H];
    d.compose(out, 0, H, colours);

    int oneLine = LineRaster.premultiplied(0x808080, 0x40 / 255.0);
    int twoBlends = blend(oneLine, blend(oneLine, 0));
    assertEquals(twoBlends >>> 24, out[5 * W + 2] >>> 24, 2, "alpha of two faint lines");
    assertEquals(0xFF2040A0, out[5 * W + 8], "the kept line on top");
    assertEquals(0, out[0], "nothing elsewhere");
  }

  @Test
  void aSmallerSizeReusesTheArraysAndCountsAsAFreshDensityOfThatSize() {
    LineDensity d = density();
    d.add(d.all(), 0, 1, 11, 8, false, true, 0, ALL, ONE_LINE);
    d.keepAll(0, H);
    long[] arrays = d.all();
    d.resize(W - 3, H - 2);
    d.clear(2);
    assertTrue(arrays == d.all(), "no new arrays for a smaller size");
    LineDensity fresh = new LineDensity();
    fresh.resize(W - 3, H - 2);
    for (LineDensity x : new LineDensity[] {d, fresh}) {
      x.add(x.all(), 0, 6, 8, 0, false, true, 0, ALL, ONE_LINE);
    }
    for (int y = 0; y < H - 2; y++) {
      for (int x = 0; x < W - 3; x++) {
        assertEquals(fresh.countAt(fresh.all(), x, y), d.countAt(d.all(), x, y), x + "," + y);
        assertEquals(0, d.countAt(d.kept(), x, y), "the kept layer cleared too");
      }
    }
  }

  private static LineDensity density() {
    LineDensity d = new LineDensity();
    d.resize(W, H);
    return d;
  }

  /** Source-over of premultiplied colours, per channel. */
  private static int blend(int src, int dst) {
    int inv = 255 - (src >>> 24);
    int out = 0;
    for (int shift = 0; shift < 32; shift += 8) {
      int c = (src >>> shift & 0xFF) + ((dst >>> shift & 0xFF) * inv) / 255;
      out |= Math.min(255, c) << shift;
    }
    return out;
  }
}
