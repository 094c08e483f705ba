package org.tunescope.ui.main;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import org.tunescope.app.importer.StudyImporter;
import org.tunescope.ml.data.SampleDatasets;
import org.tunescope.ml.data.generate.TeachingDataset;
import org.tunescope.ui.Notifications;
import org.tunescope.ui.Theme;
import org.tunescope.ui.data.DataPreviewTable;
import org.tunescope.ui.data.DataView;
import org.tunescope.ui.lab.LabView;
import org.tunescope.ui.model.ModelView;
import org.tunescope.ui.results.ChartsView;
import org.tunescope.ui.results.ChartsViewModel;
import org.tunescope.ui.run.RunBarView;
import org.tunescope.ui.run.TrialsTable;
import org.tunescope.ui.search.SearchView;
import org.tunescope.ui.space.SpaceView;
import org.tunescope.ui.studies.StudiesView;
import org.tunescope.ui.studies.StudyEntry;

/**
 * The main window's controller: composes the features' views (fx:include in MainView.fxml, controllers from
 * {@link #controller}) and owns what belongs to the window: the menu bar, the tabs, the message line, file drops.
 */
public final class MainView {

  /** How often a followed Optuna study is re-read. */
  static final int FOLLOW_SECONDS = 5;

  private final MainViewModel vm;

  @FXML private BorderPane root;
  @FXML private DataView dataController;
  @FXML private StudiesView studiesController;
  @FXML private org.tunescope.ui.watch.WatchBar watchController;
  @FXML private ChartsView chartsController;
  @FXML private Menu samplesMenu;
  @FXML private Menu recentMenu;
  @FXML private Menu generateMenu;
  @FXML private CheckMenuItem darkItem;
  @FXML private MenuItem startItem;
  @FXML private MenuItem cancelItem;
  @FXML private CheckMenuItem followItem;
  @FXML private HBox messageBar;
  @FXML private Label messageLabel;
  @FXML private Button dismissButton;
  @FXML private TabPane tabs;
  @FXML private Tab trialsTab;
  @FXML private Tab chartsTab;
  @FXML private Tab studiesTab;
  @FXML private javafx.scene.control.MenuBar menuBar;
  @FXML private javafx.scene.control.SplitPane mainSplit;
  @FXML private javafx.scene.control.ScrollPane setupScroll;

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
      DataView view = new DataView(vm.data(), vm::loadSample);
      view.setInitialFolder(() -> vm.settings().get("data.folder").map(Path::of));
      return view;
    } else if (type == DataPreviewTable.class) {
      return new DataPreviewTable(vm.data());
    } else if (type == ModelView.class) {
      return new ModelView(vm.models(), vm.modelProperty());
    } else if (type == SpaceView.class) {
      return new SpaceView(vm.space());
    } else if (type == SearchView.class) {
      return new SearchView(vm.search(), vm.searchSizeText());
    } else if (type == StudiesView.class) {
      StudiesView view = new StudiesView(vm.studies(), vm.run().busy().busyProperty(), this::openStudy, vm::resume,
          vm.notifications());
      java.util.function.Supplier<org.tunescope.ui.compare.CompareViewModel> compare = () ->
          new org.tunescope.ui.compare.CompareViewModel(vm.studies().store(), vm.catalog(), vm.scheduler(),
              vm.notifications());
      view.setCompare(names -> org.tunescope.ui.compare.CompareView.open(root.getScene().getWindow(), compare.get(),
          names));
      view.setOpenComparison(name -> org.tunescope.ui.compare.CompareView.openComparison(root.getScene().getWindow(),
          compare.get(), name));
      view.setNewComparison(() -> vm.newComparison(names -> view.compare(names)).ifPresent(c ->
          org.tunescope.ui.compare.NewComparisonDialog.open(root.getScene().getWindow(), c)));
      return view;
    } else if (type == ChartsView.class) {
      ChartsView view = new ChartsView(new ChartsViewModel(vm.run(), vm.scheduler(), vm.space(),
          vm.notifications()), vm.notifications());
      return view;
    } else if (type == LabView.class) {
      return new LabView(vm.lab());
    } else if (type == org.tunescope.ui.watch.WatchBar.class) {
      return new org.tunescope.ui.watch.WatchBar(vm.watch(), vm.stores());
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
    rememberSettings();
    root.setOnDragOver(e -> {
      if (e.getDragboard().hasFiles()) {
        e.acceptTransferModes(TransferMode.COPY);
      }
      e.consume();
    });
    root.setOnDragDropped(e -> {
      List<File> files = e.getDragboard().getFiles();
      if (!files.isEmpty()) {
        vm.drop(files.get(0).toPath(), this::chooseObjective);
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
    Tooltip full = new Tooltip();
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
    for (var kind : TeachingDataset.values()) {
      MenuItem item = new MenuItem(kind.id() + ": " + kind.description() + ", 400 rows");
      item.setOnAction(e -> vm.loadGenerated(kind, 400, 0.3, 0));
      generateMenu.getItems().add(item);
    }
    Runnable refreshRecent = () -> recentMenu.getItems().setAll(vm.data().recent().files().stream().map(p -> {
      MenuItem item = new MenuItem(p.toString());
      item.setOnAction(e -> vm.data().load(p));
      return item;
    }).toList());
    vm.data().recent().files().addListener((ListChangeListener<Path>) c -> refreshRecent.run());
    refreshRecent.run();
  }

  /** Theme, the data folder and the chart choices, kept in the settings as they change. */
  private void rememberSettings() {
    darkItem.setSelected(Theme.DARK.name().equalsIgnoreCase(vm.settings().get("theme").orElse("")));
    vm.data().dataProperty().addListener((o, a, loaded) -> {
      Path folder = loaded == null ? null : loaded.file().toAbsolutePath().getParent();
      // The bundled samples live in TuneScope's own folder: not where the person keeps data.
      if (folder != null && !loaded.file().toAbsolutePath().startsWith(org.tunescope.store.HomeFolder.path().toAbsolutePath())) {
        vm.settings().put("data.folder", folder);
      }
    });
    chartsController.remember(vm.settings());
    // The setup keeps its width when the window is resized; the tabs take the rest.
    javafx.scene.control.SplitPane.setResizableWithParent(setupScroll, false);
    org.tunescope.ui.RememberedDividers.remember(mainSplit, vm.settings(), "window.dividers");
  }

  /** The theme the settings name (light unless dark was chosen). */
  Theme theme() {
    return darkItem.isSelected() ? Theme.DARK : Theme.LIGHT;
  }

  private void bindRun() {
    startItem.disableProperty().bind(vm.canStartProperty().not());
    cancelItem.disableProperty().bind(vm.run().busy().busyProperty().not());
    // Follow: the shown Optuna study is re-read every few seconds, in the background, while the item is ticked.
    followItem.selectedProperty().bindBidirectional(vm.followProperty());
    followItem.disableProperty().bind(vm.canFollowProperty().not());
    javafx.animation.Timeline reread = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
        javafx.util.Duration.seconds(FOLLOW_SECONDS), e -> vm.refreshFollowed()));
    reread.setCycleCount(javafx.animation.Animation.INDEFINITE);
    vm.followProperty().addListener((o, was, on) -> {
      if (on) {
        reread.play();
      } else {
        reread.stop();
      }
    });
    vm.run().runningProperty().addListener((o, was, running) -> {
      if (running) {
        tabs.getSelectionModel().select(trialsTab);
      }
    });
  }

  @FXML
  private void exportChart() {
    tabs.getSelectionModel().select(chartsTab);
    chartsController.exportChart();
  }

  @FXML
  private void openFile() {
    dataController.openFile();
  }

  /** File > Import study...: an Optuna storage or a scikit-learn cv_results_ CSV, shown read-only once imported. */
  @FXML
  private void importStudy() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Import an Optuna study or a scikit-learn search");
    List<String> optuna = StudyImporter.OPTUNA_EXTENSIONS.stream().map(e -> "*." + e).toList();
    List<String> all = new java.util.ArrayList<>(optuna);
    all.add("*.csv");
    chooser.getExtensionFilters().addAll(
        new FileChooser.ExtensionFilter("Optuna storages and cv_results_ files", all),
        new FileChooser.ExtensionFilter("Optuna storage (SQLite)", optuna),
        new FileChooser.ExtensionFilter("scikit-learn cv_results_ (CSV)", "*.csv"));
    File file = chooser.showOpenDialog(root.getScene().getWindow());
    if (file != null) {
      vm.importStudy(file.toPath(), this::chooseObjective);
      tabs.getSelectionModel().select(chartsTab);
    }
  }

  /** File > Open store...: an SQLite file or a PostgreSQL server; its studies go to the Studies tab. */
  @FXML
  private void openStore() {
    watchController.openStore();
    tabs.getSelectionModel().select(studiesTab);
  }

  /** File > Import from a PostgreSQL Optuna storage...: the server's address, then as Import study... does. */
  @FXML
  private void importFromServer() {
    javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog("postgresql://"
        + System.getProperty("user.name") + "@localhost:5432/optuna");
    org.tunescope.ui.Windows.ownedBy(dialog, root.getScene().getWindow());
    dialog.setTitle("Import from PostgreSQL");
    dialog.setHeaderText("The Optuna storage's PostgreSQL database: every study in it is imported.\n"
        + "No password in the address: TuneScope reads it from PGPASSWORD or ~/.pgpass.");
    dialog.setContentText("Address:");
    dialog.getEditor().setPrefColumnCount(36);
    dialog.getEditor().setId("importServerAddress");
    dialog.showAndWait().map(String::trim).filter(url -> !url.isEmpty()).ifPresent(url -> {
      vm.importServer(url, this::chooseObjective);
      tabs.getSelectionModel().select(chartsTab);
    });
  }

  /** Asks which objective (or metric) of an imported study the charts show. */
  private java.util.Optional<Integer> chooseObjective(List<String> choices) {
    ChoiceDialog<String> dialog = new ChoiceDialog<>(choices.get(0), choices);
    org.tunescope.ui.Windows.ownedBy(dialog, root.getScene().getWindow());
    dialog.setTitle("Import study");
    dialog.setHeaderText("This study has " + choices.size() + " objectives. Which one should the charts show?");
    dialog.setContentText("Objective:");
    return dialog.showAndWait().map(choices::indexOf);
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
    Theme.apply(root.getScene(), theme());
    vm.settings().put("theme", theme().name().toLowerCase(java.util.Locale.ROOT));
  }

  @FXML
  private void quit() {
    Platform.exit();
  }

  @FXML
  private void exportSelected() {
    studiesController.exportSelected();
  }

  @FXML
  private void showGuide() {
    org.tunescope.ui.help.HelpWindows.guide(root.getScene().getWindow()).show();
  }

  @FXML
  private void showShortcuts() {
    org.tunescope.ui.help.HelpWindows.shortcuts(root.getScene().getWindow(), menuBar).show();
  }

  @FXML
  private void showAbout() {
    org.tunescope.ui.help.HelpWindows.about(root.getScene().getWindow(), vm.about()).show();
  }

  /** Shows a stored study again, on the Trials tab. */
  private void openStudy(StudyEntry s) {
    vm.open(s);
    tabs.getSelectionModel().select(trialsTab);
  }
}
