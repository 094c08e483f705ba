package org.tunescope.ui.results;

import java.io.File;
import java.util.Locale;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.FileChooser;
import org.tunescope.ui.Notifications;
import org.tunescope.ui.PngExport;
import org.tunescope.ui.charts.cost.CostChart;
import org.tunescope.ui.charts.curve.IntermediateValuesChart;
import org.tunescope.ui.charts.curve.ValidationCurveChart;
import org.tunescope.ui.charts.history.HistoryChart;
import org.tunescope.ui.charts.importance.ImportanceChart;
import org.tunescope.ui.charts.parallel.ParallelCoordinatesChart;

/** The Charts tab (ChartsView.fxml): binds each chart to the {@link ChartsViewModel}, and exports the one on show. */
public final class ChartsView {

  private final ChartsViewModel vm;
  private final Notifications notifications;

  @FXML private TabPane chartTabs;
  @FXML private ParallelCoordinatesChart parallelChart;
  @FXML private Label parallelEmpty;
  @FXML private ComboBox<String> curveParameter;
  @FXML private CheckBox oneStandardError;
  @FXML private ValidationCurveChart validationCurve;
  @FXML private Button computeLearningCurve;
  @FXML private Label learningStatus;
  @FXML private ValidationCurveChart learningCurve;
  @FXML private IntermediateValuesChart intermediateCurves;
  @FXML private Button computeTreeCountCurve;
  @FXML private Label treeCountStatus;
  @FXML private ValidationCurveChart treeCountCurve;
  @FXML private CheckBox byTime;
  @FXML private HistoryChart historyChart;
  @FXML private CheckBox byMemory;
  @FXML private CheckBox twoObjectives;
  @FXML private CostChart costChart;
  @FXML private ImportanceChart importanceChart;

  public ChartsView(ChartsViewModel vm, Notifications notifications) {
    this.vm = vm;
    this.notifications = notifications;
  }

  /**
   * Restores the chart on show, the overfitting curve's x axis, the history's and curve's options and the
   * parallel coordinates' shown axes and their order, and keeps them in the settings.
   */
  public void remember(org.tunescope.app.Settings settings) {
    settings.get("charts.tab").flatMap(text -> chartTabs.getTabs().stream()
        .filter(t -> t.getText().equals(text)).findFirst()).ifPresent(chartTabs.getSelectionModel()::select);
    chartTabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) ->
        settings.put("charts.tab", tab == null ? null : tab.getText()));
    settings.get("charts.curveAxis").ifPresent(vm.preferredCurveParameterProperty()::set);
    vm.preferredCurveParameterProperty().addListener((o, a, name) -> settings.put("charts.curveAxis", name));
    settings.get("charts.oneStandardError").map(Boolean::parseBoolean).ifPresent(oneStandardError::setSelected);
    oneStandardError.selectedProperty().addListener((o, a, on) -> settings.put("charts.oneStandardError", on));
    settings.get("charts.historyByTime").map(Boolean::parseBoolean).ifPresent(byTime::setSelected);
    byTime.selectedProperty().addListener((o, a, on) -> settings.put("charts.historyByTime", on));
    // The parallel coordinates' shown axes and their order: names, comma-separated.
    settings.get("charts.parallel.hiddenAxes").map(ChartsView::names).map(java.util.Set::copyOf)
        .ifPresent(parallelChart.hiddenAxesProperty()::set);
    parallelChart.hiddenAxesProperty().addListener((o, a, names) ->
        settings.put("charts.parallel.hiddenAxes", String.join(",", new java.util.TreeSet<>(names))));
    settings.get("charts.parallel.axisOrder").map(ChartsView::names).ifPresent(parallelChart.axisOrderProperty()::set);
    parallelChart.axisOrderProperty().addListener((o, a, names) ->
        settings.put("charts.parallel.axisOrder", String.join(",", names)));
  }

  private static java.util.List<String> names(String text) {
    return java.util.Arrays.stream(text.split(",")).filter(n -> !n.isBlank()).toList();
  }

  @FXML
  private void initialize() {
    parallelChart.trialsProperty().set(vm.liveTrials());
    parallelEmpty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.liveTrials()));
    parallelChart.spaceProperty().bind(vm.spaceProperty());
    parallelChart.directionProperty().bind(vm.directionProperty());
    parallelChart.metricProperty().bind(vm.metricProperty());
    parallelChart.selectedTrialProperty().bindBidirectional(vm.selectedTrialProperty());
    parallelChart.onNarrowProperty().set(vm::narrow);

    curveParameter.setItems(vm.curveParameters());
    curveParameter.valueProperty().bindBidirectional(vm.curveParameterProperty());
    oneStandardError.selectedProperty().bindBidirectional(validationCurve.showOneStandardErrorProperty());
    validationCurve.modelProperty().bind(vm.curveProperty());
    validationCurve.yLabelProperty().bind(vm.yLabelProperty());
    validationCurve.selectedTrialProperty().bindBidirectional(vm.selectedTrialProperty());
    bindCurve(vm.learning(), computeLearningCurve, learningStatus, learningCurve, "training rows per fold");
    bindIntermediate();
    bindCurve(vm.trees(), computeTreeCountCurve, treeCountStatus, treeCountCurve, "number of trees");

    for (var chart : java.util.List.of(historyChart, costChart)) {
      chart.trialsProperty().bind(vm.trialsProperty());
      chart.directionProperty().bind(vm.directionProperty());
      chart.metricProperty().bind(vm.metricProperty());
    }
    historyChart.byTimeProperty().bind(byTime.selectedProperty());
    costChart.byMemoryProperty().bind(byMemory.selectedProperty());
    bindObjectives();
    importanceChart.metricProperty().bind(vm.metricProperty());
    importanceChart.importanceProperty().bind(vm.importanceProperty());
  }

  private void bindCurve(SelectedTrialCurveViewModel curve, Button compute, Label status, ValidationCurveChart chart,
      String xLabel) {
    compute.disableProperty().bind(curve.computableProperty().not());
    compute.setOnAction(e -> curve.compute());
    status.textProperty().bind(curve.statusProperty());
    chart.annotationsProperty().set(false);
    chart.xLabelProperty().set(xLabel);
    chart.placeholderProperty().set("The " + curve.what() + " of the selected trial appears here once computed.");
    chart.yLabelProperty().bind(vm.yLabelProperty());
    chart.modelProperty().bind(curve.modelProperty());
  }

  /**
   * An imported study that recorded each trial's learning curve (Optuna's intermediate values) shows them in
   * the learning-curve tab, in place of the curve TuneScope would refit (it has neither the data nor the model).
   */
  private void bindIntermediate() {
    var recorded = vm.intermediateProperty().isNotNull();
    intermediateCurves.curvesProperty().bind(vm.intermediateProperty());
    intermediateCurves.selectedTrialProperty().bind(vm.selectedTrialProperty());
    intermediateCurves.metricProperty().bind(vm.metricProperty());
    intermediateCurves.directionProperty().bind(vm.directionProperty());
    intermediateCurves.visibleProperty().bind(recorded);
    intermediateCurves.managedProperty().bind(recorded);
    learningCurve.visibleProperty().bind(recorded.not());
    learningCurve.managedProperty().bind(recorded.not());
    computeLearningCurve.visibleProperty().bind(recorded.not());
    computeLearningCurve.managedProperty().bind(recorded.not());
    learningStatus.textProperty().unbind();
    learningStatus.textProperty().bind(vm.learningStatusProperty());
  }

  /** A study with two objectives or more offers them, against each other with their Pareto front, in the cost tab. */
  private void bindObjectives() {
    var offered = vm.objectivesProperty().isNotNull();
    twoObjectives.visibleProperty().bind(offered);
    twoObjectives.managedProperty().bind(offered);
    twoObjectives.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
        vm.objectivesProperty().get() == null ? "" : vm.objectivesProperty().get().y().name() + " against "
            + vm.objectivesProperty().get().x().name() + " (Pareto front)",
        vm.objectivesProperty()));
    costChart.objectivesProperty().bind(javafx.beans.binding.Bindings.when(twoObjectives.selectedProperty())
        .then(vm.objectivesProperty()).otherwise((org.tunescope.app.ObjectivePlane) null));
    byMemory.disableProperty().bind(offered.and(twoObjectives.selectedProperty()));
  }

  /** Saves the chart on show as a PNG, at the size asked for (File > Export chart as PNG). */
  public void exportChart() {
    Tab tab = chartTabs.getSelectionModel().getSelectedItem();
    if (tab == null || tab.getContent() == null) {
      return;
    }
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export " + tab.getText() + " as PNG");
    chooser.setInitialFileName(tab.getText().toLowerCase(Locale.ROOT).replace(' ', '-') + ".png");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
    File file = chooser.showSaveDialog(chartTabs.getScene().getWindow());
    if (file == null) {
      return;
    }
    // 1 to 4 times its size on screen (2 by default, for slides and print).
    Optional<Integer> scale = PngExport.askScale(tab.getContent(), chartTabs.getScene().getWindow());
    if (scale.isEmpty()) {
      return;
    }
    try {
      PngExport.write(tab.getContent(), file.toPath(), scale.get());
      notifications.info("Saved " + tab.getText() + " to " + file);
    } catch (java.io.IOException | RuntimeException e) {
      notifications.error("cannot write " + file + ": " + e.getMessage());
    }
  }
}
