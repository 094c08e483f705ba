package org.tunescope.ui.charts.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineRasterTest {

  private static final int OPAQUE = LineRaster.premultiplied(0x336699, 1.0);

  @Test
  void anOpaqueLineReplacesThePixelsOfItsStripOnly() {
    LineRaster raster = new LineRaster();
    raster.reset(12, 8);
    raster.segment(2, 3, 9, 3, LineRaster.premultiplied(0xFF0000, 0.5), false, true);
    raster.segment(2, 3, 9, 3, OPAQUE, false, true, 4, 7);
    for (int x = 0; x < 12; x++) {
      int expected = x >= 4 && x < 7 ? OPAQUE : x >= 2 && x <= 9 ? LineRaster.premultiplied(0xFF0000, 0.5) : 0;
      assertEquals(expected, raster.pixels()[3 * 12 + x], "column " + x);
    }
  }

  @Test
  void aSteepOpaqueLineHasAPixelOnEveryRowItCrosses() {
    LineRaster raster = new LineRaster();
    raster.reset(10, 10);
    raster.segment(2, 0, 4, 9, OPAQUE, false, true);
    for (int y = 0; y < 10; y++) {
      int count = 0;
      for (int x = 0; x < 10; x++) {
        count += raster.pixels()[y * 10 + x] == OPAQUE ? 1 : 0;
      }
      assertEquals(1, count, "row " + y);
    }
  }
}
