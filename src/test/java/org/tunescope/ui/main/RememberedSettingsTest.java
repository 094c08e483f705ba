package org.tunescope.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
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

/**
 * The real app, closed and opened again in the same TuneScope folder, comes back as it was left: theme,
 * window place and size, the chart on show, the history's x axis, the folder of the last data file and the
 * store.
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
