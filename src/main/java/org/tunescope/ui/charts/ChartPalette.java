package org.tunescope.ui.charts;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The colours of a chart, taken from CSS so that they follow the theme's tokens. A family of charts declares
 * its colours once ({@link #declare}): the canvas charts' {@link #CANVAS} ({@code -chart-background},
 * {@code -chart-axis-color}, {@code -chart-text-fill}, {@code -chart-grid-color}, {@code -chart-train-color},
 * {@code -chart-validation-color}, {@code -chart-accent-color}), the parallel coordinates' {@code -pc-} ones.
 * The app's stylesheet maps them to the theme's tokens; the initial values are the light theme's. A chart
 * owns one palette, lists {@link #cssMetaData} in its {@code getCssMetaData()} and redraws on {@link #onChange}.
 */
public final class ChartPalette {

  /** A chart with a palette. */
  public interface Owner extends Styleable {
    ChartPalette palette();
  }

  private static final Color TEXT = Color.web("#5d6678");

  /** The canvas charts' colours, in the order of the accessors below. */
  public static final List<CssMetaData<Owner, Paint>> CANVAS = declare("-chart-", "background", Color.WHITE,
      "axis-color", TEXT, "text-fill", TEXT, "grid-color", Color.web("#d5d9e0"), "train-color", Color.web("#e8590c"),
      "validation-color", Color.web("#1c7ed6"), "accent-color", Color.web("#3b5bdb"));

  private final List<CssMetaData<Owner, Paint>> declared;
  private final List<StyleableObjectProperty<Paint>> colours = new ArrayList<>();

  /** A palette of the colours {@code declared} for {@code owner}'s family, at their initial values. */
  public ChartPalette(Owner owner, List<CssMetaData<Owner, Paint>> declared) {
    this.declared = declared;
    for (CssMetaData<Owner, Paint> meta : declared) {
      colours.add(new SimpleStyleableObjectProperty<>(meta, owner, meta.getProperty(), meta.getInitialValue(owner)));
    }
  }

  /** Colours named {@code prefix} + name, each name followed by its initial paint. */
  public static List<CssMetaData<Owner, Paint>> declare(String prefix, Object... namesAndPaints) {
    List<CssMetaData<Owner, Paint>> out = new ArrayList<>();
    for (int i = 0; i < namesAndPaints.length; i += 2) {
      int index = i / 2;
      out.add(new CssMetaData<>(prefix + namesAndPaints[i], PaintConverter.getInstance(), (Paint) namesAndPaints[i + 1]) {
        @Override
        public boolean isSettable(Owner owner) {
          return !owner.palette().colours.get(index).isBound();
        }

        @Override
        public StyleableProperty<Paint> getStyleableProperty(Owner owner) {
          return owner.palette().colours.get(index);
        }
      });
    }
    return List.copyOf(out);
  }

  /** The owner's superclass's CSS metadata ({@code inherited}) followed by the family's colours. */
  public static List<CssMetaData<? extends Styleable, ?>> cssMetaData(List<CssMetaData<? extends Styleable, ?>> inherited,
      List<CssMetaData<Owner, Paint>> declared) {
    List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(inherited);
    all.addAll(declared);
    return List.copyOf(all);
  }

  /**
   * Runs {@code redraw} once after colours change, as when the theme changes: a theme sets all of them in
   * one CSS pass, and one redraw after it is enough.
   */
  public void onChange(Runnable redraw) {
    boolean[] queued = {false};
    for (StyleableObjectProperty<Paint> p : colours) {
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

  /** The colour properties, in the order declared. */
  public List<StyleableObjectProperty<Paint>> properties() {
    return colours;
  }

  /** The {@code index}th colour declared, as set. */
  public Paint paint(int index) {
    return colours.get(index).get();
  }

  /** The {@code index}th colour declared, for drawing on a canvas (a gradient falls back to the initial colour). */
  public Color color(int index) {
    return paint(index) instanceof Color c ? c : (Color) declared.get(index).getInitialValue(null);
  }

  // --- the canvas charts' colours

  public Color background() {
    return color(0);
  }

  public Color axis() {
    return color(1);
  }

  public Color text() {
    return color(2);
  }

  public Color grid() {
    return color(3);
  }

  public Color train() {
    return color(4);
  }

  public Color validation() {
    return color(5);
  }

  public Color accent() {
    return color(6);
  }
}
