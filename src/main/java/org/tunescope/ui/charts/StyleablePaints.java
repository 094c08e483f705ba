package org.tunescope.ui.charts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.PaintConverter;
import javafx.scene.paint.Paint;

/**
 * Colour properties a chart takes from CSS, so that it follows the theme's tokens: each colour is declared
 * once per chart class (its CSS name is the prefix plus the camel-case name in kebab case, e.g.
 * {@code axisColor} under {@code -pc-} is {@code -pc-axis-color}) and each chart instance gets a
 * {@link StyleableObjectProperty} for it. A chart redraws when one of its properties changes, which is how a
 * theme switch repaints it.
 *
 * @param <S> the styleable that owns the properties
 */
public final class StyleablePaints<S extends Styleable> {

  private final String prefix;
  private final List<CssMetaData<? extends Styleable, ?>> inherited;
  private final List<CssMetaData<S, Paint>> declared = Collections.synchronizedList(new ArrayList<>());
  private volatile List<CssMetaData<? extends Styleable, ?>> all;

  /** Properties named {@code prefix + kebab-name}, listed after the owner's superclass's {@code inherited} ones. */
  public StyleablePaints(String prefix, List<CssMetaData<? extends Styleable, ?>> inherited) {
    this.prefix = prefix;
    this.inherited = List.copyOf(inherited);
  }

  /**
   * Declares a colour: call it from a static initialiser, before {@link #cssMetaData()} is first used.
   * {@code accessor} finds the owner's property, which {@link #property} makes.
   */
  public CssMetaData<S, Paint> declare(String name, Paint initial,
      Function<S, StyleableObjectProperty<Paint>> accessor) {
    String css = prefix + name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    CssMetaData<S, Paint> meta = new PaintMetaData<>(name, css, initial, accessor);
    declared.add(meta);
    return meta;
  }

  /** The owner's property for a declared colour, starting at the declared initial value. */
  public StyleableObjectProperty<Paint> property(S owner, CssMetaData<S, Paint> meta) {
    String name = ((PaintMetaData<S>) meta).name;
    return new StyleableObjectProperty<>(meta.getInitialValue(owner)) {
      @Override
      public Object getBean() {
        return owner;
      }

      @Override
      public String getName() {
        return name;
      }

      @Override
      public CssMetaData<? extends Styleable, Paint> getCssMetaData() {
        return meta;
      }
    };
  }

  /** The superclass's CSS metadata followed by the declared colours, for {@code getClassCssMetaData()}. */
  public List<CssMetaData<? extends Styleable, ?>> cssMetaData() {
    List<CssMetaData<? extends Styleable, ?>> list = all;
    if (list == null) {
      List<CssMetaData<? extends Styleable, ?>> built = new ArrayList<>(inherited);
      built.addAll(declared);
      list = Collections.unmodifiableList(built);
      all = list;
    }
    return list;
  }

  private static final class PaintMetaData<S extends Styleable> extends CssMetaData<S, Paint> {
    private final String name;
    private final Function<S, StyleableObjectProperty<Paint>> accessor;

    PaintMetaData(String name, String css, Paint initial, Function<S, StyleableObjectProperty<Paint>> accessor) {
      super(css, PaintConverter.getInstance(), initial);
      this.name = name;
      this.accessor = accessor;
    }

    @Override
    public boolean isSettable(S owner) {
      return !accessor.apply(owner).isBound();
    }

    @Override
    public StyleableProperty<Paint> getStyleableProperty(S owner) {
      return accessor.apply(owner);
    }
  }
}
