package org.tunescope.ui.charts.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LineRasterTest {

  private static final int OPAQUE = LineRaster.premultiplied(0x336699, 1.0);

  @Test
  void aLineDrawnInAStripTouchesOnlyTheColumnsOfThatStrip() {
    LineRaster raster = new LineRaster();
    raster.reset(12, 8);
    raster.segment(2, 3, 9, 3, OPAQUE, false, 4, 7);
    for (int x = 0; x < 12; x++) {
      int expected = x >= 4 && x < 7 ? OPAQUE : 0;
      assertEquals(expected, raster.pixels()[3 * 12 + x], "column " + x);
    }
  }

  @Test
  void aSteepLineCoversEveryRowItCrossesSplitBetweenTwoColumns() {
    LineRaster raster = new LineRaster();
    raster.reset(10, 10);
    raster.segment(2, 0, 4.5, 9, OPAQUE, false, 0, Integer.MAX_VALUE);
    for (int y = 0; y < 10; y++) {
      int coverage = 0;
      for (int x = 0; x < 10; x++) {
        coverage += raster.pixels()[y * 10 + x] >>> 24;
      }
      assertTrue(coverage >= 250 && coverage <= 256, "row " + y + " holds one pixel's worth of line: " + coverage);
    }
  }

  @Test
  void aSmallerSizeReusesTheBufferClearedAndDrawsAsAFreshOne() {
    LineRaster raster = new LineRaster();
    raster.reset(12, 8);
    raster.segment(0, 0, 11, 7, OPAQUE, false, 0, Integer.MAX_VALUE);
    int[] buffer = raster.pixels();
    raster.reset(9, 6);
    assertTrue(buffer == raster.pixels(), "no new buffer for a smaller size");
    LineRaster fresh = new LineRaster();
    fresh.reset(9, 6);
    for (LineRaster r : new LineRaster[] {raster, fresh}) {
      r.segment(1, 5, 8, 1, OPAQUE, false, 0, Integer.MAX_VALUE);
    }
    assertArrayEquals(fresh.pixels(), java.util.Arrays.copyOf(raster.pixels(), 9 * 6));
    LineRaster copy = new LineRaster();
    copy.reset(20, 20);
    copy.copyFrom(raster);
    assertEquals(9, copy.width());
    assertArrayEquals(fresh.pixels(), java.util.Arrays.copyOf(copy.pixels(), 9 * 6));
  }
}
