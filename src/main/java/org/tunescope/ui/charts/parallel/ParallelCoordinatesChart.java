package org.tunescope.ui.charts.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;
import org.tunescope.ui.charts.ChartPalette;

/**
 * A parallel-coordinates chart of a study's trials: one vertical axis per searched hyperparameter plus
 * train, validation and gap; one line per finished trial, coloured by validation score (viridis, the
 * bright end best). Drag along an axis to brush, drag a title to reorder, hover for a trial's values,
 * click to select it. It follows a live trials list: a finished trial adds one line without redrawing
 * the others unless a score axis must widen.
 *
 * <p>The state lives in a UI-free {@link ParallelCoordinatesModel}; the skin only draws it on a canvas.
 */
public class ParallelCoordinatesChart extends Control implements ChartPalette.Owner {

  /** What changed, for the skin: everything, the brushes only, only new lines at the end, or the overlay. */
  enum Change { FULL, BRUSH, APPENDED, OVERLAY }

  private static final String DEFAULT_STYLE_CLASS = "parallel-coordinates-chart";

  private ParallelCoordinatesModel model = ParallelCoordinatesModel.empty();
  private final ListChangeListener<Trial> listListener = this::onTrialsChanged;
  private final List<Consumer<Change>> changeListeners = new ArrayList<>();
  private ObservableList<Trial> listened;

  public ParallelCoordinatesChart() {
    getStyleClass().add(DEFAULT_STYLE_CLASS);
    setFocusTraversable(false);
    // An invalidation listener: a change listener would miss a swap between two equal (say empty) lists.
    trials.addListener(o -> {
      if (listened != null) {
        listened.removeListener(listListener);
      }
      listened = trials.get();
      if (listened != null) {
        listened.addListener(listListener);
      }
      rebuild();
    });
    listened = trials.get();
    listened.addListener(listListener);
    space.addListener(o -> rebuild());
    direction.addListener(o -> rebuild());
    metric.addListener(o -> rebuild());
    showIncomplete.addListener((o, a, on) -> {
      model.setIncludeIncomplete(on);
      fire(Change.FULL);
    });
    selectedTrial.addListener(o -> fire(Change.OVERLAY));
    hiddenAxes.addListener((o, a, names) -> {
      model.setHidden(names);
      fire(Change.FULL);
    });
    axisOrder.addListener((o, a, names) -> {
      if (!names.equals(model.arrangementNames())) {
        model.arrange(names);
        fire(Change.FULL);
      }
    });
    palette.properties().forEach(p -> p.addListener(o -> fire(Change.FULL)));
  }

  @Override
  protected Skin<?> createDefaultSkin() {
    return new ParallelCoordinatesSkin(this);
  }

  @Override
  public String getUserAgentStylesheet() {
    return ParallelCoordinatesChart.class.getResource("parallel-coordinates.css").toExternalForm();
  }

  // --- model

  /** The chart's current state, without the drawing. */
  public ParallelCoordinatesModel getModel() {
    return model;
  }

  private void rebuild() {
    SearchSpace s = space.get();
    model = s == null ? ParallelCoordinatesModel.empty()
        : new ParallelCoordinatesModel(s, direction.get() == null ? Direction.MAXIMIZE : direction.get(),
            metric.get() == null ? "" : metric.get());
    model.setIncludeIncomplete(showIncomplete.get());
    // the person's choices outlive the study: the same axes stay hidden, in the same order, in the next
    model.arrange(axisOrder.get());
    model.setHidden(hiddenAxes.get());
    model.setTrials(trials.get() == null ? List.of() : trials.get());
    fire(Change.FULL);
  }

  private void onTrialsChanged(ListChangeListener.Change<? extends Trial> c) {
    boolean full = false;
    boolean added = false;
    while (c.next() && !full) {
      if (c.wasPermutated() || c.wasUpdated()) {
        continue;
      }
      // Lines removed, or more new lines than old ones (a study loaded with setAll): one rebuild. Adding
      // them one by one would rebuild the model for every trial replacing one of the same number, which
      // took minutes for 10,000 trials.
      if (c.wasRemoved() && c.getRemoved().stream().anyMatch(model::hasLine)
          || c.getAddedSize() > Math.max(1, model.size())) {
        full = true;
        continue;
      }
      for (Trial t : c.getAddedSubList()) {
        if (t.state().isFinished()) {
          full |= model.add(t);
          added = true;
        }
      }
    }
    if (full) {
      model.setTrials(trials.get());
      fire(Change.FULL);
    } else if (added) {
      fire(Change.APPENDED);
    }
  }

  void addChangeListener(Consumer<Change> listener) {
    changeListeners.add(listener);
  }

  void removeChangeListener(Consumer<Change> listener) {
    changeListeners.remove(listener);
  }

  private void fire(Change change) {
    for (Consumer<Change> l : List.copyOf(changeListeners)) {
      l.accept(change);
    }
  }

  // --- brushing and axes

  /** Brushes axis {@code name} to the normalised interval [lo, hi]. */
  public void brush(String name, double lo, double hi) {
    model.setBrush(name, lo, hi);
    fire(Change.BRUSH);
  }

  public void clearBrush(String name) {
    model.clearBrush(name);
    fire(Change.BRUSH);
  }

  public void clearBrushes() {
    model.clearBrushes();
    fire(Change.BRUSH);
  }

  /** Moves the axis at display index {@code from} to {@code to}. */
  public void moveAxis(int from, int to) {
    model.moveAxis(from, to);
    fire(Change.FULL);
    axisOrder.set(model.arrangementNames());
  }

  /** Shows or hides the axis named {@code name} (the last shown axis stays). */
  public void showAxis(String name, boolean show) {
    java.util.Set<String> names = new java.util.TreeSet<>(hiddenAxes.get());
    if (show) {
      names.remove(name);
    } else {
      names.add(name);
    }
    hiddenAxes.set(java.util.Collections.unmodifiableSet(names));
  }

  // --- hiddenAxes

  private final ObjectProperty<java.util.Set<String>> hiddenAxes =
      new SimpleObjectProperty<>(this, "hiddenAxes", java.util.Set.of());

  /**
   * The names of the axes not shown (the tool bar's Axes menu sets them); names of axes this study does not
   * have are kept for the next study that has them.
   */
  public final ObjectProperty<java.util.Set<String>> hiddenAxesProperty() {
    return hiddenAxes;
  }

  // --- axisOrder

  private final ObjectProperty<List<String>> axisOrder = new SimpleObjectProperty<>(this, "axisOrder", List.of());

  /**
   * The order the person put the axes in (dragging titles sets it): axes named here keep that order among
   * themselves in every study; others keep their places.
   */
  public final ObjectProperty<List<String>> axisOrderProperty() {
    return axisOrder;
  }

  /**
   * Hands the brushed ranges ({@link ParallelCoordinatesModel#narrowedRanges()}) to {@link #onNarrowProperty()};
   * nothing when there are none.
   */
  public void narrow() {
    Map<String, Distribution> ranges = model.narrowedRanges();
    Consumer<Map<String, Distribution>> handler = onNarrow.get();
    if (handler != null && !ranges.isEmpty()) {
      handler.accept(ranges);
    }
  }

  // --- trials

  private final ObjectProperty<ObservableList<Trial>> trials =
      new SimpleObjectProperty<>(this, "trials", FXCollections.observableArrayList());

  /** The trials to draw, usually a live list; running trials are skipped until they finish. */
  public final ObjectProperty<ObservableList<Trial>> trialsProperty() {
    return trials;
  }

  // --- space

  private final ObjectProperty<SearchSpace> space = new SimpleObjectProperty<>(this, "space");

  /** The study's search space: one axis per parameter that is not fixed. */
  public final ObjectProperty<SearchSpace> spaceProperty() {
    return space;
  }

  // --- direction

  private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(this, "direction", Direction.MAXIMIZE);

  /** Which end of the validation score is best: it gets the bright end of the colour map. */
  public final ObjectProperty<Direction> directionProperty() {
    return direction;
  }

  // --- metric

  private final StringProperty metric = new SimpleStringProperty(this, "metric", "");

  /** The name of the study's metric ("rmse"): the train and validation axes are titled with it. */
  public final StringProperty metricProperty() {
    return metric;
  }

  // --- selectedTrial

  private final ObjectProperty<Integer> selectedTrial = new SimpleObjectProperty<>(this, "selectedTrial");

  /** The selected trial's number; a click on a line sets it, and its line is highlighted. */
  public final ObjectProperty<Integer> selectedTrialProperty() {
    return selectedTrial;
  }

  // --- showIncomplete

  private final BooleanProperty showIncomplete = new SimpleBooleanProperty(this, "showIncomplete", true);

  /** Whether failed, pruned and interrupted trials are drawn (dashed, grey). */
  public final BooleanProperty showIncompleteProperty() {
    return showIncomplete;
  }

  // --- renderScale

  private final DoubleProperty renderScale = new SimpleDoubleProperty(this, "renderScale", 0);

  /**
   * Device pixels per layout unit of the lines' picture; 0 (the default) follows the window's own
   * ({@code Window.renderScaleX}: 2 on a screen at 200 %), so the lines are drawn at the screen's pixel
   * density, not stretched. Tests set it.
   */
  public final DoubleProperty renderScaleProperty() {
    return renderScale;
  }

  // --- onNarrow

  private final ObjectProperty<Consumer<Map<String, Distribution>>> onNarrow =
      new SimpleObjectProperty<>(this, "onNarrow");

  /** Called with the brushed parameter ranges when the user asks to narrow the search to them. */
  public final ObjectProperty<Consumer<Map<String, Distribution>>> onNarrowProperty() {
    return onNarrow;
  }

  /** How many visible trials lie inside every brush. */
  public final int getKeptCount() {
    return model.keptCount();
  }

  // --- colours (CSS: -pc-axis-color, -pc-text-fill, -pc-faint-color, -pc-incomplete-color, -pc-brush-color,
  // -pc-selection-color, -pc-label-background: the box behind tick labels, the plot's background)

  static final int AXIS = 0;
  static final int TEXT = 1;
  static final int FAINT = 2;
  static final int INCOMPLETE = 3;
  static final int BRUSH = 4;
  static final int SELECTION = 5;
  static final int LABEL_BACKGROUND = 6;
  private static final List<CssMetaData<ChartPalette.Owner, Paint>> COLOURS = ChartPalette.declare("-pc-",
      "axis-color", Color.web("#5d6678"), "text-fill", Color.web("#1d2330"), "faint-color", Color.rgb(128, 128, 128, 0.15),
      "incomplete-color", Color.web("#9aa3b5"), "brush-color", Color.web("#3b5bdb"), "selection-color",
      Color.web("#e03131"), "label-background", Color.WHITE);
  private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA =
      ChartPalette.cssMetaData(Control.getClassCssMetaData(), COLOURS);

  private final ChartPalette palette = new ChartPalette(this, COLOURS);

  /** The chart's colours, from the theme. */
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
}
