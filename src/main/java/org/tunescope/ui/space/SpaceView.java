package org.tunescope.ui.space;

import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.RangeSlider;

/**
 * Draws the search-space rows into a box: for a numeric parameter a ControlsFX {@link RangeSlider} with
 * low and high fields bound both ways, a log toggle and a fixed switch; for a categorical one a check box
 * per value. Rows that do not apply (gamma for a linear kernel) are hidden. The controller of SpaceView.fxml.
 */
public final class SpaceView {

  private final SpaceViewModel vm;
  @FXML private VBox spaceBox;

  public SpaceView(SpaceViewModel vm) {
    this.vm = vm;
  }

  @FXML
  private void initialize() {
    vm.rows().addListener((ListChangeListener<ParameterRowModel>) c -> {
      boolean replaced = false;
      while (c.next()) {
        replaced |= c.wasAdded() || c.wasRemoved();
      }
      if (replaced) {
        rebuild();
      }
    });
    rebuild();
  }

  @FXML
  private void reset() {
    vm.reset();
  }

  private void rebuild() {
    spaceBox.getChildren().setAll(vm.rows().stream().map(this::row).toList());
  }

  private Node row(ParameterRowModel row) {
    Label name = new Label(row.name());
    name.getStyleClass().add("param-name");
    Tooltip.install(name, new Tooltip(SpaceViewModel.tooltip(row.parameter())));
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox header = new HBox(6, name, grow);
    header.setAlignment(Pos.CENTER_LEFT);
    VBox container = new VBox(4, header);
    container.setId("param-" + row.name());
    container.getStyleClass().add("param-row");
    if (row.isCategorical()) {
      FlowPane choices = new FlowPane(10, 4);
      row.categories().forEach((value, selected) -> {
        CheckBox box = new CheckBox(value);
        box.setId("cat-" + row.name() + "-" + value);
        box.selectedProperty().bindBidirectional(selected);
        choices.getChildren().add(box);
      });
      container.getChildren().add(choices);
    } else {
      numeric(row, header, container);
    }
    container.getChildren().add(problemLine(row));
    container.visibleProperty().bind(row.appliesProperty());
    container.managedProperty().bind(row.appliesProperty());
    return container;
  }

  private void numeric(ParameterRowModel row, HBox header, VBox container) {
    ToggleButton log = new ToggleButton("log");
    log.setId("log-" + row.name());
    log.setSelected(row.logProperty().get());
    log.setOnAction(e -> row.setLog(log.isSelected()));
    row.logProperty().addListener((o, a, b) -> log.setSelected(b));
    CheckBox fixed = new CheckBox("fixed");
    fixed.setId("fixed-" + row.name());
    fixed.selectedProperty().bindBidirectional(row.fixedProperty());
    header.getChildren().addAll(log, fixed);

    RangeSlider slider = new RangeSlider();
    slider.setId("slider-" + row.name());
    slider.setShowTickMarks(false);
    HBox.setHgrow(slider, Priority.ALWAYS);
    TextField low = field("low-" + row.name());
    TextField high = field("high-" + row.name());
    HBox range = new HBox(6, low, slider, high);
    range.setAlignment(Pos.CENTER_LEFT);

    TextField value = field("value-" + row.name());
    Label valueLabel = new Label("value");
    HBox fixedBox = new HBox(6, valueLabel, value);
    fixedBox.setAlignment(Pos.CENTER_LEFT);

    container.getChildren().addAll(range, fixedBox);
    range.visibleProperty().bind(row.fixedProperty().not());
    range.managedProperty().bind(row.fixedProperty().not());
    fixedBox.visibleProperty().bind(row.fixedProperty());
    fixedBox.managedProperty().bind(row.fixedProperty());
    log.disableProperty().bind(row.fixedProperty().or(new SimpleBooleanProperty(!row.canUseLog())));

    SliderSync sync = new SliderSync(row, slider);
    sync.toSlider();
    slider.lowValueProperty().addListener((o, a, b) -> sync.fromSlider(row.lowProperty(), b.doubleValue()));
    slider.highValueProperty().addListener((o, a, b) -> sync.fromSlider(row.highProperty(), b.doubleValue()));
    row.lowProperty().addListener((o, a, b) -> sync.toSlider());
    row.highProperty().addListener((o, a, b) -> sync.toSlider());
    row.logProperty().addListener((o, a, b) -> sync.toSlider());

    bindField(low, row.lowProperty(), row);
    bindField(high, row.highProperty(), row);
    bindField(value, row.valueProperty(), row);
  }

  /**
   * The row's problem, in a line at the foot of the row (low above high, a value outside the domain, text
   * that is not a number), shown as soon as it arises; the fields at fault get a red border.
   */
  private static Label problemLine(ParameterRowModel row) {
    Label line = new Label();
    line.setId("problem-" + row.name());
    line.getStyleClass().add("field-problem");
    line.setWrapText(true);
    Runnable update = () -> {
      String p = row.problem().orElse("");
      line.setText(p);
      line.setVisible(!p.isEmpty());
      line.setManaged(!p.isEmpty());
      boolean reversed = !row.isCategorical() && !row.fixedProperty().get()
          && row.lowProperty().get() > row.highProperty().get();
      for (String end : new String[] {"low-", "high-"}) {
        javafx.scene.Node f = line.getParent() == null ? null : line.getParent().lookup("#" + end + row.name());
        if (f != null && row.inputProblemProperty().get().isEmpty()) {
          f.getStyleClass().remove("invalid");
          if (reversed) {
            f.getStyleClass().add("invalid");
          }
        }
      }
    };
    javafx.beans.InvalidationListener onChange = o -> update.run();
    for (javafx.beans.Observable o : java.util.List.of(row.lowProperty(), row.highProperty(), row.valueProperty(),
        row.logProperty(), row.fixedProperty(), row.inputProblemProperty())) {
      o.addListener(onChange);
    }
    row.categories().values().forEach(c -> c.addListener(onChange));
    line.parentProperty().addListener(onChange);
    update.run();
    return line;
  }

  private static TextField field(String id) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(6);
    f.getStyleClass().add("range-field");
    return f;
  }

  /**
   * A text field that shows a value and sets it when the user presses Enter or leaves the field. Text that
   * is not a number is marked at once, stays as typed and keeps the study from starting (the row says why).
   */
  private static void bindField(TextField field, DoubleProperty property, ParameterRowModel row) {
    Runnable show = () -> field.setText(format(property.get(), row.isInteger()));
    show.run();
    property.addListener((o, a, b) -> show.run());
    String which = field.getId().substring(0, field.getId().indexOf('-'));
    field.textProperty().addListener((o, a, text) -> {
      boolean number = parses(text);
      field.getStyleClass().remove("invalid");
      if (!number) {
        field.getStyleClass().add("invalid");
      }
      String mine = row.name() + ": the " + which + " value \"";
      String current = row.inputProblemProperty().get();
      if (!number) {
        row.inputProblemProperty().set(mine + text.strip() + "\" is not a number");
      } else if (current.startsWith(mine)) {
        row.inputProblemProperty().set("");
      }
    });
    Runnable commit = () -> {
      if (parses(field.getText())) {
        property.set(Double.parseDouble(field.getText().trim()));
        show.run();
      }
    };
    field.setOnAction(e -> commit.run());
    field.focusedProperty().addListener((o, was, is) -> {
      if (!is) {
        commit.run();
      }
    });
  }

  private static boolean parses(String text) {
    try {
      return Double.isFinite(Double.parseDouble(text.trim()));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** A value as a range field shows it: short, without trailing zeros (0.0001, 12.5, 1E+6). */
  static String format(double v, boolean integer) {
    if (integer) {
      return Long.toString(Math.round(v));
    }
    if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) {
      return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v)).stripTrailingZeros().toString();
    }
    String s = String.format(Locale.ROOT, "%.4f", v);
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  /** Keeps a slider (in slider space) and a row's low and high (in value space) in step, without loops. */
  private static final class SliderSync {
    private final ParameterRowModel row;
    private final RangeSlider slider;
    private boolean updating;

    SliderSync(ParameterRowModel row, RangeSlider slider) {
      this.row = row;
      this.slider = slider;
    }

    void toSlider() {
      if (updating) {
        return;
      }
      updating = true;
      try {
        slider.setMin(row.sliderMin());
        slider.setMax(row.sliderMax());
        slider.setLowValue(slider.getMin());
        slider.setHighValue(row.toSlider(row.highProperty().get()));
        slider.setLowValue(row.toSlider(row.lowProperty().get()));
        slider.setMajorTickUnit(row.logProperty().get() ? 1 : Math.max((slider.getMax() - slider.getMin()) / 4, 1e-9));
        slider.setSnapToTicks(false);
      } finally {
        updating = false;
      }
    }

    void fromSlider(DoubleProperty end, double sliderValue) {
      if (updating) {
        return;
      }
      updating = true;
      try {
        end.set(row.fromSlider(sliderValue));
      } finally {
        updating = false;
      }
    }
  }
}
