package org.tunescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.RangeSlider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ui.data.RecentFiles;
import org.tunescope.ui.main.MainViewModel;
import org.tunescope.ui.main.TuneScopeApp;
import org.tunescope.ui.space.ParameterRowModel;

/**
 * Drives the real main window (headless under Monocle) as a user would: sample data, target, model,
 * slider, range field, log scale, a small random search, a cancelled second run, and reopening the
 * first study.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

  @TempDir
  static Path samples;

  private MainViewModel vm;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    vm = new MainViewModel(UiScheduler.fx(), ModelCatalog.standard(), new RecentFiles(null),
        samples, new org.tunescope.store.InMemoryStudyStore());
    stage.setScene(TuneScopeApp.createScene(vm));
    stage.setTitle(TuneScopeApp.TITLE);
    stage.show();
  }

  @Test
  void fromSampleDataToASearchAndBackFromTheStudyList(FxRobot robot) throws Exception {
    assertEquals("TuneScope", stage.getTitle());

    // Data: a bundled sample, its target and task.
    robot.clickOn("#samplesButton");
    robot.clickOn("#sample-breast_cancer");
    waitUntil(() -> vm.data().data().isPresent());
    assertEquals("target", vm.data().targetProperty().get());
    assertEquals(Task.CLASSIFICATION, vm.data().taskProperty().get());
    assertTrue(robot.lookup("#targetSummary").queryAs(Label.class).getText().contains("benign 357"));
    assertEquals(569, robot.lookup("#previewTable").queryAs(TableView.class).getItems().size());

    // Model: a decision tree from the list.
    javafx.scene.control.ListView<?> models = robot.lookup("#modelList").queryAs(javafx.scene.control.ListView.class);
    int treeIndex = vm.models().indexOf(vm.models().stream().filter(m -> m.id().equals("decision_tree")).findFirst()
        .orElseThrow());
    robot.interact(() -> models.scrollTo(treeIndex));
    robot.clickOn("#model-decision_tree");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("decision_tree", vm.modelProperty().get().id());

    // Search space: drag the low thumb of max_depth's slider, then type its high end.
    ParameterRowModel depth = vm.space().row("max_depth").orElseThrow();
    double lowBefore = depth.lowProperty().get();
    RangeSlider slider = robot.lookup("#slider-max_depth").queryAs(RangeSlider.class);
    robot.drag(slider.lookup(".low-thumb")).moveBy(60, 0).release(javafx.scene.input.MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(depth.lowProperty().get() > lowBefore, "the thumb moved the low end: " + depth.lowProperty().get());
    assertEquals(depth.lowProperty().get(), Math.rint(depth.lowProperty().get()), "int parameters snap");
    robot.doubleClickOn("#high-max_depth").eraseText(6).write("12").type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(12.0, depth.highProperty().get());
    assertEquals(12.0, slider.getHighValue(), 1e-9, "the slider follows the field");

    // Log scale: the slider now moves in log10 space.
    robot.clickOn("#log-max_depth");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(depth.logProperty().get());
    assertEquals(Math.log10(12), slider.getHighValue(), 1e-9);

    // A small random search.
    setSpinner(robot, "#trialsSpinner", "6");
    assertEquals(6, vm.search().trialsProperty().get());
    robot.clickOn("#startButton");
    waitUntil(() -> vm.lastResult().isPresent() && !vm.run().runningProperty().get());
    StudyResult first = vm.lastResult().orElseThrow();
    assertEquals(6, first.trials().size());
    assertEquals(1.0, robot.lookup("#progressBar").queryAs(ProgressBar.class).getProgress(), 1e-9);
    TableView<?> trials = robot.lookup("#trialsTable").queryAs(TableView.class);
    assertEquals(6, trials.getItems().size());
    for (Trial t : first.trials()) {
      long d = (Long) t.params().get("max_depth");
      assertTrue(d >= Math.round(depth.lowProperty().get()) && d <= 12, "max_depth within the drawn range: " + d);
    }

    // The overfitting curve of max_depth: one point per depth, each the study's own means.
    robot.clickOn("Charts");
    robot.clickOn("Overfitting curve");
    WaitForAsyncUtils.waitForFxEvents();
    var curve = robot.lookup("#validationCurve").queryAs(org.tunescope.ui.charts.curve.ValidationCurveChart.class);
    waitUntil(() -> curve.modelProperty().get() != null && curve.modelProperty().get().allTrials().size() == 6);
    var points = curve.modelProperty().get().points();
    assertEquals(first.trials().stream().map(t -> t.params().get("max_depth")).distinct().count(), points.size());
    for (var p : points) {
      Trial t = first.trials().stream().filter(x -> x.number() == p.trial().number()).findFirst().orElseThrow();
      assertEquals(t.validation().mean(), p.validation(), 0);
      assertEquals(t.train().mean(), p.train(), 0);
    }
    robot.clickOn("History");
    robot.clickOn("Trials");

    // A second, long run, cancelled.
    setSpinner(robot, "#trialsSpinner", "5000");
    robot.clickOn("#startButton");
    waitUntil(() -> vm.run().runningProperty().get());
    waitUntil(() -> vm.run().trials().size() >= 2);
    robot.clickOn("#cancelButton");
    waitUntil(() -> !vm.run().runningProperty().get());
    StudyResult second = vm.lastResult().orElseThrow();
    assertEquals(java.util.Optional.of("cancelled"), second.stopReason());
    assertTrue(second.trials().size() < 5000);

    // Reopen the first study from the list: its data, model, space and trials come back.
    waitUntil(() -> vm.studies().studies().size() == 2);
    String firstName = first.study().name();
    robot.interact(() -> vm.space().reset());
    robot.clickOn("Studies");
    robot.clickOn(firstName);
    robot.clickOn("#openStudyButton");
    waitUntil(() -> vm.run().trials().size() == 6 && !vm.run().trials().equals(second.trials()));
    List<Trial> shown = List.copyOf(vm.run().trials());
    assertEquals(first.trials().size(), shown.size());
    for (int i = 0; i < 6; i++) {
      assertEquals(first.trials().get(i).params(), shown.get(i).params());
      assertEquals(first.trials().get(i).folds(), shown.get(i).folds());
    }
    assertEquals(6, trials.getItems().size());
    assertEquals("decision_tree", vm.modelProperty().get().id());
    assertEquals(12.0, vm.space().row("max_depth").orElseThrow().highProperty().get(), "its space is restored");
    assertNotEquals(0, robot.lookup("#bestLabel").queryAs(Label.class).getText().length());
    assertFalse(robot.lookup("#messageBar").query().isVisible()
        && vm.notifications().kind() == Notifications.Kind.ERROR, vm.notifications().messageProperty().get());
  }

  private static void setSpinner(FxRobot robot, String id, String text) {
    javafx.scene.control.ScrollPane setup = robot.lookup("#setupScroll").queryAs(javafx.scene.control.ScrollPane.class);
    robot.interact(() -> setup.setVvalue(1.0));
    WaitForAsyncUtils.waitForFxEvents();
    robot.doubleClickOn(id + " .text-field").eraseText(8).write(text).type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> condition.getAsBoolean());
    WaitForAsyncUtils.waitForFxEvents();
  }
}
