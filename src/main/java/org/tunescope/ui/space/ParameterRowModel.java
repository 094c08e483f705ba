package org.tunescope.ui.space;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.engine.space.ParamType;
import org.tunescope.engine.space.Scale;

/**
 * One row of the search-space editor: a hyperparameter's searched range (or fixed value, or chosen
 * categories), read from and checked against the catalog's declaration. Values are in the parameter's
 * own units; the slider works in "slider space" (log10 of the value on a log scale).
 */
public final class ParameterRowModel {

  private final HyperParameter parameter;
  private final DoubleProperty low = new SimpleDoubleProperty(this, "low");
  private final DoubleProperty high = new SimpleDoubleProperty(this, "high");
  private final DoubleProperty value = new SimpleDoubleProperty(this, "value");
  private final BooleanProperty log = new SimpleBooleanProperty(this, "log");
  private final BooleanProperty fixed = new SimpleBooleanProperty(this, "fixed");
  private final ReadOnlyBooleanWrapper applies = new ReadOnlyBooleanWrapper(this, "applies", true);
  /** What is wrong with text typed into the row's fields and not yet a value ("abc"); empty when nothing. */
  private final StringProperty inputProblem = new SimpleStringProperty(this, "inputProblem", "");
  private final Map<String, BooleanProperty> categories = new LinkedHashMap<>();
  private double sliderLow;
  private double sliderHigh;

  public ParameterRowModel(HyperParameter parameter) {
    this.parameter = parameter;
    for (String c : parameter.choices()) {
      categories.put(c, new SimpleBooleanProperty(this, c));
    }
    low.addListener((o, a, b) -> snapOnChange(low, b.doubleValue()));
    high.addListener((o, a, b) -> snapOnChange(high, b.doubleValue()));
    value.addListener((o, a, b) -> snapOnChange(value, b.doubleValue()));
    reset();
  }

  /** Back to the catalog's default search and default value. */
  public void reset() {
    Distribution d = parameter.defaultSearch();
    fixed.set(false);
    if (!isCategorical()) {
      value.set(((Number) parameter.defaultValue()).doubleValue());
      if (d instanceof Distribution.Fixed f) {
        double v = ((Number) f.value()).doubleValue();
        setRange(v, v, false);
      }
    }
    apply(d);
  }

  private void setRange(double lo, double hi, boolean logScale) {
    log.set(logScale);
    low.set(lo);
    high.set(hi);
    // The slider spans a decade beyond the default range on log scales, half the range on linear ones,
    // within the domain: room to widen the search without typing.
    double domainLow = parameter.minExclusive() ? Math.nextUp(parameter.min()) : parameter.min();
    if (logScale) {
      sliderLow = Math.max(lo / 10, domainLow > 0 ? domainLow : lo / 10);
      sliderHigh = Math.min(hi * 10, parameter.max());
    } else {
      double span = Math.max(hi - lo, 1e-9);
      sliderLow = Math.max(lo - span / 2, domainLow);
      sliderHigh = Math.min(hi + span / 2, parameter.max());
    }
    if (parameter.type() == ParamType.INT) {
      sliderLow = Math.ceil(sliderLow);
      sliderHigh = Math.floor(sliderHigh);
    }
  }

  private void snapOnChange(DoubleProperty p, double v) {
    if (parameter.type() == ParamType.INT && v != Math.rint(v)) {
      p.set(Math.rint(v));
    }
  }

  /** The slider's ends in slider space, widened to include the current values. */
  public double sliderMin() {
    return toSlider(Math.min(sliderLow, Math.min(low.get(), value.get())));
  }

  public double sliderMax() {
    return toSlider(Math.max(sliderHigh, Math.max(high.get(), value.get())));
  }

  /** A value in slider space: log10 on a log scale. */
  public double toSlider(double v) {
    return Scale.toSlider(v, log.get());
  }

  /** A slider position back in the parameter's units, snapped to integers for int parameters. */
  public double fromSlider(double s) {
    return Scale.fromSlider(s, log.get(), parameter.type() == ParamType.INT);
  }

  /**
   * Switches the log scale; a log scale needs positive values, so turning it on lifts a low end of zero
   * or less to the smallest valid value.
   */
  public void setLog(boolean on) {
    if (on && low.get() <= 0) {
      double smallest = parameter.type() == ParamType.INT ? 1 : Math.max(high.get() / 1000, 1e-6);
      low.set(Math.min(smallest, high.get()));
    }
    log.set(on);
  }

  /** Whether the log toggle makes sense: positive domain, numeric. */
  public boolean canUseLog() {
    return parameter.type() != ParamType.CATEGORICAL && parameter.max() > 0
        && (parameter.min() > 0 || parameter.minExclusive() && parameter.min() >= 0 || parameter.max() > 1);
  }

  /** What is wrong with the row, if anything: a low end above the high end, a value outside the domain. */
  public Optional<String> problem() {
    if (!inputProblem.get().isEmpty()) {
      return Optional.of(inputProblem.get());
    }
    if (parameter.type() == ParamType.CATEGORICAL) {
      long chosen = categories.values().stream().filter(BooleanProperty::get).count();
      if (chosen == 0) {
        return Optional.of(parameter.name() + ": choose at least one value");
      }
      if (fixed.get() && chosen > 1) {
        return Optional.of(parameter.name() + ": a fixed parameter takes exactly one value");
      }
    } else if (!fixed.get() && low.get() > high.get()) {
      return Optional.of(parameter.name() + ": the low end is above the high end");
    }
    try {
      return parameter.check(distribution());
    } catch (IllegalArgumentException e) {
      return Optional.of(parameter.name() + ": " + e.getMessage());
    }
  }

  /** The row as a search distribution. */
  public Distribution distribution() {
    if (parameter.type() == ParamType.CATEGORICAL) {
      List<Object> chosen = new ArrayList<>();
      categories.forEach((name, selected) -> {
        if (selected.get()) {
          chosen.add(name);
        }
      });
      return chosen.size() == 1 ? new Distribution.Fixed(chosen.get(0)) : new Distribution.Choice(chosen);
    }
    boolean isInt = parameter.type() == ParamType.INT;
    if (fixed.get() || low.get() == high.get()) {
      double v = fixed.get() ? value.get() : low.get();
      return new Distribution.Fixed(isInt ? (Object) Math.round(v) : (Object) v);
    }
    return isInt ? new Distribution.IntRange(Math.round(low.get()), Math.round(high.get()), log.get())
        : new Distribution.FloatRange(low.get(), high.get(), log.get());
  }

  /** Sets the row from a distribution (a stored study's space). */
  public void apply(Distribution d) {
    if (d instanceof Distribution.Choice c && parameter.type() == ParamType.CATEGORICAL) {
      categories.forEach((name, selected) -> selected.set(c.values().contains(name)));
      fixed.set(false);
    } else if (d instanceof Distribution.Fixed f) {
      if (parameter.type() == ParamType.CATEGORICAL) {
        categories.forEach((name, selected) -> selected.set(name.equals(f.value())));
      } else {
        value.set(((Number) f.value()).doubleValue());
      }
      fixed.set(true);
    } else if (d instanceof Distribution.FloatRange r) {
      setRange(r.low(), r.high(), r.log());
      fixed.set(false);
    } else if (d instanceof Distribution.IntRange r) {
      setRange(r.low(), r.high(), r.log());
      fixed.set(false);
    }
  }

  public HyperParameter parameter() {
    return parameter;
  }

  public String name() {
    return parameter.name();
  }

  public boolean isCategorical() {
    return parameter.type() == ParamType.CATEGORICAL;
  }

  public boolean isInteger() {
    return parameter.type() == ParamType.INT;
  }

  public DoubleProperty lowProperty() {
    return low;
  }

  public DoubleProperty highProperty() {
    return high;
  }

  public DoubleProperty valueProperty() {
    return value;
  }

  public BooleanProperty logProperty() {
    return log;
  }

  public BooleanProperty fixedProperty() {
    return fixed;
  }

  public Map<String, BooleanProperty> categories() {
    return categories;
  }

  /**
   * Text typed into one of the row's fields that is not a value yet (the view sets it as the user types):
   * while it is there, the row has a problem and the study cannot start with a value the user did not mean.
   */
  public StringProperty inputProblemProperty() {
    return inputProblem;
  }

  public ReadOnlyBooleanProperty appliesProperty() {
    return applies.getReadOnlyProperty();
  }

  void setApplies(boolean on) {
    applies.set(on);
  }

  /** The values this row can currently take, for deciding whether conditional rows apply. */
  List<Object> possibleValues() {
    Distribution d = distribution();
    if (d instanceof Distribution.Choice c) {
      return c.values();
    }
    if (d instanceof Distribution.Fixed f) {
      return List.of(f.value());
    }
    return List.of();
  }
}
