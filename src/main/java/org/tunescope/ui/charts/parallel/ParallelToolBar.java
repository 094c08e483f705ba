package org.tunescope.ui.charts.parallel;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The chart's tool bar: how many trials the brushes keep, a hint, "Show failed", "Clear brushes" and
 * "Narrow the search to the brushes".
 */
final class ParallelToolBar extends HBox {

  private final Label keptLabel = new Label();
  private final Button narrowButton = new Button("Narrow the search to the brushes");
  /** Shows or hides each axis; rebuilt when the study's axes or the hidden ones change. */
  private final javafx.scene.control.MenuButton axesMenu = new javafx.scene.control.MenuButton("Axes");
  private final ParallelCoordinatesChart chart;
  private List<String> menuState = List.of();

  ParallelToolBar(ParallelCoordinatesChart chart) {
    super(8);
    this.chart = chart;
    CheckBox incomplete = new CheckBox("Show failed");
    incomplete.getStyleClass().add("show-incomplete");
    incomplete.selectedProperty().bindBidirectional(chart.showIncompleteProperty());
    Button clear = new Button("Clear brushes");
    clear.getStyleClass().add("clear-brushes");
    clear.setOnAction(e -> chart.clearBrushes());
    narrowButton.getStyleClass().add("narrow-search");
    narrowButton.setOnAction(e -> chart.narrow());
    keptLabel.getStyleClass().add("kept-count");
    axesMenu.getStyleClass().add("axes-menu");
    axesMenu.setTooltip(new Tooltip("Show or hide axes (remembered)"));
    List.of(keptLabel, narrowButton, clear, incomplete, axesMenu).forEach(r -> r.setMinWidth(Region.USE_PREF_SIZE));
    incomplete.setTooltip(new Tooltip("Draw failed, pruned and interrupted trials, dashed"));
    narrowButton.setTooltip(new Tooltip(
        "Write the brushed parameter ranges into the search-space sliders, for the next run; a brushed score"
            + " narrows every other parameter to the values its kept trials used. Brush an axis to enable it."));
    Label hint = new Label("drag an axis to brush, a title to reorder");
    hint.getStyleClass().add("hint");
    hint.setTooltip(new Tooltip(
        "Drag inside a brush to move it, drag its ends to resize it, double-click the axis to clear it."
            + " Hover a line for its values; click it to select the trial."));
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    getChildren().addAll(keptLabel, hint, spring, axesMenu, incomplete, clear, narrowButton);
    getStyleClass().add("tool-bar-row");
    setAlignment(Pos.CENTER_LEFT);
    setPadding(new Insets(4, 6, 4, 6));
  }

  /** Shows the model's kept count and whether it can narrow the search. */
  void update(ParallelCoordinatesModel m) {
    keptLabel.setText(m.keptCount() + " of " + m.visibleCount() + " trials kept");
    narrowButton.setDisable(!m.canNarrow());
    updateAxesMenu(m);
  }

  /** One tick box per axis, ticked when shown; the last shown axis cannot be unticked. */
  private void updateAxesMenu(ParallelCoordinatesModel m) {
    List<String> state = m.allAxes().stream().map(a -> a.name() + (m.isHidden(a.name()) ? "-" : "+")).toList();
    if (state.equals(menuState)) {
      return;
    }
    menuState = state;
    long shown = m.allAxes().stream().filter(a -> !m.isHidden(a.name())).count();
    axesMenu.getItems().setAll(m.allAxes().stream().map(a -> {
      javafx.scene.control.CheckMenuItem item = new javafx.scene.control.CheckMenuItem(a.title());
      item.setId("show-axis-" + a.name());
      item.setSelected(!m.isHidden(a.name()));
      item.setDisable(shown == 1 && item.isSelected());
      item.setOnAction(e -> chart.showAxis(a.name(), item.isSelected()));
      return (javafx.scene.control.MenuItem) item;
    }).toList());
  }
}
