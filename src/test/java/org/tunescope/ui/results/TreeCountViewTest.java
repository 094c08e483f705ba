package org.tunescope.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.TreeCountCurve;
import org.tunescope.store.InMemoryStudyStore;
import org.tunescope.ui.main.TuneScopeApp;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.charts.curve.ValidationCurveChart;
import org.tunescope.ui.data.RecentFiles;
import org.tunescope.ui.main.MainViewModel;

/**
 * The Trees tab in the real window: after a small forest search, a click on a trial and on Compute draws
 * its score against the number of trees, ending at the trial's own scores; a decision tree has none.
 */
@ExtendWith(ApplicationExtension.class)
class TreeCountViewTest {

  @TempDir
  static Path samples;

  private MainViewModel vm;

  @Start
  void start(Stage stage) {
    vm = new MainViewModel(UiScheduler.fx(), ModelCatalog.standard(), new RecentFiles(null), samples,
        new InMemoryStudyStore());
    stage.setScene(TuneScopeApp.createScene(vm));
    stage.show();
  }

  @Test
  void theSelectedForestTrialsScoreAgainstItsTreesEndsAtItsOwnScore(FxRobot robot) throws Exception {
    robot.interact(() -> vm.loadSample("breast_cancer"));
    waitUntil(() -> vm.data().data().isPresent());
    robot.interact(() -> {
      vm.modelProperty().set(model("random_forest"));
      vm.space().row("trees").orElseThrow().lowProperty().set(8);
      vm.space().row("trees").orElseThrow().highProperty().set(24);
      vm.search().trialsProperty().set(3);
    });
    robot.clickOn("#startButton");
    waitUntil(() -> vm.lastResult().isPresent() && !vm.run().runningProperty().get());

    TableView<?> table = robot.lookup("#trialsTable").queryAs(TableView.class);
    robot.interact(() -> table.getSelectionModel().select(1));
    Integer selected = vm.run().selectedTrialProperty().get();
    Trial trial = vm.lastResult().orElseThrow().trials().stream().filter(t -> t.number() == selected)
        .findFirst().orElseThrow();
    robot.clickOn("Charts");
    robot.clickOn("Trees");
    robot.clickOn("#computeTreeCountCurve");
    ValidationCurveChart chart = robot.lookup("#treeCountCurve").queryAs(ValidationCurveChart.class);
    waitUntil(() -> chart.modelProperty().get() != null);

    int trees = ((Number) trial.params().get("trees")).intValue();
    var points = chart.modelProperty().get().points();
    assertEquals(TreeCountCurve.counts(trees, TreeCountCurve.DEFAULT_STEPS).length, points.size(), "1.." + trees);
    var last = points.get(points.size() - 1);
    assertEquals(trees, ((Number) last.trial().params().get("trees")).intValue());
    assertEquals(trial.validation().mean(), last.validation(), 1e-12, "the last point is the trial itself");
    assertEquals(trial.train().mean(), last.train(), 1e-12);
    assertTrue(points.get(0).validation() < last.validation(), "one tree validates worse than the forest");

    robot.interact(() -> vm.modelProperty().set(model("decision_tree")));
    robot.clickOn("Trials");
    robot.clickOn("#startButton");
    waitUntil(() -> !vm.run().runningProperty().get()
        && vm.run().studyProperty().get().model().id().equals("decision_tree"));
    robot.clickOn("Charts");
    robot.clickOn("Trees");
    assertTrue(robot.lookup("#computeTreeCountCurve").queryAs(Button.class).isDisabled(),
        "a single tree has no tree count");
  }

  private org.tunescope.ml.models.ModelSpec model(String id) {
    return vm.models().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
