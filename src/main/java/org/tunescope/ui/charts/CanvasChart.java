package org.tunescope.ui.charts;

import java.util.List;
import javafx.css.CssMetaData;
import javafx.geometry.VPos;
import javafx.css.Styleable;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A chart drawn on one canvas in the theme's colours (a {@link ChartPalette} of the canvas charts' colours):
 * the canvas fills the region (or the largest centred square, for a square chart) and is drawn again when
 * its size or colours change, or when a subclass calls {@link #redraw}.
 */
public abstract class CanvasChart extends Region implements ChartPalette.Owner {

  private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA =
      ChartPalette.cssMetaData(Region.getClassCssMetaData(), ChartPalette.CANVAS);

  private final ChartPalette palette = new ChartPalette(this, ChartPalette.CANVAS);
  private final Canvas canvas = new Canvas();
  private final boolean square;

  protected CanvasChart(boolean square) {
    this.square = square;
    getChildren().add(canvas);
    palette.onChange(this::redraw);
  }

  /** The chart's colours, from the theme. */
  @Override
  public ChartPalette palette() {
    return palette;
  }

  public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
    return CSS_META_DATA;
  }

  @Override
  public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
    return getClassCssMetaData();
  }

  @Override
  protected void layoutChildren() {
    double w = square ? Math.min(getWidth(), getHeight()) : getWidth();
    double h = square ? w : getHeight();
    if (canvas.getWidth() != w || canvas.getHeight() != h) {
      canvas.setWidth(w);
      canvas.setHeight(h);
      redraw();
    }
    canvas.relocate((getWidth() - w) / 2, (getHeight() - h) / 2);
  }

  /** Clears the canvas and draws the chart again. */
  protected final void redraw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight()); // a translucent background must not keep old marks
    g.setFill(palette.background());
    g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
    g.setFont(Font.font(11));
    draw(g, canvas.getWidth(), canvas.getHeight());
  }

  /** Draws the chart on a cleared canvas of the given size. */
  protected abstract void draw(GraphicsContext g, double w, double h);

  /** A centred message for an empty chart. */
  protected final void message(GraphicsContext g, double w, double h, String text) {
    g.setFill(palette.text());
    g.setTextAlign(TextAlignment.CENTER);
    g.fillText(text, w / 2, h / 2);
  }

  /** A title running up the left edge, centred on {@code y}, beside the y axis's tick labels. */
  protected final void verticalTitle(GraphicsContext g, String text, double y) {
    g.save();
    g.translate(10, y);
    g.rotate(-90);
    g.setTextBaseline(VPos.CENTER);
    g.fillText(text, 0, 0);
    g.restore();
  }
}
