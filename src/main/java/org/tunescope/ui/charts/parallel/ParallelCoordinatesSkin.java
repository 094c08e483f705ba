package org.tunescope.ui.charts.parallel;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.tunescope.engine.space.Scale;

/**
 * Draws a {@link ParallelCoordinatesChart}: the lines rasterised into one image (see {@link LineLayers}),
 * shown in an image view; axes, ticks, brushes, the best, selected
 * and hovered lines on a canvas above it, axis titles as labels that can be dragged sideways, and a tool bar
 * with the count of kept trials and the "narrow the search" button.
 *
 * <p>What a redraw costs the JavaFX thread: each line's pixel y on every axis is computed once per layout
 * (resize, new data, axes reordered), so a brush drag only lists the kept lines by colour and hands the
 * list to {@link LineLayers}, which rasterises them on a background thread over the cached faint layer
 * and hands back the finished image; it is shown with one copy. A finished trial adds its line to the image
 * as it is.
 */
public class ParallelCoordinatesSkin extends SkinBase<ParallelCoordinatesChart> {

  private static final double LEFT = 40;
  private static final double RIGHT = 96;
  /** The plot's top when the axis titles fit in one row; two staggered rows push it down. */
  private static final double TOP = 40;
  private static final double BOTTOM = 40;
  private static final double TITLE_Y = 8;
  /** The least room between two titles, and below the titles above the top tick labels. */
  private static final double TITLE_GAP = 6;
  private static final double TITLES_TO_PLOT = 12;
  private static final double TITLE_ROW_GAP = 2;
  /** How far right of the last axis its title may reach (the colour legend's title is beyond). */
  private static final double LAST_TITLE_REACH = 24;
  private static final double AXIS_GRAB = 10;
  private static final double END_GRAB = 5;
  private static final int BUCKETS = 32;
  private static final Font LABEL_FONT = Font.font(10.5);
  /** Room around a label's text inside its background box. */
  private static final double LABEL_PAD = 2;
  /** How opaque the box behind a label is: the lines beneath show faintly, never through the text. */
  private static final double LABEL_BOX_OPACITY = 0.85;
  /** Above this many trials the coloured lines are opaque: translucency stops telling lines apart. */
  private static final int OPAQUE_ABOVE = 3000;

  private final ImageView lines = new ImageView();
  private final Canvas overlay = new Canvas();
  /** Rasterises off the JavaFX thread; the faint base layer of every visible line is kept while brushing. */
  private final LineLayers layers = new LineLayers(javafx.application.Platform::runLater, this::show);
  private boolean baseValid;
  private long baseVersion;
  private long published;
  private long coarseFrames;
  private long lastPublishedNanos;
  private long firstPublishedNanos;
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
  private final Pane titles = new Pane();
  private final Label hoverBox = new Label();
  private final Pane plot;
  private final Label keptLabel = new Label();
  private final Button narrowButton = new Button("Narrow the search to the brushes");
  private final List<Label> titleLabels = new ArrayList<>();
  private final Consumer<ParallelCoordinatesChart.Change> onChange = this::onChange;

  private boolean linesDirty = true;
  private boolean overlayDirty = true;
  private int drawnUpTo;
  private int drawnLines;
  private int fullRedraws;
  private int incrementalDraws;
  private long lastRedrawNanos;
  private int hovered = -1;
  private PlotGeometry geometry = new PlotGeometry(new double[0], TOP, 0);
  /** Frames of generations before {@link #topSince} were drawn with the plot's top at {@link #previousTop}. */
  private long topSince;
  private double previousTop = TOP;
  /** The widths of tick labels as drawn (the same few strings at every redraw of the overlay). */
  private final java.util.Map<String, Double> labelWidths = new java.util.HashMap<>();
  private final javafx.scene.text.Text measure = new javafx.scene.text.Text();
  private double labelHeight = Double.NaN;

  private enum Drag { NONE, NEW, MOVE, RESIZE_LOW, RESIZE_HIGH }

  private Drag drag = Drag.NONE;
  private String dragAxis;
  private double dragAnchor;
  private double dragLo;
  private double dragHi;
  private double pressY;
  private boolean dragged;

  public ParallelCoordinatesSkin(ParallelCoordinatesChart chart) {
    super(chart);
    plot = new Pane(lines, overlay, titles, hoverBox) {
      @Override
      protected void layoutChildren() {
        paint(getWidth(), getHeight());
      }
    };
    plot.getStyleClass().addAll("plot", org.tunescope.ui.PngExport.EXPORTED);
    plot.setMinSize(0, 0);
    titles.setPickOnBounds(false);
    titles.setManaged(false);
    lines.setManaged(false);
    lines.setMouseTransparent(true);
    overlay.setManaged(false);
    hoverBox.getStyleClass().add("hover-info");
    hoverBox.setManaged(false);
    hoverBox.setVisible(false);
    hoverBox.setMouseTransparent(true);

    CheckBox incomplete = new CheckBox("Show failed");
    incomplete.getStyleClass().add("show-incomplete");
    incomplete.selectedProperty().bindBidirectional(chart.showIncompleteProperty());
    Button clear = new Button("Clear brushes");
    clear.getStyleClass().add("clear-brushes");
    clear.setOnAction(e -> chart.clearBrushes());
    narrowButton.getStyleClass().add("narrow-search");
    narrowButton.setOnAction(e -> chart.narrow());
    keptLabel.getStyleClass().add("kept-count");
    keptLabel.setMinWidth(Region.USE_PREF_SIZE);
    narrowButton.setMinWidth(Region.USE_PREF_SIZE);
    clear.setMinWidth(Region.USE_PREF_SIZE);
    incomplete.setMinWidth(Region.USE_PREF_SIZE);
    incomplete.setTooltip(new javafx.scene.control.Tooltip("Draw failed, pruned and interrupted trials, dashed"));
    narrowButton.setTooltip(new javafx.scene.control.Tooltip(
        "Write the brushed parameter ranges into the search-space sliders, for the next run; a brushed score"
            + " narrows every other parameter to the values its kept trials used. Brush an axis to enable it."));
    Label hint = new Label("drag an axis to brush, a title to reorder");
    hint.getStyleClass().add("hint");
    hint.setTooltip(new javafx.scene.control.Tooltip(
        "Drag inside a brush to move it, drag its ends to resize it, double-click the axis to clear it."
            + " Hover a line for its values; click it to select the trial."));
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    HBox bar = new HBox(8, keptLabel, hint, spring, incomplete, clear, narrowButton);
    bar.getStyleClass().add("tool-bar-row");
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 6, 4, 6));
    VBox.setVgrow(plot, Priority.ALWAYS);
    VBox box = new VBox(bar, plot);
    getChildren().add(box);

    overlay.setOnMousePressed(this::pressed);
    overlay.setOnMouseDragged(this::dragged);
    overlay.setOnMouseReleased(this::released);
    overlay.setOnMouseMoved(this::moved);
    overlay.setOnMouseExited(e -> hover(-1, 0, 0));
    chart.addChangeListener(onChange);
    onChange(ParallelCoordinatesChart.Change.FULL);
  }

  @Override
  public void dispose() {
    layers.dispose();
    getSkinnable().removeChangeListener(onChange);
    super.dispose();
  }

  private void onChange(ParallelCoordinatesChart.Change change) {
    ParallelCoordinatesModel m = model();
    if (change == ParallelCoordinatesChart.Change.BRUSH) {
      linesDirty = true;
    }
    if (change == ParallelCoordinatesChart.Change.FULL) {
      linesDirty = true;
      baseValid = false;
      pixelYCount = 0;
      rebuildTitles();
      if (hovered >= m.size()) {
        hovered = -1;
      }
    }
    overlayDirty = true;
    keptLabel.setText(m.keptCount() + " of " + m.visibleCount() + " trials kept");
    narrowButton.setDisable(!m.canNarrow());
    plot.requestLayout();
  }

  private ParallelCoordinatesModel model() {
    return getSkinnable().getModel();
  }

  // --- what tests and the benchmark read

  /** Lines drawn on the canvas now (visible trials). */
  public int drawnLineCount() {
    return drawnLines;
  }

  /** How many times every line was redrawn. */
  public int fullRedrawCount() {
    return fullRedraws;
  }

  /** How many times only new lines were drawn. */
  public int incrementalDrawCount() {
    return incrementalDraws;
  }


  /** How many images of redraws were shown (the latest one drawn replaces those not shown yet). */
  public long publishedFrames() {
    return published;
  }

  /** Redraws handed over whose image is not shown yet (0 once the latest is shown, whatever was skipped). */
  public long pendingFrames() {
    return layers.pending();
  }

  /** Nanoseconds the background thread took to rasterise the last image. */
  public long lastRasteriseNanos() {
    return layers.lastDrawNanos();
  }

  /** {@link System#nanoTime()} when the last image was shown. */
  public long lastPublishedNanos() {
    return lastPublishedNanos;
  }

  /**
   * {@link System#nanoTime()} when the first picture of the last full redraw was shown: a coarse one when
   * the redraw was too big for a frame, the picture already on screen stretched to the new size when only
   * the size changed; 0 while none has been.
   */
  public long firstPublishedNanos() {
    return firstPublishedNanos;
  }

  /** Nanoseconds the last full redraw of the lines took on the JavaFX thread. */
  public long lastRedrawNanos() {
    return lastRedrawNanos;
  }

  /** How many coarse pictures were shown (the first pictures of redraws too big for a frame; tests). */
  long coarseFrames() {
    return coarseFrames;
  }

  /** The view showing the lines' picture (tests). */
  ImageView linesView() {
    return lines;
  }

  /** Where the axes are now, in the coordinates of the plot canvas. */
  public PlotGeometry geometry() {
    return geometry;
  }

  /** The canvas that receives the mouse (for tests that convert positions to the screen). */
  public Canvas interactionCanvas() {
    return overlay;
  }

  /** Redraws every line now, whatever changed (for the benchmark). */
  public void redrawNow() {
    linesDirty = true;
    overlayDirty = true;
    paint(plot.getWidth(), plot.getHeight());
  }

  // --- layout and painting

  private void rebuildTitles() {
    titles.getChildren().clear();
    titleLabels.clear();
    List<Axis> axes = model().axes();
    for (int k = 0; k < axes.size(); k++) {
      Axis a = axes.get(k);
      Label title = new Label(a.title());
      title.getStyleClass().addAll("axis-title", a.kind().name().toLowerCase(Locale.ROOT) + "-axis");
      title.setId("axis-title-" + a.name());
      // Titles too long for their room are ellipsised: the tooltip keeps the whole name.
      title.setTooltip(new javafx.scene.control.Tooltip(a.name() + " (drag sideways to move the axis)"));
      title.setMinWidth(0);
      int index = k;
      double[] start = new double[1];
      title.setOnMousePressed(e -> {
        start[0] = e.getSceneX();
        title.toFront();
        e.consume();
      });
      title.setOnMouseDragged(e -> {
        title.setTranslateX(e.getSceneX() - start[0]);
        e.consume();
      });
      title.setOnMouseReleased(e -> {
        double centre = title.getLayoutX() + title.getWidth() / 2 + title.getTranslateX();
        title.setTranslateX(0);
        int to = nearestAxis(centre);
        if (to >= 0 && to != index) {
          getSkinnable().moveAxis(index, to);
        }
        e.consume();
      });
      titleLabels.add(title);
      titles.getChildren().add(title);
    }
  }

  private int nearestAxis(double x) {
    double[] xs = geometry.axisX();
    int best = -1;
    double bestD = Double.POSITIVE_INFINITY;
    for (int k = 0; k < xs.length; k++) {
      double d = Math.abs(xs[k] - x);
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    return best;
  }

  private void paint(double w, double h) {
    if (w <= 0 || h <= 0) {
      return;
    }
    boolean contentChanged = linesDirty;
    if (overlay.getWidth() != w || overlay.getHeight() != h) {
      overlay.setWidth(w);
      overlay.setHeight(h);
      linesDirty = true;
      overlayDirty = true;
      baseValid = false;
    }
    // Laid out on whole pixels, the size of the lines' picture (at a fractional UI scale the plot's size
    // can be fractional): a picture drawn for this size is then shown as drawn, not rescaled.
    int n = model().axes().size();
    double[] xs = new double[n];
    double span = span(Math.ceil(w), LEFT + RIGHT);
    for (int k = 0; k < n; k++) {
      xs[k] = n == 1 ? LEFT + span / 2 : LEFT + k * span / (n - 1);
    }
    double top = layoutTitles(w, xs);
    PlotGeometry g = new PlotGeometry(xs, top, span(Math.ceil(h), top + BOTTOM));
    boolean moved = !java.util.Arrays.equals(g.axisX(), geometry.axisX()) || g.top() != geometry.top()
        || g.height() != geometry.height();
    if (moved) {
      pixelYCount = 0;
      linesDirty = true;
      baseValid = false;
    }
    if (top != geometry.top()) {
      previousTop = geometry.top();
      topSince = layers.currentGeneration() + 1;
    }
    geometry = g;
    placeLines();
    if (overlayDirty) {
      // Before the lines are handed over: drawn after, it would compete with their drawing for the cores.
      drawOverlay();
    }
    if (linesDirty) {
      // Only resized, with the latest lines on screen: that picture, stretched, stands in for the redraw.
      boolean resizeOnly = !contentChanged && shownFrame != null && shownFrame.generation() >= contentGeneration
          && shownFrame.width() > 0;
      drawAllLines(resizeOnly);
      // The picture on screen, stretched, is a resize's first; other redraws' first comes from the background.
      firstPublishedNanos = resizeOnly ? System.nanoTime() : 0;
    } else if (drawnUpTo < model().size()) {
      drawNewLines();
    }
  }

  /**
   * Places the axis titles over their axes so that none overlaps another: in one row when each fits
   * between the midpoints to its neighbours, otherwise in two staggered rows (every other title one row
   * down, with twice the room); a title still too wide is ellipsised, its tooltip naming it in full.
   *
   * @return the plot's top, below the titles
   */
  private double layoutTitles(double w, double[] xs) {
    int n = Math.min(titleLabels.size(), xs.length);
    boolean stagger = false;
    double rowHeight = 0;
    for (int k = 0; k < n; k++) {
      Label title = titleLabels.get(k);
      double[] room = room(xs, w, k, 1);
      stagger |= title.prefWidth(-1) > room[1] - room[0] - TITLE_GAP;
      rowHeight = Math.max(rowHeight, title.prefHeight(-1));
    }
    int step = stagger ? 2 : 1;
    for (int k = 0; k < n; k++) {
      Label title = titleLabels.get(k);
      double[] room = room(xs, w, k, step);
      double maxWidth = Math.max(0, room[1] - room[0] - TITLE_GAP);
      if (title.getMaxWidth() != maxWidth) {
        title.setMaxWidth(maxWidth);
      }
      title.autosize();
      double x = Math.min(room[1] - TITLE_GAP / 2 - title.getWidth(),
          Math.max(room[0] + TITLE_GAP / 2, xs[k] - title.getWidth() / 2));
      title.relocate(Math.round(x), TITLE_Y + (stagger && k % 2 == 1 ? rowHeight + TITLE_ROW_GAP : 0));
    }
    return Math.max(TOP, Math.ceil(TITLE_Y + step * rowHeight + (step - 1) * TITLE_ROW_GAP + TITLES_TO_PLOT));
  }

  /** The span a title of axis {@code k} may take: to the midpoints to its neighbours {@code step} axes away. */
  private static double[] room(double[] xs, double w, int k, int step) {
    double left = k - step >= 0 ? (xs[k - step] + xs[k]) / 2 : 0;
    double right = k + step < xs.length ? (xs[k] + xs[k + step]) / 2 : Math.min(w, xs[k] + LAST_TITLE_REACH);
    return new double[] {left, right};
  }

  /**
   * Redraws every line: works out on the JavaFX thread what to draw (the kept mask is the model's; here
   * only lists of line numbers and colour codes), and hands the drawing to {@link #layers}.
   */
  private void drawAllLines(boolean resizeOnly) {
    long t0 = System.nanoTime();
    linesDirty = false;
    ParallelCoordinatesModel m = model();
    int size = m.size();
    int w = (int) Math.ceil(overlay.getWidth());
    int h = (int) Math.ceil(overlay.getHeight());
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
      submitFull(w, h, size, brushed, lines(m, 0, m::isKept), resizeOnly, t0);
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
    submitFull(w, h, size, brushed, copy(total), resizeOnly, t0);
  }

  private void submitFull(int w, int h, int size, boolean brushed, LineLayers.Lines kept, boolean resizeOnly,
      long t0) {
    long generation = layers.nextGeneration();
    if (!resizeOnly) {
      contentGeneration = generation;
    }
    layers.submit(new LineLayers.Job(generation, true, w, h, geometry.axisX().clone(), pixelYCopy(size),
        drawnAntialiased, baseVersion, brushed, allLines, kept, palette(size), resizeOnly));
    drawnLines = allLines.count();
    drawnUpTo = size;
    fullRedraws++;
    lastRedrawNanos = System.nanoTime() - t0;
  }

  /** Adds the lines of trials that finished since the last redraw: faint underneath when brushed, and kept. */
  private void drawNewLines() {
    ParallelCoordinatesModel m = model();
    int size = m.size();
    if ((size <= LineLayers.ANTIALIASED_UP_TO) != drawnAntialiased) {
      drawAllLines(false); // the study has outgrown anti-aliased lines: counted from now on
      return;
    }
    updatePixelY(m);
    ensureDrawCapacity(size);
    LineLayers.Lines all = lines(m, drawnUpTo, m::isVisible);
    LineLayers.Lines kept = lines(m, drawnUpTo, m::isKept);
    layers.submit(new LineLayers.Job(layers.currentGeneration(), false, (int) Math.ceil(overlay.getWidth()),
        (int) Math.ceil(overlay.getHeight()), geometry.axisX().clone(), pixelYCopy(size), drawnAntialiased,
        baseVersion, !m.brushes().isEmpty(), all, kept, palette(size), false));
    drawnLines += all.count();
    drawnUpTo = size;
    incrementalDraws++;
  }

  /** A line's colour code: failed or pruned, or the bucket of its validation score (higher is better). */
  private static byte code(ParallelCoordinatesModel m, int i) {
    return (byte) (!m.isComplete(i) ? LineLayers.Palette.INCOMPLETE
        : LineLayers.Palette.FIRST_BUCKET + bucketOf(m.colourValue(i)));
  }

  /** The colours of the line codes: faint, failed or pruned, then the colour buckets at the lines' opacity. */
  private LineLayers.Palette palette(int size) {
    ParallelCoordinatesChart chart = getSkinnable();
    double alpha = alpha(size);
    int[] colours = new int[LineLayers.Palette.FIRST_BUCKET + BUCKETS];
    colours[LineLayers.Palette.FAINT] = argb(chart.faintColorProperty().get(), 1);
    colours[LineLayers.Palette.INCOMPLETE] = argb(chart.incompleteColorProperty().get(), 0.8);
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
        py[i] = (float) geometry.y(col[i]);
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
      lines.setImage(null);
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
      lines.setImage(target.image());
      lines.setViewport(new javafx.geometry.Rectangle2D(0, 0, w, h));
    }
    shownFrame = frame;
    placeLines();
    if (frame.coarse()) {
      coarseFrames++;
    }
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
  private void placeLines() {
    LineLayers.Frame f = shownFrame;
    if (f == null || f.width() <= 0) {
      return;
    }
    double resolution = 1 << f.shift();
    double sx = span(Math.ceil(overlay.getWidth()), LEFT + RIGHT) / span(f.plotWidth(), LEFT + RIGHT);
    // The plot's top moves down when the titles need two rows: a frame may have been drawn with the other.
    double top = geometry.top();
    double frameTop = f.generation() >= topSince ? top : previousTop;
    double sy = span(Math.ceil(overlay.getHeight()), top + BOTTOM) / span(f.plotHeight(), frameTop + BOTTOM);
    boolean asDrawn = f.shift() == 0 && sx == 1 && sy == 1 && top == frameTop;
    lines.setFitWidth(asDrawn ? 0 : f.width() * resolution * sx);
    lines.setFitHeight(asDrawn ? 0 : f.height() * resolution * sy);
    double shift = (resolution - 1) / 2;
    lines.relocate(LEFT * (1 - sx) - shift * sx, top - frameTop * sy - shift * sy);
  }

  /** The room between two margins, as the geometry reckons it. */
  private static double span(double size, double margins) {
    return Math.max(10, size - margins);
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

  private void strokeLine(GraphicsContext gc, int i) {
    ParallelCoordinatesModel m = model();
    gc.beginPath();
    double[] xs = geometry.axisX();
    List<Axis> axes = m.axes();
    for (int k = 0; k < xs.length; k++) {
      double y = geometry.y(m.position(i, axes.get(k)));
      if (k == 0) {
        gc.moveTo(xs[k], y);
      } else {
        gc.lineTo(xs[k], y);
      }
    }
    gc.stroke();
  }

  private void drawOverlay() {
    overlayDirty = false;
    ParallelCoordinatesModel m = model();
    ParallelCoordinatesChart chart = getSkinnable();
    GraphicsContext gc = overlay.getGraphicsContext2D();
    gc.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
    gc.setLineDashes((double[]) null);
    Paint axisColor = chart.axisColorProperty().get();
    Paint text = chart.textFillProperty().get();
    gc.setFont(LABEL_FONT);
    gc.setTextBaseline(VPos.CENTER);
    Paint labelBackground = chart.labelBackgroundProperty().get();
    List<Axis> axes = m.axes();
    double[] xs = geometry.axisX();
    for (int k = 0; k < axes.size(); k++) {
      Axis a = axes.get(k);
      double x = xs[k];
      gc.setStroke(axisColor);
      gc.setLineWidth(1.2);
      gc.strokeLine(x, geometry.top(), x, geometry.bottom());
      gc.setTextAlign(TextAlignment.RIGHT);
      for (Scale.Tick t : a.scale().ticks()) {
        double y = geometry.y(t.position());
        gc.strokeLine(x - 4, y, x, y);
        label(gc, t.label(), x - 6, y, text, labelBackground);
      }
      if (showsNa(m, a)) {
        label(gc, "n/a", x - 6, geometry.naY(), axisColor, labelBackground);
        gc.setFill(axisColor);
        gc.fillOval(x - 2, geometry.naY() - 2, 4, 4);
      }
      m.brush(a.name()).ifPresent(b -> {
        double top = geometry.y(b.hi());
        double bottom = geometry.y(b.lo());
        Color c = asColor(chart.brushColorProperty().get());
        gc.setFill(c.deriveColor(0, 1, 1, 0.22));
        gc.fillRect(x - 8, top, 16, bottom - top);
        gc.setStroke(c);
        gc.setLineWidth(1.5);
        gc.strokeRect(x - 8, top, 16, bottom - top);
      });
    }

    // The best trial on top, thicker and marked.
    OptionalInt best = m.best();
    if (best.isPresent() && m.isVisible(best.getAsInt())) {
      int i = best.getAsInt();
      gc.setStroke(text); // the outline contrasts with the background in either theme
      gc.setLineWidth(4.5);
      strokeLine(gc, i);
      gc.setStroke(colour(m.rgb(i), 1));
      gc.setLineWidth(2.5);
      strokeLine(gc, i);
      m.axis(ParallelCoordinatesModel.VALIDATION).ifPresent(v -> {
        int k = axes.indexOf(v);
        double y = geometry.y(m.position(i, v));
        gc.setFill(colour(m.rgb(i), 1));
        gc.setStroke(text);
        gc.setLineWidth(1.5);
        gc.fillOval(xs[k] - 5, y - 5, 10, 10);
        gc.strokeOval(xs[k] - 5, y - 5, 10, 10);
        gc.setFill(text);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText("best #" + m.trial(i).number(), xs[k] + 8, y - 10);
      });
    }
    Integer selected = chart.getSelectedTrial();
    if (selected != null) {
      m.lineOf(selected).ifPresent(i -> {
        if (m.isVisible(i)) {
          gc.setStroke(chart.selectionColorProperty().get());
          gc.setLineWidth(2.5);
          strokeLine(gc, i);
        }
      });
    }
    if (hovered >= 0 && hovered < m.size()) {
      gc.setStroke(text);
      gc.setLineWidth(2);
      strokeLine(gc, hovered);
    }
    drawLegend(gc, m, text);
  }

  /** Whether axis {@code a} has an "n/a" mark: a parameter that may not apply, or scores of failed trials. */
  private static boolean showsNa(ParallelCoordinatesModel m, Axis a) {
    boolean conditional = !a.isScore() && m.space().parameter(a.name()).flatMap(p -> p.condition()).isPresent();
    return conditional || a.isScore() && m.includesIncomplete();
  }

  /**
   * A label ending at {@code right}, centred on {@code y}, over a box of the chart's background: the
   * lines, bright ones included, never run through its text (in either theme).
   */
  private void label(GraphicsContext gc, String label, double right, double y, Paint fill, Paint background) {
    javafx.geometry.Rectangle2D box = labelBox(label, right, y);
    gc.setGlobalAlpha(LABEL_BOX_OPACITY);
    gc.setFill(background);
    gc.fillRect(box.getMinX(), box.getMinY(), box.getWidth(), box.getHeight());
    gc.setGlobalAlpha(1);
    gc.setFill(fill);
    gc.fillText(label, right, y);
  }

  /** The box behind a label drawn right-aligned at {@code right} and centred on {@code y}. */
  private javafx.geometry.Rectangle2D labelBox(String label, double right, double y) {
    if (Double.isNaN(labelHeight)) {
      measure.setFont(LABEL_FONT);
      measure.setText("0");
      labelHeight = Math.ceil(measure.getLayoutBounds().getHeight());
    }
    double width = labelWidths.computeIfAbsent(label, l -> {
      measure.setText(l);
      return Math.ceil(measure.getLayoutBounds().getWidth());
    });
    return new javafx.geometry.Rectangle2D(right - width - LABEL_PAD, y - labelHeight / 2, width + 2 * LABEL_PAD,
        labelHeight);
  }

  /** The boxes behind axis {@code k}'s tick labels, bottom to top, then its "n/a" mark's if it has one (tests). */
  List<javafx.geometry.Rectangle2D> labelBoxes(int k) {
    Axis a = model().axes().get(k);
    double x = geometry.axisX()[k];
    List<javafx.geometry.Rectangle2D> out = new ArrayList<>();
    for (Scale.Tick t : a.scale().ticks()) {
      out.add(labelBox(t.label(), x - 6, geometry.y(t.position())));
    }
    if (showsNa(model(), a)) {
      out.add(labelBox("n/a", x - 6, geometry.naY()));
    }
    return out;
  }

  private void drawLegend(GraphicsContext gc, ParallelCoordinatesModel m, Paint text) {
    double x = overlay.getWidth() - RIGHT + 46;
    double top = geometry.top();
    double height = geometry.height();
    int steps = 64;
    for (int s = 0; s < steps; s++) {
      double t = 1 - (s + 0.5) / steps;
      gc.setFill(colour(Viridis.rgb(t), 1));
      gc.fillRect(x, top + s * height / steps, 12, height / steps + 1);
    }
    double[] range = m.legendRange();
    gc.setFill(text);
    gc.setTextAlign(TextAlignment.CENTER);
    gc.fillText("validation", x + 6, top - 12);
    gc.setTextAlign(TextAlignment.RIGHT);
    gc.fillText(String.format(Locale.ROOT, "%.3g", range[1]), x - 3, top + 4);
    gc.fillText(String.format(Locale.ROOT, "%.3g", range[0]), x - 3, top + height - 4);
  }

  private static Color colour(int rgb, double alpha) {
    return Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF, alpha);
  }

  private static Color asColor(Paint p) {
    return p instanceof Color c ? c : Color.web("#3b5bdb");
  }

  // --- mouse

  private int axisAt(double x, double y) {
    if (y < geometry.top() - 6 || y > geometry.bottom() + 6) {
      return -1;
    }
    int k = nearestAxis(x);
    return k >= 0 && Math.abs(geometry.axisX()[k] - x) <= AXIS_GRAB ? k : -1;
  }

  private void pressed(MouseEvent e) {
    if (e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    drag = Drag.NONE;
    dragged = false;
    pressY = e.getY();
    int k = axisAt(e.getX(), e.getY());
    if (k < 0) {
      return;
    }
    Axis a = model().axes().get(k);
    dragAxis = a.name();
    double u = clamp(geometry.unit(e.getY()));
    var brush = model().brush(a.name());
    if (e.getClickCount() == 2) {
      getSkinnable().clearBrush(a.name());
      drag = Drag.NONE;
      return;
    }
    if (brush.isPresent()) {
      double yHi = geometry.y(brush.get().hi());
      double yLo = geometry.y(brush.get().lo());
      dragLo = brush.get().lo();
      dragHi = brush.get().hi();
      if (Math.abs(e.getY() - yHi) <= END_GRAB) {
        drag = Drag.RESIZE_HIGH;
        return;
      }
      if (Math.abs(e.getY() - yLo) <= END_GRAB) {
        drag = Drag.RESIZE_LOW;
        return;
      }
      if (e.getY() > yHi && e.getY() < yLo) {
        drag = Drag.MOVE;
        dragAnchor = u;
        return;
      }
    }
    drag = Drag.NEW;
    dragAnchor = u;
  }

  private void dragged(MouseEvent e) {
    if (drag == Drag.NONE) {
      return;
    }
    if (!dragged && Math.abs(e.getY() - pressY) < 3) {
      return;
    }
    dragged = true;
    double u = clamp(geometry.unit(e.getY()));
    ParallelCoordinatesChart chart = getSkinnable();
    switch (drag) {
      case NEW -> chart.brush(dragAxis, Math.min(dragAnchor, u), Math.max(dragAnchor, u));
      case MOVE -> {
        double shift = Math.max(-dragLo, Math.min(1 - dragHi, u - dragAnchor));
        chart.brush(dragAxis, dragLo + shift, dragHi + shift);
      }
      case RESIZE_LOW -> chart.brush(dragAxis, Math.min(u, dragHi), Math.max(u, dragHi));
      case RESIZE_HIGH -> chart.brush(dragAxis, Math.min(u, dragLo), Math.max(u, dragLo));
      default -> { }
    }
    e.consume();
  }

  private void released(MouseEvent e) {
    if (e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    Drag was = drag;
    drag = Drag.NONE;
    if (dragged) {
      return;
    }
    if (was == Drag.MOVE || was == Drag.RESIZE_HIGH || was == Drag.RESIZE_LOW) {
      return;
    }
    OptionalInt line = model().nearest(geometry, e.getX(), e.getY(), 6);
    if (line.isPresent()) {
      getSkinnable().setSelectedTrial(model().trial(line.getAsInt()).number());
    }
  }

  private void moved(MouseEvent e) {
    OptionalInt line = model().nearest(geometry, e.getX(), e.getY(), 8);
    hover(line.orElse(-1), e.getX(), e.getY());
  }

  private void hover(int line, double x, double y) {
    if (line != hovered) {
      hovered = line;
      overlayDirty = true;
      plot.requestLayout();
    }
    if (line < 0) {
      hoverBox.setVisible(false);
      return;
    }
    hoverBox.setText(model().describe(line));
    hoverBox.autosize();
    double bx = x + 14 + hoverBox.getWidth() > plot.getWidth() ? x - 14 - hoverBox.getWidth() : x + 14;
    double by = Math.max(0, Math.min(plot.getHeight() - hoverBox.getHeight(), y + 10));
    hoverBox.relocate(bx, by);
    hoverBox.setVisible(true);
  }

  /** The display index of the axis named {@code name}. */
  int indexOf(String name) {
    List<Axis> axes = model().axes();
    for (int k = 0; k < axes.size(); k++) {
      if (axes.get(k).name().equals(name)) {
        return k;
      }
    }
    return -1;
  }

  private static double clamp(double u) {
    return Math.max(0, Math.min(1, u));
  }
}
