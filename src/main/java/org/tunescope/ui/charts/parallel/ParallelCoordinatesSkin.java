package org.tunescope.ui.charts.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Draws a {@link ParallelCoordinatesChart} from four parts: its {@link ParallelToolBar}, the lines
 * ({@link LineRenderer}, rasterised on a background thread and shown in an image view), the axes, brushes
 * and highlighted lines painted over them ({@link OverlayPainter}) and the mouse ({@link BrushInteraction}).
 * The skin lays them out, with the axis titles as labels above the axes that can be dragged sideways.
 *
 * <p>What a redraw costs the JavaFX thread: each line's pixel y on every axis is computed once per layout
 * (resize, new data, axes reordered), so a brush drag only lists the kept lines by colour and hands the
 * list to {@link LineLayers}, which rasterises them on a background thread over the cached faint layer
 * and hands back the finished image; it is shown with one copy. A finished trial adds its line to the image
 * as it is.
 */
public class ParallelCoordinatesSkin extends SkinBase<ParallelCoordinatesChart> {

  static final double LEFT = 40;
  static final double RIGHT = 96;
  /** The plot's top when the axis titles fit in one row; two staggered rows push it down. */
  static final double TOP = 40;
  static final double BOTTOM = 40;
  private static final double TITLE_Y = 8;
  /** The least room between two titles, and below the titles above the top tick labels. */
  private static final double TITLE_GAP = 6;
  private static final double TITLES_TO_PLOT = 12;
  private static final double TITLE_ROW_GAP = 2;
  /** How far right of the last axis its title may reach (the colour legend's title is beyond). */
  private static final double LAST_TITLE_REACH = 24;

  private final ImageView lines = new ImageView();
  private final Canvas overlay = new Canvas();
  private final Pane titles = new Pane();
  private final Label hoverBox = new Label();
  private final Pane plot;
  private final ParallelToolBar toolBar;
  private final LineRenderer renderer;
  private final OverlayPainter painter;
  private final List<Label> titleLabels = new ArrayList<>();
  private final Consumer<ParallelCoordinatesChart.Change> onChange = this::onChange;

  private boolean linesDirty = true;
  private boolean overlayDirty = true;
  private int hovered = -1;
  private PlotGeometry geometry = new PlotGeometry(new double[0], TOP, 0);

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
    toolBar = new ParallelToolBar(chart);
    renderer = new LineRenderer(chart, lines, overlay);
    painter = new OverlayPainter(chart, overlay);
    new BrushInteraction(chart, overlay, this::geometry, this::hover);
    VBox.setVgrow(plot, Priority.ALWAYS);
    getChildren().add(new VBox(toolBar, plot));
    chart.addChangeListener(onChange);
    followRenderScale(chart);
    onChange(ParallelCoordinatesChart.Change.FULL);
  }

  /**
   * Lays the plot out again when the scale the lines are drawn at may have changed: the chart's own, or its
   * window's (moved to a screen of another density).
   */
  private void followRenderScale(ParallelCoordinatesChart chart) {
    javafx.beans.InvalidationListener relayout = o -> plot.requestLayout();
    chart.renderScaleProperty().addListener(relayout);
    javafx.beans.value.ChangeListener<javafx.stage.Window> onWindow = (o, was, now) -> {
      if (was != null) {
        was.renderScaleXProperty().removeListener(relayout);
      }
      if (now != null) {
        now.renderScaleXProperty().addListener(relayout);
      }
      plot.requestLayout();
    };
    chart.sceneProperty().addListener((o, was, now) -> {
      if (was != null) {
        was.windowProperty().removeListener(onWindow);
        onWindow.changed(null, was.getWindow(), null);
      }
      if (now != null) {
        now.windowProperty().addListener(onWindow);
        onWindow.changed(null, null, now.getWindow());
      }
    });
    if (chart.getScene() != null) {
      chart.getScene().windowProperty().addListener(onWindow);
      onWindow.changed(null, null, chart.getScene().getWindow());
    }
  }

  /** Device pixels per layout unit the lines are drawn at: the chart's scale if set, else its window's. */
  double renderScale() {
    ParallelCoordinatesChart chart = getSkinnable();
    double set = chart.renderScaleProperty().get();
    if (set > 0) {
      return set;
    }
    javafx.stage.Window window = chart.getScene() == null ? null : chart.getScene().getWindow();
    return window == null ? 1 : Math.max(1, Math.max(window.getRenderScaleX(), window.getRenderScaleY()));
  }

  @Override
  public void dispose() {
    renderer.dispose();
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
      renderer.invalidateLayout();
      rebuildTitles();
      if (hovered >= m.size()) {
        hovered = -1;
      }
    }
    overlayDirty = true;
    toolBar.update(m);
    plot.requestLayout();
  }

  private ParallelCoordinatesModel model() {
    return getSkinnable().getModel();
  }

  // --- what tests and the benchmark read

  /**
   * The lines' renderer, whose counters tests and the benchmark read: lines drawn now, full and incremental
   * redraws, images shown, when the last and the first image of a redraw were shown, how long the last full
   * redraw took on the JavaFX thread; its {@code layers}: frames pending, coarse passes, rasterising time.
   */
  LineRenderer renderer() {
    return renderer;
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

  /** The boxes behind axis {@code k}'s tick labels, bottom to top, then its "n/a" mark's if it has one (tests). */
  List<javafx.geometry.Rectangle2D> labelBoxes(int k) {
    return painter.labelBoxes(geometry, k);
  }

  // --- layout

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
        int to = geometry.nearestAxis(centre);
        if (to >= 0 && to != index) {
          getSkinnable().moveAxis(index, to);
        }
        e.consume();
      });
      titleLabels.add(title);
      titles.getChildren().add(title);
    }
  }

  private void paint(double w, double h) {
    if (w <= 0 || h <= 0) {
      return;
    }
    boolean contentChanged = linesDirty;
    if (renderer.setScale(renderScale())) {
      linesDirty = true;
    }
    if (overlay.getWidth() != w || overlay.getHeight() != h) {
      overlay.setWidth(w);
      overlay.setHeight(h);
      linesDirty = true;
      overlayDirty = true;
      renderer.invalidateBase();
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
      renderer.invalidateLayout();
      linesDirty = true;
    }
    geometry = g;
    renderer.setGeometry(g);
    renderer.placeLines();
    if (overlayDirty) {
      // Before the lines are handed over: drawn after, it would compete with their drawing for the cores.
      overlayDirty = false;
      painter.paint(geometry, hovered);
    }
    if (linesDirty) {
      linesDirty = false;
      renderer.redraw(contentChanged);
    } else {
      renderer.drawNew();
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

  /** The room between two margins, as the geometry reckons it. */
  static double span(double size, double margins) {
    return Math.max(10, size - margins);
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

  /** The display index of the axis named {@code name} (tests). */
  int indexOf(String name) {
    return model().axis(name).map(model().axes()::indexOf).orElse(-1);
  }
}
