package org.tunescope.ui.charts.curve;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import org.tunescope.ml.tuning.ValidationCurveModel;
import org.tunescope.ui.charts.ChartPalette;

/**
 * The overfitting curve: mean train and validation score against one hyperparameter, each with a band
 * of one standard deviation across folds, every trial as a faint point behind, the underfitting, good
 * fit and overfitting zones shaded and named, the best point and optionally the one-standard-error
 * choice marked. Clicking a point selects its trial.
 */
public class ValidationCurveChart extends Control implements ChartPalette.Owner {

  private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA =
      ChartPalette.cssMetaData(Control.getClassCssMetaData(), ChartPalette.CANVAS);

  private final ChartPalette palette = new ChartPalette(this, ChartPalette.CANVAS);

  public ValidationCurveChart() {
    getStyleClass().add("validation-curve-chart");
    setMinSize(200, 150);
    setPrefSize(700, 420);
  }

  @Override
  protected Skin<?> createDefaultSkin() {
    return new ValidationCurveSkin(this);
  }

  // --- colours (CSS: -chart-background, -chart-axis-color, -chart-text-fill, -chart-grid-color,
  // -chart-train-color, -chart-validation-color, -chart-accent-color)

  /** The chart's colours, from the theme; the skin redraws when they change. */
  @Override
  public ChartPalette palette() {
    return palette;
  }

  public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
    return CSS_META_DATA;
  }

  @Override
  protected List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
    return getClassCssMetaData();
  }

  // --- model
  private final ObjectProperty<ValidationCurveModel> model = new SimpleObjectProperty<>(this, "model");

  public final ObjectProperty<ValidationCurveModel> modelProperty() {
    return model;
  }

  // --- showOneStandardError
  private final BooleanProperty showOneStandardError = new SimpleBooleanProperty(this, "showOneStandardError", true);

  public final BooleanProperty showOneStandardErrorProperty() {
    return showOneStandardError;
  }

  // --- annotations
  private final BooleanProperty annotations = new SimpleBooleanProperty(this, "annotations", true);

  /** Whether the fit zones and the best point are drawn (off for a learning curve, where they mean nothing). */
  public final BooleanProperty annotationsProperty() {
    return annotations;
  }

  // --- xLabel
  private final StringProperty xLabel = new SimpleStringProperty(this, "xLabel");

  /** The x axis title; the parameter's name when empty. */
  public final StringProperty xLabelProperty() {
    return xLabel;
  }

  // --- yLabel
  private final StringProperty yLabel = new SimpleStringProperty(this, "yLabel", "");

  /** The y axis title: the metric and which way is better ("rmse (lower is better)"); none when empty. */
  public final StringProperty yLabelProperty() {
    return yLabel;
  }

  // --- placeholder
  private final StringProperty placeholder =
      new SimpleStringProperty(this, "placeholder", "The overfitting curve appears as trials finish.");

  /** What the chart says while it has no points. */
  public final StringProperty placeholderProperty() {
    return placeholder;
  }

  // --- marker
  private final DoubleProperty marker = new SimpleDoubleProperty(this, "marker", Double.NaN);

  /** A value of the parameter to mark with a vertical line (the lab's slider); NaN for none. */
  public final DoubleProperty markerProperty() {
    return marker;
  }

  // --- selectedTrial
  private final ObjectProperty<Integer> selectedTrial = new SimpleObjectProperty<>(this, "selectedTrial");

  /** The selected trial's number, shared with the trials table and the other charts. */
  public final ObjectProperty<Integer> selectedTrialProperty() {
    return selectedTrial;
  }

  // --- sharedYRange
  private final ObjectProperty<double[]> sharedYRange = new SimpleObjectProperty<>(this, "sharedYRange");

  /**
   * A y range {lo, hi} to draw on instead of the curve's own, so that small multiples of several models
   * share one validation scale (see {@link #yRangeOf}); null for the curve's own range.
   */
  public final ObjectProperty<double[]> sharedYRangeProperty() {
    return sharedYRange;
  }

  /** The y range {lo, hi} that shows every one of the curves as each would show itself. */
  public static double[] yRangeOf(List<ValidationCurveModel> curves) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (ValidationCurveModel m : curves) {
      YRange r = YRange.of(m);
      lo = Math.min(lo, r.lo());
      hi = Math.max(hi, r.hi());
    }
    return hi > lo ? new double[] {lo, hi} : new double[] {0, 1};
  }
}
