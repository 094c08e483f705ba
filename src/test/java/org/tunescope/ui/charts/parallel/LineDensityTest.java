package org.tunescope.ui.charts.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LineDensityTest {

  private static final int W = 12;
  private static final int H = 10;
  private static final int ALL = Integer.MAX_VALUE;

  @Test
  void aSteepLineCountsOnePixelOnEveryRowItCrosses() {
    LineDensity d = density();
    d.countFaint(2, 0, 4, 9, false, 0, ALL);
    for (int y = 0; y < H; y++) {
      int count = 0;
      for (int x = 0; x < W; x++) {
        count += d.faintAt(x, y);
      }
      assertEquals(1, count, "row " + y);
    }
  }

  @Test
  void linesOverThePixelAddUpAndAStripTouchesOnlyItsColumns() {
    LineDensity d = density();
    for (int i = 0; i < 3; i++) {
      d.countFaint(0, 4, 11, 4, false, 0, ALL);
    }
    d.countFaint(0, 4, 11, 4, false, 5, 8);
    for (int x = 0; x < W; x++) {
      assertEquals(x >= 5 && x < 8 ? 4 : 3, d.faintAt(x, 4), "column " + x);
    }
  }

  @Test
  void theBestCodeStaysOnTopWhateverTheOrderLinesArriveIn() {
    LineDensity d = density();
    d.drawKept(0, 2, 11, 2, 9, false, true, 0, ALL);
    d.drawKept(0, 2, 11, 2, 4, false, true, 0, ALL); // a worse trial finishing later
    assertEquals(9, d.codeAt(6, 2));
    assertEquals(2, d.keptAt(6, 2), "both lines counted");
    assertEquals(0, d.codeAt(6, 3));
  }

  @Test
  void dashedLinesLeaveGapsAndLinesLeavingTheImageAreClipped() {
    LineDensity d = density();
    d.countFaint(0, 1, 11, 1, true, 0, ALL);
    int drawn = 0;
    for (int x = 0; x < W; x++) {
      drawn += d.faintAt(x, 1);
    }
    assertTrue(drawn >= 6 && drawn <= 8, "4 of every 7 pixels: " + drawn);
    d.countFaint(0, -20, 11, 30, false, 0, ALL); // crosses the image from above to below
    int inside = 0;
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        inside += d.faintAt(x, y);
      }
    }
    assertTrue(inside > drawn && inside <= drawn + H, "only the rows inside: " + (inside - drawn));
  }

  @Test
  void composingPaintsNFaintLinesAsNBlendsAndAnOpaqueKeptLineOverThem() {
    LineDensity d = density();
    int faintColour = 0x40 << 24 | 0x808080; // a quarter opaque
    for (int i = 0; i < 2; i++) {
      d.countFaint(0, 5, 11, 5, false, 0, ALL);
    }
    d.drawKept(0, 5, 11, 5, 2, false, false, 6, ALL);
    int[] codes = {0, 0, 0xFF2040A0};
    LineDensity.Colours colours = LineDensity.Colours.of(faintColour, codes, 1.0, true);
    int[] out = new int[W * H];
    d.compose(out, 0, H, colours);

    int twoBlends = blend(LineRaster.premultiplied(0x808080, 0x40 / 255.0),
        blend(LineRaster.premultiplied(0x808080, 0x40 / 255.0), 0));
    assertEquals(twoBlends >>> 24, out[5 * W + 2] >>> 24, 2, "alpha of two faint lines");
    assertEquals(0xFF2040A0, out[5 * W + 8], "the kept line on top");
    assertEquals(0, out[0], "nothing elsewhere");
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
