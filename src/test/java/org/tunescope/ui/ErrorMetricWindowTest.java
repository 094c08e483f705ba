package org.tunescope.ui;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
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
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.store.InMemoryStudyStore;
import org.tunescope.ui.charts.curve.ValidationCurveChart;
import org.tunescope.ui.charts.history.HistoryChart;
import org.tunescope.ui.data.RecentFiles;
import org.tunescope.ui.main.MainViewModel;
import org.tunescope.ui.main.TuneScopeApp;

/**
 * An error metric in the real window (issue 19, item 3): deep trees on diabetes scored by rmse. The gap
 * column is positive for trees that do worse on unseen rows, and the table, the run bar, the charts' axes
 * and the learning curve's reading all say it is rmse and that lower is better.
 */
@ExtendWith(ApplicationExtension.class)
class ErrorMetricWindowTest {

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
  void deepTreesOnDiabetesScoredByRmseReadTheRightWayRound(FxRobot robot) throws Exception {
    robot.interact(() -> vm.loadSample("diabetes"));
    waitUntil(() -> vm.data().data().isPresent());
    robot.interact(() -> {
      vm.modelProperty().set(vm.models().stream().filter(m -> m.id().equals("decision_tree")).findFirst()
          .orElseThrow());
      vm.space().row("max_depth").orElseThrow().lowProperty().set(15);
      vm.space().row("max_depth").orElseThrow().highProperty().set(20);
      vm.search().metricProperty().set(Metric.RMSE);
      vm.search().trialsProperty().set(4);
    });
    robot.clickOn("#startButton");
    waitUntil(() -> vm.lastResult().isPresent() && !vm.run().runningProperty().get());
    List<Trial> trials = vm.lastResult().orElseThrow().trials();

    // The table: the gap is validation minus train, positive for deep trees; the headers are checked below.
    TableView<Trial> table = robot.lookup("#trialsTable").queryAs(TableView.class);
    List<String> headers = table.getColumns().stream().map(TableColumn::getText).toList();
    TableColumn<Trial, ?> gap = table.getColumns().stream().filter(c -> c.getText().equals("gap")).findFirst()
        .orElseThrow();
    for (Trial t : trials) {
      double shown = Double.parseDouble(String.valueOf(gap.getCellObservableValue(t).getValue()));
      assertEquals(t.validation().mean() - t.train().mean(), shown, 1e-4, "trial " + t.number());
      assertTrue(shown > 0, "a depth-15+ tree does worse on unseen rows: gap " + shown);
    }

    // The run bar's best score and the charts' score axes name the metric and its direction.
    double best = vm.lastResult().orElseThrow().best().orElseThrow().validation().mean();
    String bestLabel = robot.lookup("#bestLabel").queryAs(Label.class).getText();
    robot.clickOn("Charts");
    WaitForAsyncUtils.waitForFxEvents();
    String validationAxis = robot.lookup("#axis-title-validation").queryAs(Label.class).getText();
    String trainAxis = robot.lookup("#axis-title-train").queryAs(Label.class).getText();
    String history = robot.lookup("#historyChart").queryAs(HistoryChart.class).yTitle();
    String curve = robot.lookup("#validationCurve").queryAs(ValidationCurveChart.class).yLabelProperty().get();
    String importance = robot.lookup("#importanceChart").queryAs(javafx.scene.chart.BarChart.class).getXAxis()
        .getLabel();
    assertAll(
        () -> assertTrue(headers.containsAll(List.of("train rmse", "validation rmse", "gap")), headers.toString()),
        () -> assertTrue(bestLabel.startsWith(String.format(java.util.Locale.ROOT, "best rmse %.4f (lower is better)",
            best)), bestLabel),
        () -> assertEquals("validation rmse", validationAxis),
        () -> assertEquals("train rmse", trainAxis),
        () -> assertEquals("validation rmse (lower is better)", history),
        () -> assertEquals("rmse (lower is better)", curve),
        () -> assertEquals("share of the explained variation in validation rmse", importance));

    // The learning curve of a deep tree: its reading says an rmse that still falls, not rises.
    robot.interact(() -> vm.run().selectedTrialProperty().set(trials.get(0).number()));
    robot.clickOn("Learning curve");
    ValidationCurveChart learning = robot.lookup("#learningCurve").queryAs(ValidationCurveChart.class);
    assertEquals("rmse (lower is better)", learning.yLabelProperty().get());
    robot.clickOn("#computeLearningCurve");
    waitUntil(() -> learning.modelProperty().get() != null);
    Parent controls = robot.lookup("#computeLearningCurve").queryAs(Button.class).getParent();
    String reading = controls.getChildrenUnmodifiable().stream().filter(n -> n instanceof Label)
        .map(n -> ((Label) n).getText()).findFirst().orElseThrow();
    assertTrue(reading.contains("validation rmse that still falls (lower is better) means more data would help"),
        reading);
    assertFalse(reading.contains("rise"), reading);
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
