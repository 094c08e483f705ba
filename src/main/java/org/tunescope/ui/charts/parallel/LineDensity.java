package org.tunescope.ui.charts.parallel;

import java.util.Arrays;

/**
 * The lines of a large study as numbers per pixel instead of colours: how many faint lines cross each
 * pixel, and the highest colour code and the number of the coloured (kept) lines that do. A line then costs
 * an increment per pixel, about a third of a colour blend, and {@link #compose} turns the numbers into
 * colours in one pass over the image.
 *
 * <p>Drawing n faint lines of one colour over each other gives the colour of one line at opacity
 * {@code 1 - (1 - a)^n}, so the count alone decides a faint pixel, whatever the order. Coloured lines are
 * drawn best on top: their codes grow with the score, so the highest code through a pixel is the colour on
 * top, again whatever the order, which lets a live trial land under better ones and the strips between
 * axes be drawn in parallel.
 */
final class LineDensity {

  /** Counts above this look the same (the opacity has reached 1 within a rounding step). */
  static final int CAP = 255;

  private static final int ONE = 1 << 16;
  private static final int HALF = 1 << 15;
  /** Beyond this many pixels 16.16 fixed point overflows. */
  private static final double LIMIT = 30_000;

  private int width;
  private int height;
  private char[] faint = new char[0];
  private byte[] code = new byte[0];
  private char[] kept = new char[0];
  /** The {@code baseVersion} of the lines counted in {@link #faint}, -1 when none. */
  private long faintVersion = -1;

  /** Resizes (if needed); a new size clears everything. */
  void resize(int w, int h) {
    if (w != width || h != height) {
      width = w;
      height = h;
      faint = new char[Math.max(0, w * h)];
      code = new byte[faint.length];
      kept = new char[faint.length];
      faintVersion = -1;
    }
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  long faintVersion() {
    return faintVersion;
  }

  /** Clears the faint counts, which will hold the lines of {@code version}. */
  void clearFaint(long version) {
    Arrays.fill(faint, (char) 0);
    faintVersion = version;
  }

  void clearKept() {
    Arrays.fill(code, (byte) 0);
    Arrays.fill(kept, (char) 0);
  }

  /** The faint count at a pixel (for tests). */
  int faintAt(int x, int y) {
    return faint[y * width + x];
  }

  /** The highest code of a kept line at a pixel, 0 for none (for tests). */
  int codeAt(int x, int y) {
    return code[y * width + x] & 0xFF;
  }

  /** The number of kept lines at a pixel, counted only when asked (for tests). */
  int keptAt(int x, int y) {
    return kept[y * width + x];
  }

  /**
   * Counts a faint segment from (x0, y0) to (x1, y1), {@code x0 <= x1}, in the columns {@code [fromX, toX)}:
   * threads that draw disjoint strips of columns never touch the same pixel. Dashed lines leave gaps of 3
   * pixels after every 4.
   */
  void countFaint(double x0, double y0, double x1, double y1, boolean dashed, int fromX, int toX) {
    segment(x0, y0, x1, y1, dashed, fromX, toX, 0, false);
  }

  /**
   * Draws a kept segment of colour code {@code c} (1..255): the pixel keeps the highest code, and counts the
   * line when {@code count} is set (needed only for translucent lines).
   */
  void drawKept(double x0, double y0, double x1, double y1, int c, boolean dashed, boolean count, int fromX,
      int toX) {
    segment(x0, y0, x1, y1, dashed, fromX, toX, c, count);
  }

  /** c == 0: a faint count; otherwise a kept line of code c. */
  private void segment(double x0, double y0, double x1, double y1, boolean dashed, int fromX, int toX, int c,
      boolean count) {
    double dx = x1 - x0;
    double dy = y1 - y0;
    int steps = Math.max(1, (int) Math.ceil(Math.max(Math.abs(dx), Math.abs(dy))));
    int from = Math.max(0, fromX);
    int to = Math.min(width, toX);
    int fx = (int) (x0 * ONE) + HALF;
    int fy = (int) (y0 * ONE) + HALF;
    int ix = (int) (dx / steps * ONE);
    int iy = (int) (dy / steps * ONE);
    boolean inside = y0 >= 0 && y1 >= 0 && y0 + 0.5 < height && y1 + 0.5 < height && Math.abs(x0) < LIMIT && Math.abs(x1) < LIMIT;
    if (dashed || !inside) {
      checkedSegment(fx, fy, ix, iy, steps, dashed, from, to, c, count);
      return;
    }
    // Start at the strip's first column and stop before its right edge: no test per pixel for either.
    int first = 0;
    int last = steps;
    if (ix <= 0) {
      int col = fx >> 16;
      if (col < from || col >= to) {
        return;
      }
    } else {
      first = (int) Math.max(0, Math.min(steps + 1L, ceilDiv((long) from * ONE - fx, ix)));
      fx += first * ix;
      fy += first * iy;
      last = (int) Math.min(steps, Math.floorDiv((long) to * ONE - 1 - fx, ix) + first);
    }
    int n = last - first + 1;
    if (n <= 0) {
      return;
    }
    if (c == 0) {
      countRun(faint, width, fx, fy, ix, iy, n);
    } else if (!count) {
      maxRun(code, width, fx, fy, ix, iy, n, c);
    } else {
      for (int s = 0; s < n; s++, fx += ix, fy += iy) {
        plotKept((fy >> 16) * width + (fx >> 16), c);
      }
    }
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  /** Counts n pixels from (fx, fy) in steps of (ix, iy), all known to be inside: the hot loop. */
  private static void countRun(char[] p, int w, int fx, int fy, int ix, int iy, int n) {
    for (int s = 0; s < n; s++, fx += ix, fy += iy) {
      int i = (fy >> 16) * w + (fx >> 16);
      p[i] = (char) Math.min(0xFFFF, p[i] + 1);
    }
  }

  /** Raises n pixels to code c at least. */
  private static void maxRun(byte[] p, int w, int fx, int fy, int ix, int iy, int n, int c) {
    for (int s = 0; s < n; s++, fx += ix, fy += iy) {
      int i = (fy >> 16) * w + (fx >> 16);
      p[i] = (byte) Math.max(p[i] & 0xFF, c);
    }
  }

  /** The slow path, for dashed lines and lines that leave the image: every pixel tested. */
  private void checkedSegment(int fx, int fy, int ix, int iy, int steps, boolean dashed, int from, int to, int c,
      boolean count) {
    for (int s = 0; s <= steps; s++, fx += ix, fy += iy) {
      if (dashed && s % 7 >= 4) {
        continue;
      }
      int col = fx >> 16;
      int row = fy >> 16;
      if (col < from || col >= to || row < 0 || row >= height || fx < 0 || fy < 0) {
        continue;
      }
      int i = row * width + col;
      if (c == 0) {
        faint[i] = (char) Math.min(0xFFFF, faint[i] + 1);
      } else if (count) {
        plotKept(i, c);
      } else {
        code[i] = (byte) Math.max(code[i] & 0xFF, c);
      }
    }
  }

  private void plotKept(int i, int c) {
    code[i] = (byte) Math.max(code[i] & 0xFF, c);
    kept[i] = (char) Math.min(0xFFFF, kept[i] + 1);
  }

  /**
   * Paints the rows {@code [fromRow, toRow)} of an image of this size from these numbers. Rows are
   * independent, so bands of rows can be painted in parallel.
   */
  void compose(int[] out, int fromRow, int toRow, Colours colours) {
    int[] faintLut = colours.faint();
    int[] keptAlpha = colours.keptAlpha();
    int[] rgb = colours.rgb();
    boolean withFaint = colours.withFaint();
    boolean counted = colours.counted();
    for (int i = fromRow * width, end = toRow * width; i < end; i++) {
      int below = withFaint ? faintLut[Math.min(CAP, faint[i])] : 0;
      int c = code[i] & 0xFF;
      if (c == 0) {
        out[i] = below;
        continue;
      }
      int a = counted ? keptAlpha[Math.min(CAP, kept[i])] : 255;
      out[i] = a == 255 ? rgb[c] : over(rgb[c], a, below);
    }
  }

  /** An opaque colour at opacity {@code a} (0..255) over a premultiplied one. */
  private static int over(int opaque, int a, int below) {
    int inv = 255 - a;
    int rb = ((opaque & 0x00FF00FF) * a + (below & 0x00FF00FF) * inv) >>> 8 & 0x00FF00FF;
    int g = ((opaque & 0x0000FF00) * a + (below & 0x0000FF00) * inv) >>> 8 & 0x0000FF00;
    int alpha = a + ((below >>> 24) * inv >>> 8);
    return Math.min(255, alpha) << 24 | rb | g;
  }

  /**
   * The colours {@link #compose} paints with: the faint colour by count (premultiplied ARGB), the opaque
   * colour of each code, and the opacity of n kept lines (0..255, used when {@code counted}).
   */
  record Colours(int[] faint, int[] rgb, int[] keptAlpha, boolean counted, boolean withFaint) {

    /**
     * @param faintColour the faint line's colour, straight ARGB (its alpha is one line's opacity)
     * @param codeColours straight ARGB per code (index 0 unused); the alpha of code 1..255 lines is
     *     {@code keptOpacity}
     */
    static Colours of(int faintColour, int[] codeColours, double keptOpacity, boolean withFaint) {
      int[] faint = new int[CAP + 1];
      double a = (faintColour >>> 24) / 255.0;
      for (int n = 0; n <= CAP; n++) {
        faint[n] = LineRaster.premultiplied(faintColour & 0xFFFFFF, 1 - Math.pow(1 - a, n));
      }
      int[] rgb = new int[256];
      for (int c = 1; c < codeColours.length && c < 256; c++) {
        rgb[c] = 0xFF000000 | codeColours[c];
      }
      int[] keptAlpha = new int[CAP + 1];
      for (int n = 0; n <= CAP; n++) {
        keptAlpha[n] = (int) Math.round(255 * (1 - Math.pow(1 - keptOpacity, n)));
      }
      return new Colours(faint, rgb, keptAlpha, keptOpacity < 1, withFaint);
    }
  }
}
