package org.tunescope.ui.main;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.Task;
import org.tunescope.ml.data.SampleDatasets;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ui.Notifications;
import org.tunescope.ui.TextConverter;
import org.tunescope.ui.Theme;
import org.tunescope.ui.PngExport;
import org.tunescope.ui.charts.cost.CostChart;
import org.tunescope.ui.charts.curve.ValidationCurveView;
import org.tunescope.ui.charts.history.HistoryChart;
import org.tunescope.ui.charts.importance.ImportanceView;
import org.tunescope.ui.charts.learning.LearningCurveView;
import org.tunescope.ui.charts.trees.TreeCountView;
import org.tunescope.ui.charts.parallel.ParallelCoordinatesChart;
import org.tunescope.ui.data.DataPreviewTable;
import org.tunescope.ui.data.DataView;
import org.tunescope.ui.model.ModelView;
import org.tunescope.ui.run.RunBarView;
import org.tunescope.ui.run.TrialsTable;
import org.tunescope.ui.search.SearchView;
import org.tunescope.ui.space.SpaceView;
import org.tunescope.ui.studies.StudiesView;
import org.tunescope.ui.studies.StudyEntry;

/** The main window's controller: binds the controls of MainView.fxml to the {@link MainViewModel}. */
public final class MainView {

  private final MainViewModel vm;

  @FXML private BorderPane root;
  @FXML private DataView dataController;
  @FXML private StudiesView studiesController;
  @FXML private Menu samplesMenu;
  @FXML private Menu recentMenu;
  @FXML private Menu generateMenu;
  @FXML private CheckMenuItem darkItem;
  @FXML private MenuItem startItem;
  @FXML private MenuItem cancelItem;
  @FXML private HBox messageBar;
  @FXML private Label messageLabel;
  @FXML private Button dismissButton;
  @FXML private TabPane tabs;
  @FXML private Tab trialsTab;
  @FXML private Tab labTab;
  @FXML private StackPane chartsPane;
  @FXML private TabPane chartTabs;
  @FXML private Tab chartsTab;
  @FXML private Tab parallelTab;

  public MainView(MainViewModel vm) {
    this.vm = vm;
  }

  /** Creates the controller of each feature's FXML (fx:include): the features meet here and nowhere else. */
  Object controller(Class<?> type) {
    if (type == MainView.class) {
      return this;
    } else if (type == RunBarView.class) {
      return new RunBarView(vm.run(), vm.canStartProperty(), vm.whyNotStartProperty(), vm::start, vm::cancel);
    } else if (type == DataView.class) {
      return new DataView(vm.data(), vm::loadSample);
    } else if (type == DataPreviewTable.class) {
      return new DataPreviewTable(vm.data());
    } else if (type == ModelView.class) {
      return new ModelView(vm.models(), vm.modelProperty());
    } else if (type == SpaceView.class) {
      return new SpaceView(vm.space());
    } else if (type == SearchView.class) {
      return new SearchView(vm.search(), vm.searchSizeText());
    } else if (type == StudiesView.class) {
      return new StudiesView(vm.studies(), vm.run().runningProperty(), this::openStudy, vm::resume, vm.notifications());
    } else if (type == TrialsTable.class) {
      return new TrialsTable(vm.run());
    }
    throw new IllegalArgumentException("no controller for " + type.getName());
  }

  @FXML
  private void initialize() {
    bindMessages();
    bindData();
    bindRun();
    bindCharts();
    labTab.setContent(new org.tunescope.ui.lab.LabView(vm.lab()));
    root.setOnDragOver(e -> {
      if (e.getDragboard().hasFiles()) {
        e.acceptTransferModes(TransferMode.COPY);
      }
      e.consume();
    });
    root.setOnDragDropped(e -> {
      List<File> files = e.getDragboard().getFiles();
      if (!files.isEmpty()) {
        vm.data().load(files.get(0).toPath());
      }
      e.setDropCompleted(!files.isEmpty());
      e.consume();
    });
  }

  /**
   * Notifications show in a status line of their own at the foot of the window, always there: a message
   * coming or going never moves the controls (it used to push the window down by a line at run start).
   */
  private void bindMessages() {
    Notifications n = vm.notifications();
    messageLabel.textProperty().bind(n.messageProperty());
    javafx.scene.control.Tooltip full = new javafx.scene.control.Tooltip();
    full.setWrapText(true);
    full.setMaxWidth(600);
    full.textProperty().bind(n.messageProperty());
    messageLabel.setTooltip(full);
    Runnable show = () -> {
      String text = n.messageProperty().get();
      boolean on = text != null && !text.isEmpty();
      // Hidden, not unmanaged: the button keeps its room, so the bar keeps its height.
      dismissButton.setVisible(on);
      messageBar.getStyleClass().removeAll("error", "info");
      if (on) {
        messageBar.getStyleClass().add(n.kind() == Notifications.Kind.ERROR ? "error" : "info");
      }
    };
    n.messageProperty().addListener((o, a, text) -> show.run());
    show.run();
  }

  /** The data menus: samples, generated teaching sets and recent files. */
  private void bindData() {
    for (String name : SampleDatasets.NAMES) {
      MenuItem item = new MenuItem(SampleDatasets.describe(name));
      item.setOnAction(e -> vm.loadSample(name));
      samplesMenu.getItems().add(item);
    }
    for (var kind : org.tunescope.ml.data.generate.TeachingDataset.values()) {
      MenuItem item = new MenuItem(kind.id() + ": " + kind.description() + ", 400 rows");
      item.setOnAction(e -> vm.loadGenerated(kind, 400, 0.3, 0));
      generateMenu.getItems().add(item);
    }
    Runnable refreshRecent = () -> recentMenu.getItems().setAll(vm.data().recent().files().stream().map(p -> {
      MenuItem item = new MenuItem(p.toString());
      item.setOnAction(e -> vm.data().load(p));
      return item;
    }).toList());
    vm.data().recent().files().addListener((javafx.collections.ListChangeListener<Path>) c -> refreshRecent.run());
    refreshRecent.run();
  }

  private void bindRun() {
    startItem.disableProperty().bind(vm.canStartProperty().not());
    cancelItem.disableProperty().bind(vm.run().runningProperty().not());
    vm.run().runningProperty().addListener((o, was, running) -> {
      if (running) {
        tabs.getSelectionModel().select(trialsTab);
      }
    });
  }

  /** The Charts tab: one inner tab per chart, each bound to the run's trials, study and shared selection. */
  private void bindCharts() {
    ParallelCoordinatesChart parallel = new ParallelCoordinatesChart();
    parallel.setId("parallelChart");
    parallel.setTrials(vm.run().trials());
    parallel.spaceProperty().bind(Bindings.createObjectBinding(() -> vm.run().studyProperty().get() == null ? null
        : vm.run().studyProperty().get().study().space(), vm.run().studyProperty()));
    parallel.directionProperty().bind(Bindings.createObjectBinding(() -> vm.run().studyProperty().get() == null
        ? Direction.MAXIMIZE : vm.run().studyProperty().get().study().direction(), vm.run().studyProperty()));
    parallel.metricProperty().bind(metric());
    parallel.selectedTrialProperty().bindBidirectional(vm.run().selectedTrialProperty());
    parallel.setOnNarrow(ranges -> {
      vm.space().apply(ranges);
      vm.notifications().info("Search space narrowed to the brushed ranges: " + String.join(", ", ranges.keySet()));
    });
    parallelTab.setContent(parallel);
    chartTabs.getTabs().addAll(
        chartTab("Overfitting curve", new ValidationCurveView(vm.run())),
        chartTab("Learning curve", new LearningCurveView(vm.run(), vm.scheduler())),
        chartTab("Trees", new TreeCountView(vm.run(), vm.scheduler())),
        chartTab("History", historyView()),
        chartTab("Cost", costView()),
        chartTab("Importance", new ImportanceView(vm.run(), vm.scheduler())));
  }

  private static Tab chartTab(String title, javafx.scene.Node content) {
    Tab tab = new Tab(title, content);
    tab.setId("chart-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
    return tab;
  }

  /** The history against trial number or elapsed time. */
  private javafx.scene.Node historyView() {
    HistoryChart chart = new HistoryChart();
    chart.setId("historyChart");
    followTrials(chart.trialsProperty());
    chart.directionProperty().bind(direction());
    chart.metricProperty().bind(metric());
    CheckBox byTime = new CheckBox("against elapsed time");
    chart.byTimeProperty().bind(byTime.selectedProperty());
    return chartWithControls(chart, byTime);
  }

  /** Score against fit time or memory, with the Pareto front. */
  private javafx.scene.Node costView() {
    CostChart chart = new CostChart();
    chart.setId("costChart");
    followTrials(chart.trialsProperty());
    chart.directionProperty().bind(direction());
    chart.metricProperty().bind(metric());
    CheckBox byMemory = new CheckBox("cost as memory allocated");
    chart.byMemoryProperty().bind(byMemory.selectedProperty());
    return chartWithControls(chart, byMemory);
  }

  private static javafx.scene.Node chartWithControls(javafx.scene.Node chart, javafx.scene.Node... controls) {
    HBox bar = new HBox(8, controls);
    bar.setPadding(new javafx.geometry.Insets(6));
    BorderPane pane = new BorderPane(chart);
    pane.setTop(bar);
    return pane;
  }

  /** Keeps a chart's trial list in step with the run's, a few times a second at most. */
  private void followTrials(javafx.beans.property.ObjectProperty<List<Trial>> target) {
    target.set(List.copyOf(vm.run().trials()));
    org.tunescope.ui.Throttle refresh = new org.tunescope.ui.Throttle(Duration.millis(300),
        () -> target.set(List.copyOf(vm.run().trials())));
    vm.run().trials().addListener((javafx.collections.ListChangeListener<Trial>) c -> refresh.request());
  }

  /** The name of the shown study's metric, for axis titles; empty without a study. */
  private javafx.beans.binding.StringBinding metric() {
    return Bindings.createStringBinding(() -> vm.run().studyProperty().get() == null ? ""
        : vm.run().studyProperty().get().study().metric(), vm.run().studyProperty());
  }

  private javafx.beans.binding.ObjectBinding<Direction> direction() {
    return Bindings.createObjectBinding(() -> vm.run().studyProperty().get() == null ? Direction.MAXIMIZE
        : vm.run().studyProperty().get().study().direction(), vm.run().studyProperty());
  }

  @FXML
  private void exportChart() {
    Tab tab = chartTabs.getSelectionModel().getSelectedItem();
    if (tab == null || tab.getContent() == null) {
      return;
    }
    tabs.getSelectionModel().select(chartsTab);
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export " + tab.getText() + " as PNG");
    chooser.setInitialFileName(tab.getText().toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + ".png");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
    File file = chooser.showSaveDialog(root.getScene().getWindow());
    if (file == null) {
      return;
    }
    java.util.Optional<Integer> scale = exportScale(tab.getContent());
    if (scale.isEmpty()) {
      return;
    }
    try {
      PngExport.write(tab.getContent(), file.toPath(), scale.get());
      vm.notifications().info("Saved " + tab.getText() + " to " + file);
    } catch (java.io.IOException | RuntimeException e) {
      vm.notifications().error("cannot write " + file + ": " + e.getMessage());
    }
  }

  /** Asks for the size of an exported chart: 1 to 4 times its size on screen (2 by default, for slides and print). */
  private java.util.Optional<Integer> exportScale(javafx.scene.Node chart) {
    return PngExport.askScale(chart, root.getScene().getWindow());
  }

  @FXML
  private void openFile() {
    dataController.openFile();
  }

  @FXML
  private void start() {
    vm.start();
  }

  @FXML
  private void cancel() {
    vm.cancel();
  }

  @FXML
  private void resetSpace() {
    vm.space().reset();
  }

  @FXML
  private void dismissMessage() {
    vm.notifications().dismiss();
  }

  @FXML
  private void toggleTheme() {
    Theme.apply(root.getScene(), darkItem.isSelected() ? Theme.DARK : Theme.LIGHT);
  }

  @FXML
  private void quit() {
    Platform.exit();
  }

  @FXML
  private void exportSelected() {
    studiesController.exportSelected();
  }

  /** Shows a stored study again, on the Trials tab. */
  private void openStudy(StudyEntry s) {
    vm.open(s);
    tabs.getSelectionModel().select(trialsTab);
  }
}
