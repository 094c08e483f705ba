package org.tunescope.ui.charts.parallel;

import java.util.Arrays;

/**
 * The lines of a large study as numbers per pixel instead of colours, in two layers: every visible line
 * ({@code all}) and the kept ones ({@code kept}). Each pixel holds, packed in a long, how many lines cross
 * it, how many of those are complete trials, and the sum of their colour codes. A line costs one addition
 * per pixel, and, since it can be subtracted as exactly as it was added, a brush drag only adds the lines
 * that came into the brush and subtracts those that left, instead of redrawing every kept line; clearing the
 * brushes copies {@code all} into {@code kept}. {@link #compose} turns the numbers into colours in one pass.
 *
 * <p>A pixel shows the mean colour code of the kept complete lines crossing it, at the opacity of that many
 * lines ({@code 1 - (1 - a)^n}), over the faint colour at the opacity of all the lines crossing it: n faint
 * lines of one colour blended over each other give exactly that, whatever the order. The mean (rather than
 * the last line drawn) does not depend on the order lines arrive in, so a live trial needs no redraw.
 */
final class LineDensity {

  /** Counts above this look the same (the opacity has reached 1 within a rounding step). */
  static final int CAP = 255;

  private static final int ONE = 1 << 16;
  private static final int HALF = 1 << 15;
  /** Beyond this many pixels 16.16 fixed point overflows. */
  private static final double LIMIT = 30_000;
  private static final long FIELD = (1L << 20) - 1;
  private static final int COMPLETE_SHIFT = 20;
  private static final int SUM_SHIFT = 40;
  /** Reciprocals of small counts: a multiplication per pixel instead of a division. */
  private static final float[] RECIPROCAL = new float[4096];

  static {
    for (int i = 1; i < RECIPROCAL.length; i++) {
      RECIPROCAL[i] = 1f / i;
    }
  }

  private int width;
  private int height;
  private long[] all = new long[0];
  private long[] kept = new long[0];
  /**
   * The faint colour of each pixel (premultiplied), kept between redraws: a brush drag repaints with it
   * instead of reading the layer of all lines again (half the memory traffic of painting). A row is valid
   * while its stamp equals {@link #allStamp} and it was made with the same faint colours.
   */
  private int[] faint = new int[0];
  private long[] faintStamp = new long[0];
  private int[][] faintLut = new int[0][];
  private long allStamp = 1;
  /** The {@code baseVersion} of the lines in {@link #all}, -1 when none. */
  private long version = -1;

  /** What one line adds to a pixel: itself, whether complete, and its colour code when complete. */
  static long weight(int code, boolean complete) {
    return complete ? (long) code << SUM_SHIFT | 1L << COMPLETE_SHIFT | 1 : 1;
  }

  /**
   * Resizes (if needed); after a new size the counts are undefined until {@link #clear}. The arrays only grow: while a window is resized, a
   * smaller size reuses them (each new pair of arrays is 14 MB at 1280 x 688, which the garbage collector
   * pays for in pauses).
   */
  void resize(int w, int h) {
    if (w != width || h != height) {
      width = w;
      height = h;
      int size = Math.max(0, w * h);
      if (all.length < size) {
        all = new long[size];
        kept = new long[size];
        faint = new int[size];
      }
      if (faintStamp.length < h) {
        faintStamp = new long[h];
        faintLut = new int[h][];
      }
      allChanged();
      version = -1;
    }
  }

  /** The pixels of this size (the arrays may be longer). */
  private int size() {
    return width * height;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  long version() {
    return version;
  }

  long[] all() {
    return all;
  }

  long[] kept() {
    return kept;
  }

  /** Clears every layer; {@link #all} will hold the lines of {@code newVersion}. */
  void clear(long newVersion) {
    Arrays.fill(all, 0, size(), 0);
    Arrays.fill(kept, 0, size(), 0);
    allChanged();
    version = newVersion;
  }

  /** To be called after lines were added to (or taken from) the layer of all lines: their faint colours change. */
  void allChanged() {
    allStamp++;
  }

  /** Makes the rows {@code [fromRow, toRow)} of the kept layer a copy of the layer of all lines. */
  void keepAll(int fromRow, int toRow) {
    System.arraycopy(all, fromRow * width, kept, fromRow * width, (toRow - fromRow) * width);
  }

  /** Lines crossing a pixel (tests). */
  int countAt(long[] layer, int x, int y) {
    return (int) (layer[y * width + x] & FIELD);
  }

  /** The mean colour code of the complete lines crossing a pixel, 0 for none (tests). */
  int meanCodeAt(long[] layer, int x, int y) {
    return meanCode(layer[y * width + x]);
  }

  private static int meanCode(long v) {
    int complete = (int) (v >>> COMPLETE_SHIFT & FIELD);
    if (complete == 0) {
      return 0;
    }
    float sum = v >>> SUM_SHIFT;
    return (int) (sum * (complete < RECIPROCAL.length ? RECIPROCAL[complete] : 1f / complete) + 0.5f);
  }

  /**
   * Adds {@code delta} (a {@link #weight}, or its negation to take a line away) to the pixels of the segment
   * from (x0, y0) to (x1, y1), {@code x0 <= x1}, in the rows {@code [fromRow, toRow)}; without its end point
   * unless {@code withEnd}: the segments of a polyline but the last leave their end to the next one, so the
   * pixel on an axis is counted once (a steep segment still covers every row up to the axis). Threads that
   * draw disjoint bands of rows never touch the same pixel, and a segment drawn band by band covers exactly
   * the pixels it covers drawn whole. A segment always covers the same pixels, so subtracting it undoes
   * adding it. Dashed lines leave gaps of 3 pixels after every 4. After changing the layer of all lines,
   * call {@link #allChanged}.
   */
  void add(long[] layer, double x0, double y0, double x1, double y1, boolean dashed, boolean withEnd,
      int fromRow, int toRow, long delta) {
    int from = Math.max(0, fromRow);
    int to = Math.min(height, toRow);
    if (Math.min(y0, y1) - 0.5 >= to || Math.max(y0, y1) + 1.5 < from) {
      return; // outside the band (the bounds are loose: rounding decides below)
    }
    double dx = x1 - x0;
    double dy = y1 - y0;
    int steps = Math.max(1, (int) Math.ceil(Math.max(Math.abs(dx), Math.abs(dy))));
    int lastStep = withEnd ? steps : steps - 1;
    int fx = (int) (x0 * ONE) + HALF;
    int fy = (int) (y0 * ONE) + HALF;
    int ix = (int) (dx / steps * ONE);
    int iy = (int) (dy / steps * ONE);
    boolean inside = x0 >= 0 && x1 + 0.5 < width && Math.abs(y0) < LIMIT && Math.abs(y1) < LIMIT;
    if (dashed || !inside) {
      checkedSegment(layer, fx, fy, ix, iy, lastStep, dashed, from, to, delta);
      return;
    }
    // Start at the band's first row and stop after its last: no test per pixel.
    long lo = (long) from * ONE;
    long hi = (long) to * ONE - 1;
    long first = 0;
    long last = lastStep;
    if (iy > 0) {
      first = -Math.floorDiv(fy - lo, iy);
      last = Math.min(last, Math.floorDiv(hi - fy, iy));
    } else if (iy < 0) {
      first = -Math.floorDiv(hi - fy, -iy);
      last = Math.min(last, Math.floorDiv(fy - lo, -iy));
    } else if (fy < lo || fy > hi) {
      return;
    }
    first = Math.max(0, first);
    if (first > last) {
      return;
    }
    run(layer, width, fx + (int) first * ix, fy + (int) first * iy, ix, iy, (int) (last - first + 1), delta);
  }

  /** Adds delta to n pixels from (fx, fy) in steps of (ix, iy), all known to be inside: the hot loop. */
  private static void run(long[] p, int w, int fx, int fy, int ix, int iy, int n, long delta) {
    for (int s = 0; s < n; s++, fx += ix, fy += iy) {
      p[(fy >> 16) * w + (fx >> 16)] += delta;
    }
  }

  /** The slow path, for dashed lines and lines that leave the image: every pixel tested. */
  private void checkedSegment(long[] layer, int fx, int fy, int ix, int iy, int lastStep, boolean dashed,
      int fromRow, int toRow, long delta) {
    for (int s = 0; s <= lastStep; s++, fx += ix, fy += iy) {
      if (dashed && s % 7 >= 4) {
        continue;
      }
      int col = fx >> 16;
      int row = fy >> 16;
      if (row < fromRow || row >= toRow || col < 0 || col >= width || fx < 0 || fy < 0) {
        continue;
      }
      layer[row * width + col] += delta;
    }
  }

  /**
   * Paints the rows {@code [fromRow, toRow)} of an image of this size from these numbers. Rows are
   * independent, so bands of rows can be painted in parallel.
   */
  void compose(int[] out, int fromRow, int toRow, Colours colours) {
    int[] keptAlpha = colours.keptAlpha();
    int[] rgb = colours.rgb();
    boolean withFaint = colours.withFaint();
    boolean counted = colours.counted();
    if (withFaint) {
      faintRows(fromRow, toRow, colours.faint());
    }
    for (int i = fromRow * width, end = toRow * width; i < end; i++) {
      int below = withFaint ? faint[i] : 0;
      long k = kept[i];
      int n = (int) (k & FIELD);
      if (n == 0) {
        out[i] = below;
        continue;
      }
      int c = meanCode(k);
      int top = rgb[c == 0 ? LineLayers.Palette.INCOMPLETE : Math.min(255, c)];
      int a = counted ? keptAlpha[Math.min(CAP, n)] : 255;
      out[i] = a == 255 ? top : over(top, a, below);
    }
  }

  /** Brings the cached faint colours of rows {@code [fromRow, toRow)} up to date. */
  private void faintRows(int fromRow, int toRow, int[] lut) {
    for (int row = fromRow; row < toRow; row++) {
      if (faintStamp[row] != allStamp || faintLut[row] != lut) {
        for (int i = row * width, end = i + width; i < end; i++) {
          faint[i] = lut[(int) Math.min(CAP, all[i] & FIELD)];
        }
        faintStamp[row] = allStamp;
        faintLut[row] = lut;
      }
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
