package org.tunescope.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseButton;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.app.Settings;
import org.tunescope.ui.charts.parallel.ParallelCoordinatesChart;

/**
 * The real app, closed and opened again in the same TuneScope folder, comes back as it was left: theme,
 * window place and size, the chart on show, the history's x axis, the folder of the last data file, the
 * store, the divider beside the setup, the parallel coordinates' shown axes and their order, and the
 * overfitting curve's x axis.
 */
class RememberedSettingsTest {

  @TempDir
  Path home;
  @TempDir
  Path data;

  private String homeBefore;
  private TuneScopeApp app;
  private final FxRobot robot = new FxRobot();

  @BeforeEach
  void useTempHome() {
    homeBefore = System.getProperty("tunescope.home");
    System.setProperty("tunescope.home", home.toString());
  }

  @AfterEach
  void restoreHome() throws Exception {
    if (app != null) {
      FxToolkit.cleanupApplication(app);
    }
    if (homeBefore == null) {
      System.clearProperty("tunescope.home");
    } else {
      System.setProperty("tunescope.home", homeBefore);
    }
  }

  private Stage open() throws Exception {
    Stage stage = FxToolkit.registerPrimaryStage();
    app = (TuneScopeApp) FxToolkit.setupApplication(TuneScopeApp.class);
    WaitForAsyncUtils.waitForFxEvents();
    return stage;
  }

  private void close() throws Exception {
    FxToolkit.cleanupApplication(app);
    app = null;
  }

  @Test
  void whatWasSetComesBackAfterTheWindowIsClosedAndOpenedAgain() throws Exception {
    Path csv = Files.writeString(data.resolve("rows.csv"), "x1,x2,label\n1,2,a\n2,3,b\n3,1,a\n4,4,b\n");
    Stage stage = open();
    robot.clickOn("View").clickOn("Dark theme");
    robot.interact(() -> {
      stage.setX(60);
      stage.setY(40);
      stage.setWidth(1111);
      stage.setHeight(733);
      robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(2);
      TabPane charts = robot.lookup("#chartTabs").queryAs(TabPane.class);
      charts.getTabs().stream().filter(t -> t.getText().equals("History")).findFirst()
          .ifPresent(charts.getSelectionModel()::select);
      robot.lookup("#byTime").queryAs(CheckBox.class).setSelected(true);
    });
    robot.interact(() -> app.viewModel().data().load(csv));
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.viewModel().data().data().isPresent());
    close();

    Settings saved = Settings.load(home.resolve("settings.json"));
    assertEquals("dark", saved.get("theme").orElseThrow(), "written to settings.json at once");

    Stage again = open();
    assertTrue(again.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")), "dark theme back");
    assertTrue(findDarkItem(again).isSelected());
    assertEquals(60, again.getX(), 0.5);
    assertEquals(40, again.getY(), 0.5);
    assertEquals(1111, again.getWidth(), 0.5);
    assertEquals(733, again.getHeight(), 0.5);
    TabPane charts = robot.lookup("#chartTabs").queryAs(TabPane.class);
    assertEquals("History", charts.getSelectionModel().getSelectedItem().getText());
    assertTrue(robot.lookup("#byTime").queryAs(CheckBox.class).isSelected());
    Settings now = app.viewModel().settings();
    assertEquals(data.toAbsolutePath().toString(), now.get("data.folder").orElseThrow());
    assertEquals(home.resolve("tunescope.db").toAbsolutePath().toString(), now.get("store").orElseThrow());
  }

  @Test
  void theDividerTheShownAxesTheirOrderAndTheCurvesXAxisComeBack() throws Exception {
    open();
    MainViewModel vm = app.viewModel();
    robot.interact(() -> {
      vm.loadSample("iris");
    });
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.data().data().isPresent());
    robot.interact(() -> {
      vm.modelProperty().set(vm.models().stream().filter(m -> m.id().equals("decision_tree")).findFirst().orElseThrow());
      vm.search().trialsProperty().set(4);
      vm.search().workersProperty().set(1);
      vm.start();
    });
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.lastResult().isPresent() && !vm.run().runningProperty().get());
    String study = vm.lastResult().orElseThrow().study().name();

    // The divider between the setup and the tabs, dragged right.
    SplitPane split = robot.lookup(".main-split").queryAs(SplitPane.class);
    double before = split.getDividerPositions()[0];
    robot.drag(split.lookup(".split-pane-divider")).moveBy(150, 0).release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    double dragged = split.getDividerPositions()[0];
    assertTrue(dragged > before + 0.05, before + " -> " + dragged);

    // The parallel coordinates: gap hidden through the Axes menu, validation moved to the front.
    robot.clickOn("Charts");
    robot.clickOn("Parallel coordinates");
    ParallelCoordinatesChart chart = robot.lookup("#parallelChart").queryAs(ParallelCoordinatesChart.class);
    robot.clickOn(".axes-menu");
    robot.clickOn(robot.lookup(".check-menu-item").match(n -> n.lookup(".label") instanceof javafx.scene.control.Label l
        && l.getText().equals("gap")).queryAs(javafx.scene.Node.class));
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> chart.moveAxis(names(chart).indexOf("validation"), 0));
    WaitForAsyncUtils.waitForFxEvents();
    List<String> shown = names(chart);
    assertEquals("validation", shown.get(0));
    assertFalse(shown.contains("gap"));

    // The overfitting curve along another parameter than the first offered.
    robot.clickOn("Overfitting curve");
    @SuppressWarnings("unchecked")
    ComboBox<String> curveAxis = robot.lookup("#curveParameter").queryAs(ComboBox.class);
    String other = curveAxis.getItems().get(curveAxis.getItems().size() - 1);
    assertNotEquals(curveAxis.getValue(), other);
    robot.interact(() -> curveAxis.setValue(other));
    close();

    open();
    SplitPane again = robot.lookup(".main-split").queryAs(SplitPane.class);
    assertEquals(dragged, again.getDividerPositions()[0], 0.002, "the divider where it was left");
    MainViewModel reopened = app.viewModel();
    robot.clickOn("Studies");
    robot.clickOn(study);
    robot.clickOn("#openStudyButton");
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> reopened.run().trials().size() == 4);
    WaitForAsyncUtils.waitForFxEvents();
    ParallelCoordinatesChart chartAgain = robot.lookup("#parallelChart").queryAs(ParallelCoordinatesChart.class);
    assertEquals(shown, names(chartAgain), "the same axes shown, in the same order");
    @SuppressWarnings("unchecked")
    ComboBox<String> curveAgain = robot.lookup("#curveParameter").queryAs(ComboBox.class);
    assertEquals(other, curveAgain.getValue());
  }

  private static List<String> names(ParallelCoordinatesChart chart) {
    return chart.getModel().axes().stream().map(a -> a.name()).toList();
  }

  private CheckMenuItem findDarkItem(Stage stage) {
    javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
    return (CheckMenuItem) bar.getMenus().stream().flatMap(m -> m.getItems().stream())
        .filter(i -> "_Dark theme".equals(i.getText())).findFirst().orElseThrow();
  }

  @Test
  void anUnreadableSettingsFileIsSetAsideAndTheAppStarts() throws Exception {
    Files.writeString(home.resolve("settings.json"), "{ not json");
    Stage stage = open();
    assertTrue(stage.isShowing());
    assertTrue(Files.exists(home.resolve("settings.json.bad")));
  }
}
