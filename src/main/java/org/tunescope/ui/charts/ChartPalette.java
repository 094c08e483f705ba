package org.tunescope.ui.charts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The colours of a canvas chart, taken from CSS ({@code -chart-background}, {@code -chart-axis-color},
 * {@code -chart-text-fill}, {@code -chart-grid-color}, {@code -chart-train-color},
 * {@code -chart-validation-color}, {@code -chart-accent-color}); the app's stylesheet maps them to the
 * theme's tokens. The initial values are the light theme's. A chart owns one palette, lists
 * {@link #cssMetaData} in its {@code getCssMetaData()} and redraws on {@link #onChange}.
 */
public final class ChartPalette {

  /** A chart with a palette. */
  public interface Owner extends Styleable {
    ChartPalette palette();
  }

  private static final Color TEXT = Color.web("#5d6678");

  private static final StyleablePaints<Owner> PAINTS = new StyleablePaints<>("-chart-", List.of());
  private static final CssMetaData<Owner, Paint> BACKGROUND =
      PAINTS.declare("background", Color.WHITE, o -> o.palette().background);
  private static final CssMetaData<Owner, Paint> AXIS_COLOR =
      PAINTS.declare("axisColor", TEXT, o -> o.palette().axisColor);
  private static final CssMetaData<Owner, Paint> TEXT_FILL = PAINTS.declare("textFill", TEXT, o -> o.palette().textFill);
  private static final CssMetaData<Owner, Paint> GRID_COLOR =
      PAINTS.declare("gridColor", Color.web("#d5d9e0"), o -> o.palette().gridColor);
  private static final CssMetaData<Owner, Paint> TRAIN_COLOR =
      PAINTS.declare("trainColor", Color.web("#e8590c"), o -> o.palette().trainColor);
  private static final CssMetaData<Owner, Paint> VALIDATION_COLOR =
      PAINTS.declare("validationColor", Color.web("#1c7ed6"), o -> o.palette().validationColor);
  private static final CssMetaData<Owner, Paint> ACCENT_COLOR =
      PAINTS.declare("accentColor", Color.web("#3b5bdb"), o -> o.palette().accentColor);

  private final StyleableObjectProperty<Paint> background;
  private final StyleableObjectProperty<Paint> axisColor;
  private final StyleableObjectProperty<Paint> textFill;
  private final StyleableObjectProperty<Paint> gridColor;
  private final StyleableObjectProperty<Paint> trainColor;
  private final StyleableObjectProperty<Paint> validationColor;
  private final StyleableObjectProperty<Paint> accentColor;

  public ChartPalette(Owner owner) {
    background = PAINTS.property(owner, BACKGROUND);
    axisColor = PAINTS.property(owner, AXIS_COLOR);
    textFill = PAINTS.property(owner, TEXT_FILL);
    gridColor = PAINTS.property(owner, GRID_COLOR);
    trainColor = PAINTS.property(owner, TRAIN_COLOR);
    validationColor = PAINTS.property(owner, VALIDATION_COLOR);
    accentColor = PAINTS.property(owner, ACCENT_COLOR);
  }

  /** The palette's CSS metadata after the owner's superclass's ({@code inherited}). */
  public static List<CssMetaData<? extends Styleable, ?>> cssMetaData(List<CssMetaData<? extends Styleable, ?>> inherited) {
    List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(inherited);
    all.addAll(PAINTS.cssMetaData());
    return Collections.unmodifiableList(all);
  }

  /**
   * Runs {@code redraw} once after colours change, as when the theme changes: a theme sets all seven in
   * one CSS pass, and one redraw after it is enough.
   */
  public void onChange(Runnable redraw) {
    boolean[] queued = {false};
    for (ObjectProperty<Paint> p : List.of(background, axisColor, textFill, gridColor, trainColor, validationColor,
        accentColor)) {
      p.addListener((o, before, after) -> {
        if (!queued[0]) {
          queued[0] = true;
          Platform.runLater(() -> {
            queued[0] = false;
            redraw.run();
          });
        }
      });
    }
  }

  // --- as colours, for drawing on a canvas (a gradient falls back to the initial colour)

  public Color background() {
    return color(background, BACKGROUND);
  }

  public Color axis() {
    return color(axisColor, AXIS_COLOR);
  }

  public Color text() {
    return color(textFill, TEXT_FILL);
  }

  public Color grid() {
    return color(gridColor, GRID_COLOR);
  }

  public Color train() {
    return color(trainColor, TRAIN_COLOR);
  }

  public Color validation() {
    return color(validationColor, VALIDATION_COLOR);
  }

  public Color accent() {
    return color(accentColor, ACCENT_COLOR);
  }

  private static Color color(ObjectProperty<Paint> p, CssMetaData<Owner, Paint> meta) {
    return p.get() instanceof Color c ? c : (Color) meta.getInitialValue(null);
  }
}
