package org.tunescope.ui.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.app.StudyService;
import org.tunescope.app.compare.CompareFixtures;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.Budget;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.store.InMemoryStudyStore;
import org.tunescope.store.StudyStore;
import org.tunescope.ui.PngExport;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.data.RecentFiles;
import org.tunescope.ui.main.MainViewModel;
import org.tunescope.ui.main.TuneScopeApp;

/**
 * The README's Compare screenshots from the real window: three models tuned on breast_cancer, compared. Not part
 * of the test run; under Xvfb: {@code xvfb-run -a -s "-screen 0 1600x1000x24" mvn -B -o test -Dgui
 * -Dtunescope.excludedGroups=none -Dgroups=screenshots -Dtest=CompareScreenshot}.
 */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class CompareScreenshot {

  private static final Path OUT = Path.of("resources", "screenshots");
  private static final List<String> MODELS = List.of("knn", "decision_tree", "logistic_regression");

  private static final StudyStore STORE = new InMemoryStudyStore();

  private MainViewModel vm;

  /** The studies run before the window starts: TestFX gives a window's start only seconds. */
  @BeforeAll
  static void runStudies() {
    StudyStore store = STORE;
    LoadedData cancer = DataLoader.load(Path.of("sample-datasets/breast_cancer.csv"));
    StudyService service = new StudyService(store, ModelCatalog.standard());
    // Each model searched along its main complexity parameter, at random, 20 trials on the same 5 folds.
    Map<String, Map<String, Distribution>> ranges = Map.of(
        "knn", Map.of("k", new Distribution.IntRange(1, 80, true)),
        "decision_tree", Map.of("max_depth", new Distribution.IntRange(1, 15, false)),
        "logistic_regression", Map.of("lambda", new Distribution.FloatRange(1e-6, 100, true)));
    for (String model : MODELS) {
      CompareFixtures.run(service, cancer, TuningRequest.builder(model + "-cancer", "target", model)
          .ranges(ranges.get(model)).fixOthers(true).search(SearchMethod.RANDOM).metric(Optional.of("accuracy"))
          .folds(5).budget(new Budget(OptionalInt.of(20), Optional.empty())).build());
    }
  }

  @Start
  void start(Stage stage) throws Exception {
    StudyStore store = STORE;
    vm = new MainViewModel(UiScheduler.fx(), ModelCatalog.standard(), new RecentFiles(null),
        Files.createTempDirectory("samples"), store);
    stage.setScene(TuneScopeApp.createScene(vm));
    stage.setTitle(TuneScopeApp.TITLE);
    stage.setWidth(1200);
    stage.setHeight(800);
    stage.show();
  }

  @Test
  void compare(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.studies().studies().size() == MODELS.size());
    robot.clickOn("Studies");
    robot.clickOn("knn-cancer");
    robot.press(KeyCode.CONTROL).clickOn("decision_tree-cancer").clickOn("logistic_regression-cancer")
        .release(KeyCode.CONTROL);
    robot.clickOn("#compareStudiesButton");
    TableView<?> board = robot.lookup("#compareLeaderboard").queryAs(TableView.class);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> board.getItems().size() == MODELS.size());
    Stage compare = (Stage) board.getScene().getWindow();
    robot.interact(() -> {
      compare.setWidth(1300);
      compare.setHeight(900);
    });
    WaitForAsyncUtils.waitForFxEvents();
    Files.createDirectories(OUT);
    shoot(robot, compare, "compare.png");
    tab(robot, compare, "Overfitting");
    shoot(robot, compare, "compare-curves.png");
    tab(robot, compare, "Cost");
    shoot(robot, compare, "compare-cost.png");
  }

  /** Clicks a tab of the Compare window (the main window has tabs of the same names). */
  static void tab(FxRobot robot, Window window, String text) {
    robot.clickOn(robot.from(window.getScene().getRoot()).lookup(".tab-label")
        .match((javafx.scene.control.Labeled l) -> text.equals(l.getText())).queryAs(javafx.scene.Node.class));
  }

  private static void shoot(FxRobot robot, Window window, String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    Thread.sleep(300);
    PngExport.write(robot.capture(window.getScene().getRoot()).getImage(), OUT.resolve(name));
  }
}
