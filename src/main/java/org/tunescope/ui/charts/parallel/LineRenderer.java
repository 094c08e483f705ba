package org.tunescope.ui.charts.parallel;

import static org.tunescope.ui.charts.parallel.ParallelCoordinatesSkin.BOTTOM;
import static org.tunescope.ui.charts.parallel.ParallelCoordinatesSkin.LEFT;
import static org.tunescope.ui.charts.parallel.ParallelCoordinatesSkin.RIGHT;
import static org.tunescope.ui.charts.parallel.ParallelCoordinatesSkin.span;

import java.nio.IntBuffer;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The chart's lines: works out on the JavaFX thread what to draw (each line's pixel y on every axis once
 * per layout, then only lists of line numbers and colour codes), hands the drawing to {@link LineLayers}
 * on a background thread, and shows the images it hands back in an image view, stretched over the
 * current axes while a redraw for them is under way.
 */
final class LineRenderer {

  private static final int BUCKETS = 32;
  /** Above this many trials the coloured lines are opaque: translucency stops telling lines apart. */
  private static final int OPAQUE_ABOVE = 3000;

  private final ParallelCoordinatesChart chart;
  private final ImageView view;
  /** The plot's canvas: the lines are drawn at its size. */
  private final Canvas canvas;
  /** Rasterises off the JavaFX thread; the faint base layer of every visible line is kept while brushing. */
  final LineLayers layers = new LineLayers(javafx.application.Platform::runLater, this::show);
  private PlotGeometry geometry = new PlotGeometry(new double[0], ParallelCoordinatesSkin.TOP, 0);
  private boolean baseValid;
  private long baseVersion;
  /** Whether the lines on screen were drawn anti-aliased: a change of way needs a full redraw. */
  private boolean drawnAntialiased;
  private Shown shownFull;
  private Shown shownCoarse;
  /** The frame on screen (its pixels no longer valid: its size, resolution and generation). */
  private LineLayers.Frame shownFrame;
  /** The generation of the last full redraw that changed what the lines show (not only their size). */
  private long contentGeneration = Long.MAX_VALUE;
  /** Each line's pixel y on each axis, by display index then line; valid for {@link #geometry} and lines < pixelYCount. */
  private float[][] pixelY = new float[0][];
  private int pixelYCount;
  /** Counts the writes to {@link #pixelY}; {@link #pixelYShared} is a copy of it as of {@link #pixelYSharedEdits}. */
  private long pixelYEdits;
  private float[][] pixelYShared;
  private long pixelYSharedEdits = -1;
  /** The lines of the coloured layer in drawing order, with their colours and whether dashed (reused). */
  private int[] drawOrder = new int[0];
  private byte[] drawCode = new byte[0];
  /** Every visible line with its colour code, for {@link #baseVersion} and {@code size = count + hiddenLines}. */
  private LineLayers.Lines allLines = LineLayers.Lines.NONE;
  private long allLinesVersion = -1;
  private int hiddenLines;
  private boolean[] drawDashed = new boolean[0];
  private int[] bucketCount = new int[BUCKETS + 1];
  private int drawnUpTo;
  /** Frames of generations before {@link #topSince} were drawn with the plot's top at {@link #previousTop}. */
  private long topSince;
  private double previousTop = ParallelCoordinatesSkin.TOP;
  /**
   * Device pixels per unit of layout: the lines are drawn at the screen's pixel density (2 at a UI scale of
   * 200 %) and shown at 1 / scale, not drawn at the layout's size and stretched. Frames of generations before
   * {@link #scaleSince} were drawn at {@link #previousScale}.
   */
  private double scale = 1;
  private long scaleSince;
  private double previousScale = 1;

  // What tests and the benchmark read, through the skin's renderer(): lines drawn now, full redraws and
  // incremental draws, images shown, when the last and the first of a redraw were
  // shown, and how long the last full redraw took on the JavaFX thread.
  int drawnLines;
  int fullRedraws;
  int incrementalDraws;
  long published;
  long lastPublishedNanos;
  long firstPublishedNanos;
  long lastRedrawNanos;

  LineRenderer(ParallelCoordinatesChart chart, ImageView view, Canvas canvas) {
    this.chart = chart;
    this.view = view;
    this.canvas = canvas;
  }

  void dispose() {
    layers.dispose();
  }

  /** New data or a new size: the faint layer of every line is drawn again. */
  void invalidateBase() {
    baseValid = false;
  }

  /** The axes moved (or the data changed): every line's pixel heights are worked out again. */
  void invalidateLayout() {
    pixelYCount = 0;
    baseValid = false;
  }

  /** The axes to draw on; a new top is remembered so that frames drawn with the old one are placed right. */
  void setGeometry(PlotGeometry g) {
    if (g.top() != geometry.top()) {
      previousTop = geometry.top();
      topSince = layers.currentGeneration() + 1;
    }
    geometry = g;
  }

  /**
   * Draws at {@code s} device pixels per layout unit from the next redraw on; a new scale moves every line.
   *
   * @return whether the scale changed (every line must then be drawn again)
   */
  boolean setScale(double s) {
    if (s == scale || !(s > 0)) {
      return false;
    }
    previousScale = scale;
    scaleSince = layers.currentGeneration() + 1;
    scale = s;
    invalidateLayout();
    return true;
  }

  double scale() {
    return scale;
  }

  /** Device pixels of a picture covering {@code layout} units (laid out on whole units first, as the axes are). */
  private int devicePixels(double layout) {
    return (int) Math.ceil(Math.ceil(layout) * scale - 1e-9);
  }

  /**
   * Redraws every line; when only the size changed and the latest lines are on screen, that picture,
   * stretched, stands in for the redraw until it is ready.
   */
  void redraw(boolean contentChanged) {
    boolean resizeOnly = !contentChanged && shownFrame != null && shownFrame.generation() >= contentGeneration
        && shownFrame.width() > 0;
    drawAllLines(resizeOnly);
    // The picture on screen, stretched, is a resize's first; other redraws' first comes from the background.
    firstPublishedNanos = resizeOnly ? System.nanoTime() : 0;
  }

  /** Draws the lines of trials that finished since the last redraw, if any. */
  void drawNew() {
    if (drawnUpTo < chart.getModel().size()) {
      drawNewLines();
    }
  }

  // --- drawing

  /**
   * Redraws every line: works out on the JavaFX thread what to draw (the kept mask is the model's; here
   * only lists of line numbers and colour codes), and hands the drawing to {@link LineLayers}.
   */
  private void drawAllLines(boolean resizeOnly) {
    long t0 = System.nanoTime();
    ParallelCoordinatesModel m = chart.getModel();
    int size = m.size();
    updatePixelY(m);
    ensureDrawCapacity(size);

    // Every visible line, with its colour code: faint underneath when brushed (cached, so a brush drag
    // draws only the kept lines), and the counted drawing's layer of all lines. The list is the same for
    // every frame of a brush drag: made once per version of the lines.
    boolean brushed = !m.brushes().isEmpty();
    if (!baseValid) {
      baseVersion++;
      baseValid = true;
    }
    if (allLinesVersion != baseVersion || allLines.count() + hiddenLines != size) {
      allLines = lines(m, 0, m::isVisible);
      allLinesVersion = baseVersion;
      hiddenLines = size - allLines.count();
    }
    drawnAntialiased = size <= LineLayers.ANTIALIASED_UP_TO;
    if (!drawnAntialiased) {
      // Counted lines take the mean colour, whatever the order: the kept lines as they come.
      submitFull(size, brushed, lines(m, 0, m::isKept), resizeOnly, t0);
      return;
    }

    // Kept failed, pruned and interrupted trials first (dashed grey), then the complete ones by colour
    // bucket, worst first so the best lie on top when blended (the counted drawing takes the mean).
    int n = 0;
    int[] count = bucketCount;
    java.util.Arrays.fill(count, 0);
    for (int i = 0; i < size; i++) {
      if (m.isKept(i)) {
        if (m.isComplete(i)) {
          count[bucketOf(m.colourValue(i)) + 1]++;
        } else {
          drawOrder[n] = i;
          drawCode[n] = LineLayers.Palette.INCOMPLETE;
          drawDashed[n] = true;
          n++;
        }
      }
    }
    count[0] = n;
    for (int b = 0; b < BUCKETS; b++) {
      count[b + 1] += count[b];
    }
    int total = count[BUCKETS];
    for (int i = 0; i < size; i++) {
      if (m.isKept(i) && m.isComplete(i)) {
        int b = bucketOf(m.colourValue(i));
        int at = count[b]++;
        drawOrder[at] = i;
        drawCode[at] = (byte) (LineLayers.Palette.FIRST_BUCKET + b);
        drawDashed[at] = false;
      }
    }
    submitFull(size, brushed, copy(total), resizeOnly, t0);
  }

  private void submitFull(int size, boolean brushed, LineLayers.Lines kept, boolean resizeOnly, long t0) {
    long generation = layers.nextGeneration();
    if (!resizeOnly) {
      contentGeneration = generation;
    }
    submit(generation, true, size, brushed, allLines, kept, resizeOnly);
    drawnLines = allLines.count();
    drawnUpTo = size;
    fullRedraws++;
    lastRedrawNanos = System.nanoTime() - t0;
  }

  /** Adds the lines of trials that finished since the last redraw: faint underneath when brushed, and kept. */
  private void drawNewLines() {
    ParallelCoordinatesModel m = chart.getModel();
    int size = m.size();
    if ((size <= LineLayers.ANTIALIASED_UP_TO) != drawnAntialiased) {
      drawAllLines(false); // the study has outgrown anti-aliased lines: counted from now on
      return;
    }
    updatePixelY(m);
    ensureDrawCapacity(size);
    LineLayers.Lines all = lines(m, drawnUpTo, m::isVisible);
    LineLayers.Lines kept = lines(m, drawnUpTo, m::isKept);
    submit(layers.currentGeneration(), false, size, !m.brushes().isEmpty(), all, kept, false);
    drawnLines += all.count();
    drawnUpTo = size;
    incrementalDraws++;
  }

  /** Hands a redraw of the first {@code size} lines at the canvas's size to the background thread. */
  private void submit(long generation, boolean full, int size, boolean brushed, LineLayers.Lines all,
      LineLayers.Lines kept, boolean resizeOnly) {
    double[] axisX = geometry.axisX().clone();
    for (int k = 0; k < axisX.length; k++) {
      axisX[k] *= scale;
    }
    layers.submit(new LineLayers.Job(generation, full, devicePixels(canvas.getWidth()),
        devicePixels(canvas.getHeight()), axisX, pixelYCopy(size), drawnAntialiased,
        baseVersion, brushed, all, kept, palette(size), resizeOnly));
  }

  /** A line's colour code: failed or pruned, or the bucket of its validation score (higher is better). */
  private static byte code(ParallelCoordinatesModel m, int i) {
    return (byte) (!m.isComplete(i) ? LineLayers.Palette.INCOMPLETE
        : LineLayers.Palette.FIRST_BUCKET + bucketOf(m.colourValue(i)));
  }

  /** The colours of the line codes: faint, failed or pruned, then the colour buckets at the lines' opacity. */
  private LineLayers.Palette palette(int size) {
        double alpha = alpha(size);
    int[] colours = new int[LineLayers.Palette.FIRST_BUCKET + BUCKETS];
    colours[LineLayers.Palette.FAINT] = argb(chart.palette().paint(ParallelCoordinatesChart.FAINT), 1);
    colours[LineLayers.Palette.INCOMPLETE] = argb(chart.palette().paint(ParallelCoordinatesChart.INCOMPLETE), 0.8);
    int a = (int) Math.round(alpha * 255) << 24;
    for (int b = 0; b < BUCKETS; b++) {
      colours[LineLayers.Palette.FIRST_BUCKET + b] = a | Viridis.rgb((b + 0.5) / BUCKETS);
    }
    return new LineLayers.Palette(colours, alpha);
  }

  /** The lines from {@code first} on that {@code which} holds, in line order, with their colour codes. */
  private LineLayers.Lines lines(ParallelCoordinatesModel m, int first, java.util.function.IntPredicate which) {
    int n = 0;
    for (int i = first; i < m.size(); i++) {
      if (which.test(i)) {
        drawOrder[n] = i;
        drawCode[n] = code(m, i);
        drawDashed[n] = !m.isComplete(i);
        n++;
      }
    }
    return copy(n);
  }

  /** The first {@code n} entries of the drawing lists, for the background thread. */
  private LineLayers.Lines copy(int n) {
    return new LineLayers.Lines(java.util.Arrays.copyOf(drawOrder, n), java.util.Arrays.copyOf(drawCode, n),
        java.util.Arrays.copyOf(drawDashed, n), n);
  }

  /**
   * The pixel heights of the first {@code size} lines for the background thread: a copy, since a layout
   * change rewrites {@link #pixelY} in place; the same copy while nothing changed (a brush drag).
   */
  private float[][] pixelYCopy(int size) {
    if (pixelYShared != null && pixelYSharedEdits == pixelYEdits && pixelYShared.length == pixelY.length
        && (pixelYShared.length == 0 || pixelYShared[0].length == size)) {
      return pixelYShared;
    }
    float[][] out = new float[pixelY.length][];
    for (int k = 0; k < out.length; k++) {
      out[k] = java.util.Arrays.copyOf(pixelY[k], size);
    }
    pixelYShared = out;
    pixelYSharedEdits = pixelYEdits;
    return out;
  }

  /** Brings {@link #pixelY} up to date: every line after a layout change, otherwise only lines added since. */
  private void updatePixelY(ParallelCoordinatesModel m) {
    List<Axis> axes = m.axes();
    int size = m.size();
    if (pixelY.length != axes.size() || pixelYCount > size) {
      pixelY = new float[axes.size()][];
      pixelYCount = 0;
    }
    for (int k = 0; k < axes.size(); k++) {
      if (pixelY[k] == null || pixelY[k].length < size) {
        float[] grown = new float[Math.max(64, size + size / 2)];
        if (pixelY[k] != null) {
          System.arraycopy(pixelY[k], 0, grown, 0, pixelYCount);
        }
        pixelY[k] = grown;
      }
      float[] col = m.column(axes.get(k));
      float[] py = pixelY[k];
      for (int i = pixelYCount; i < size; i++) {
        py[i] = (float) (geometry.y(col[i]) * scale);
      }
    }
    if (pixelYCount != size) {
      pixelYEdits++;
    }
    pixelYCount = size;
  }

  private void ensureDrawCapacity(int size) {
    if (drawOrder.length < size) {
      int n = Math.max(64, size + size / 2);
      drawOrder = new int[n];
      drawCode = new byte[n];
      drawDashed = new boolean[n];
    }
  }

  /**
   * Shows a finished image from the background thread: copied row by row into the image's own buffer (no
   * conversion: it has the same premultiplied ARGB format), inside {@link PixelBuffer#updateBuffer} as
   * JavaFX asks, and shown through a viewport of the frame's size. The buffer only grows, so a window being
   * resized does not make a new image (and texture) for every size. A coarse image (the first picture of a
   * big redraw) has a buffer of its own and is scaled up to the plot.
   */
  private void show(LineLayers.Frame frame) {
    int w = frame.width();
    int h = frame.height();
    if (w <= 0 || h <= 0) {
      view.setImage(null);
    } else {
      Shown target = frame.coarse() ? shownCoarse : shownFull;
      if (target == null || target.pixels().getWidth() < w || target.pixels().getHeight() < h) {
        int bw = Math.max(w, target == null ? 0 : target.pixels().getWidth());
        int bh = Math.max(h, target == null ? 0 : target.pixels().getHeight());
        PixelBuffer<IntBuffer> pixels =
            new PixelBuffer<>(bw, bh, IntBuffer.allocate(bw * bh), PixelFormat.getIntArgbPreInstance());
        target = new Shown(pixels, new WritableImage(pixels));
        if (frame.coarse()) {
          shownCoarse = target;
        } else {
          shownFull = target;
        }
      }
      int stride = target.pixels().getWidth();
      target.pixels().updateBuffer(b -> {
        int[] to = b.getBuffer().array();
        for (int y = 0; y < h; y++) {
          System.arraycopy(frame.pixels(), y * w, to, y * stride, w);
          // The column after the frame is cleared: scaling samples it at the viewport's edge.
          if (w < stride) {
            to[y * stride + w] = 0;
          }
        }
        if (h < b.getHeight()) {
          java.util.Arrays.fill(to, h * stride, h * stride + Math.min(stride, w + 1), 0);
        }
        return new javafx.geometry.Rectangle2D(0, 0, Math.min(stride, w + 1), Math.min(b.getHeight(), h + 1));
      });
      view.setImage(target.image());
      view.setViewport(new javafx.geometry.Rectangle2D(0, 0, w, h));
    }
    shownFrame = frame;
    placeLines();
    published++;
    lastPublishedNanos = System.nanoTime();
    if (firstPublishedNanos == 0) {
      firstPublishedNanos = lastPublishedNanos;
    }
  }

  /**
   * Puts the picture on screen over the current axes. One drawn for another size (a coarse one, or the last
   * sharp one while a resize is redrawn) is stretched: the axes are evenly spaced between fixed margins and
   * values map linearly to heights, so stretching the rectangle between the axes puts every line where a
   * redraw at this size puts it (resampled, the sharp redraw follows; only the "n/a" marks, a fixed distance
   * below the axes, land a few pixels off until then). A coarse pixel holds the lines within half of its
   * size around its corner, hence the shift by (resolution - 1) / 2 of a full pixel.
   */
  void placeLines() {
    LineLayers.Frame f = shownFrame;
    if (f == null || f.width() <= 0) {
      return;
    }
    double resolution = 1 << f.shift();
    // In layout units: the frame was drawn at its scale's pixel density, the plot is now at this one's.
    double frameScale = f.generation() >= scaleSince ? scale : previousScale;
    double sx = span(devicePixels(canvas.getWidth()) / scale, LEFT + RIGHT)
        / span(f.plotWidth() / frameScale, LEFT + RIGHT);
    // The plot's top moves down when the titles need two rows: a frame may have been drawn with the other.
    double top = geometry.top();
    double frameTop = f.generation() >= topSince ? top : previousTop;
    double sy = span(devicePixels(canvas.getHeight()) / scale, top + BOTTOM)
        / span(f.plotHeight() / frameScale, frameTop + BOTTOM);
    boolean asDrawn = f.shift() == 0 && sx == 1 && sy == 1 && top == frameTop;
    // Drawn for this size at a scale of 1, the picture is shown pixel for pixel; otherwise fitted, which at
    // the screen's own scale is still one image pixel per device pixel.
    boolean pixelForPixel = asDrawn && frameScale == 1;
    view.setFitWidth(pixelForPixel ? 0 : f.width() * resolution * sx / frameScale);
    view.setFitHeight(pixelForPixel ? 0 : f.height() * resolution * sy / frameScale);
    double shift = (resolution - 1) / 2 / frameScale;
    view.relocate(LEFT * (1 - sx) - shift * sx, top - frameTop * sy - shift * sy);
  }

  /** An image shown by the lines' image view and the buffer behind it. */
  private record Shown(PixelBuffer<IntBuffer> pixels, WritableImage image) {
  }

  /**
   * The opacity of one coloured line: translucent while lines are few enough for overlaps to show, opaque
   * beyond {@link #OPAQUE_ABOVE}, where they cover the plot anyway.
   */
  private static double alpha(int size) {
    return size < 200 ? 0.85 : size < 2000 ? 0.55 : size <= OPAQUE_ABOVE ? 0.35 : 1.0;
  }

  /** Straight (not premultiplied) ARGB of a paint at {@code opacity}; a gradient counts as grey. */
  private static int argb(Paint p, double opacity) {
    Color c = p instanceof Color col ? col : Color.GRAY;
    int rgb = (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
        | (int) Math.round(c.getBlue() * 255);
    return (int) Math.round(Math.max(0, Math.min(1, c.getOpacity() * opacity)) * 255) << 24 | rgb;
  }

  private static int bucketOf(double t) {
    return Double.isNaN(t) ? 0 : Math.max(0, Math.min(BUCKETS - 1, (int) (t * BUCKETS)));
  }
}
