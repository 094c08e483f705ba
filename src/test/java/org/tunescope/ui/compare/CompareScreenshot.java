package org.tunescope.ui.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
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
import org.tunescope.app.compare.ComparisonRequest;
import org.tunescope.app.compare.ComparisonService;
import org.tunescope.app.compare.EnsembleKind;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.StudyListener;
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
 * The README's Compare screenshots from the real window: three models tuned on breast_cancer as one comparison
 * with the ensembles of their 5 best trials, reopened from the Studies tab. Not part
 * of the test run; under Xvfb: {@code xvfb-run -a -s "-screen 0 1600x1000x24" mvn -B -o test -Dgui
 * -Dtunescope.excludedGroups=none -Dgroups=screenshots -Dtest=CompareScreenshot}.
 */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class CompareScreenshot {

  private static final Path OUT = Path.of("resources", "screenshots");
  private static final List<String> MODELS = List.of("knn", "decision_tree", "logistic_regression");

  private static final StudyStore STORE = new InMemoryStudyStore();
  private static final String COMPARISON = "three-on-cancer";

  private MainViewModel vm;

  /**
   * The comparison run before the window starts (TestFX gives a window's start only seconds), as New comparison
   * and {@code tunescope compare} run it: one study per model on the same folds, the trials' fold predictions
   * kept, then the ensembles of the 5 best trials.
   */
  @BeforeAll
  static void runStudies() {
    LoadedData cancer = DataLoader.load(Path.of("sample-datasets/breast_cancer.csv"));
    ComparisonService service = new ComparisonService(new StudyService(STORE, ModelCatalog.standard()),
        ModelCatalog.standard());
    // Each model searched along its main complexity parameter, at random, 20 trials on the same 5 folds.
    TuningRequest common = TuningRequest.builder(COMPARISON, "target", MODELS.get(0)).fixOthers(true)
        .search(SearchMethod.RANDOM).metric(Optional.of("accuracy")).folds(5)
        .budget(new Budget(OptionalInt.of(20), Optional.empty())).build();
    List<ComparisonRequest.ModelChoice> choices = List.of(new ComparisonRequest.ModelChoice("knn", List.of("k=1:80:log")),
        new ComparisonRequest.ModelChoice("decision_tree", List.of("max_depth=1:15")),
        new ComparisonRequest.ModelChoice("logistic_regression", List.of("lambda=1e-6:100:log")));
    ComparisonService.Planned planned = service.create(new ComparisonRequest(Optional.of(COMPARISON),
        cancer.file(), common, choices, true), cancer);
    service.start(planned, 1).run(run -> StudyListener.NONE);
    service.buildEnsembles(COMPARISON, EnumSet.allOf(EnsembleKind.class), 5, cancer, note -> { });
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
    robot.clickOn("#openComparisonButton");
    robot.clickOn(robot.lookup(".menu-item .label").match((javafx.scene.control.Labeled l) -> l.getText()
        .startsWith(COMPARISON + " ")).queryAs(javafx.scene.Node.class));
    TableView<?> board = robot.lookup("#compareLeaderboard").queryAs(TableView.class);
    int ensembles = STORE.findComparison(COMPARISON).orElseThrow().ensembles().size();
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> board.getItems().size() == MODELS.size() + ensembles);
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
