package org.tunescope.ui.studies;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.store.SqliteStudyStore;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.data.RecentFiles;
import org.tunescope.ui.main.MainViewModel;
import org.tunescope.ui.main.TuneScopeApp;

/**
 * A first start, on an empty store and no data: the empty model and studies lists say what fills them, and
 * the time limit's 0 says it means none.
 */
@ExtendWith(ApplicationExtension.class)
class EmptyListsTest {

  @TempDir
  static Path dir;

  private SqliteStudyStore store;

  @Start
  void start(Stage stage) {
    store = SqliteStudyStore.open(dir.resolve("empty.db"));
    MainViewModel vm = new MainViewModel(UiScheduler.fx(), ModelCatalog.standard(), new RecentFiles(null), dir, store);
    stage.setScene(TuneScopeApp.createScene(vm));
    stage.show();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void theEmptyModelAndStudiesListsSayWhatFillsThem(FxRobot robot) {
    Label models = robot.lookup("#noModelsYet").queryAs(Label.class);
    assertTrue(models.isVisible() && models.getScene() != null, "the model list says why it is empty");
    assertTrue(models.getText().contains("Open data first"), models.getText());
    robot.clickOn("Studies");
    WaitForAsyncUtils.waitForFxEvents();
    Label studies = robot.lookup("#noStudiesYet").queryAs(Label.class);
    assertTrue(studies.isVisible() && studies.getScene() != null, "the studies list says why it is empty");
    assertTrue(studies.getText().startsWith("No studies in this store yet"), studies.getText());
  }

  @Test
  void aTimeLimitOfZeroSaysItMeansNone(FxRobot robot) {
    javafx.scene.control.Spinner<?> minutes = robot.lookup("#minutesSpinner").queryAs(javafx.scene.control.Spinner.class);
    assertTrue(minutes.getValue().equals(0), "no time limit by default");
    assertTrue(minutes.getTooltip().getText().startsWith("0: no time limit"), minutes.getTooltip().getText());
  }
}
