package org.tunescope.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.app.AppLog;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.store.SqliteStudyStore;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.data.RecentFiles;
import org.tunescope.ui.main.MainViewModel;
import org.tunescope.ui.main.TuneScopeApp;

/** Help opens from the menu bar, as a person would: the guide, the shortcuts and About, each closing again. */
@ExtendWith(ApplicationExtension.class)
class HelpMenuTest {

  @TempDir
  static Path dir;

  private SqliteStudyStore store;

  @Start
  void start(Stage stage) {
    store = SqliteStudyStore.open(dir.resolve("studies.db"));
    MainViewModel vm = new MainViewModel(UiScheduler.fx(), ModelCatalog.standard(), new RecentFiles(null),
        dir, store);
    stage.setScene(TuneScopeApp.createScene(vm));
    stage.show();
  }

  private Stage window(FxRobot robot, String rootId) {
    WaitForAsyncUtils.waitForFxEvents();
    Node root = robot.lookup("#" + rootId).query();
    return (Stage) root.getScene().getWindow();
  }

  private String texts(Node root) {
    return root.lookupAll(".label").stream().map(n -> ((Label) n).getText()).collect(Collectors.joining("\n"));
  }

  @Test
  void theGuideExplainsTheOverfittingCurveAndTheParallelCoordinates(FxRobot robot) {
    robot.clickOn("Help").clickOn("Guide");
    Stage guide = window(robot, "guideWindow");
    assertEquals("TuneScope guide", guide.getTitle());
    String text = texts(guide.getScene().getRoot());
    assertTrue(text.contains("Reading the overfitting curve"), text);
    assertTrue(text.contains("Reading the parallel coordinates"));
    assertTrue(text.contains("it overfits"));
    assertTrue(guide.getScene().getRoot().lookupAll(".guide-bullet").size() > 10, "bullets laid out as bullets");
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(guide.isShowing(), "Escape closes the guide");
  }

  @Test
  void everyMenuItemTheGuideNamesIsInTheMenuBar(FxRobot robot) throws Exception {
    String guide;
    try (java.io.InputStream in = getClass().getResourceAsStream("/org/tunescope/ui/help/guide.md")) {
      guide = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
    java.util.Set<String> items = new java.util.HashSet<>();
    for (javafx.scene.control.Menu menu : bar.getMenus()) {
      for (javafx.scene.control.MenuItem item : menu.getItems()) {
        if (item.getText() != null) {
          items.add(menu.getText().replace("_", "") + " > " + item.getText().replace("_", ""));
        }
      }
    }
    java.util.regex.Matcher named = java.util.regex.Pattern.compile("(File|Run|View|Help) > ([^,;)]+)").matcher(guide);
    int found = 0;
    while (named.find()) {
      found++;
      String path = named.group(1) + " > " + named.group(2).strip();
      assertTrue(items.contains(path), "the guide names " + path + "; the menus have " + items);
    }
    assertTrue(found > 0, "the guide names a menu item");
  }

  @Test
  void f1OpensTheGuide(FxRobot robot) {
    robot.type(KeyCode.F1);
    Stage guide = window(robot, "guideWindow");
    assertTrue(guide.isShowing());
    robot.interact(guide::close);
  }

  @Test
  void theShortcutsListEveryAcceleratorOfTheMenus(FxRobot robot) {
    robot.clickOn("Help").clickOn("Keyboard shortcuts");
    Stage shortcuts = window(robot, "shortcutsWindow");
    String text = texts(shortcuts.getScene().getRoot());
    for (String item : List.of("File > Open data file", "Run > Start search", "Run > Cancel search",
        "File > Export results", "Help > Guide", "File > Quit")) {
      assertTrue(text.contains(item), item + " in\n" + text);
    }
    assertTrue(text.contains("Drop a file on the window"));
    robot.clickOn("Close");
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(shortcuts.isShowing());
  }

  @Test
  void aboutNamesTheVersionsTheStoreTheLogAndTheLicence(FxRobot robot) {
    robot.clickOn("Help").clickOn("About TuneScope");
    Stage about = window(robot, "aboutWindow");
    Node root = about.getScene().getRoot();
    assertEquals(org.tunescope.store.Provenance.TUNESCOPE_VERSION, value(root, "tunescope"));
    assertEquals("3.1.1", value(root, "smile"));
    assertTrue(value(root, "java").startsWith(System.getProperty("java.version")));
    assertTrue(value(root, "javafx").startsWith("21."), value(root, "javafx"));
    assertEquals(dir.resolve("studies.db").toAbsolutePath().toString(), value(root, "studies"));
    assertEquals(AppLog.file().toAbsolutePath().toString(), value(root, "log-file"));
    assertTrue(value(root, "licence").startsWith("GPL-3.0"));
    assertTrue(about.getOwner() instanceof Window);
    robot.clickOn("Close");
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(about.isShowing());
  }

  private static String value(Node root, String key) {
    return ((Label) root.lookup("#about-" + key)).getText();
  }
}
