package org.tunescope.ui.lab;

import org.tunescope.ui.PngExport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ui.TuneScopeApp;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.charts.curve.ValidationCurveChart;
import org.tunescope.ui.data.RecentFiles;
import org.tunescope.ui.main.MainViewModel;

/** The Lab tab in the real window (headless): open a lesson, drag the slider, watch everything follow. */
@ExtendWith(ApplicationExtension.class)
class LabViewTest {

  @TempDir
  static Path samples;

  private MainViewModel vm;

  @Start
  void start(Stage stage) {
    vm = new MainViewModel(UiScheduler.fx(), ModelCatalog.standard(), new RecentFiles(null), samples,
        new org.tunescope.store.InMemoryStudyStore());
    stage.setScene(TuneScopeApp.createScene(vm));
    stage.show();
  }

  @Test
  void openALessonMoveTheSliderAndTheRegionsMarkerAndScoresFollow(FxRobot robot) throws Exception {
    LabViewModel lab = vm.lab();
    robot.clickOn("Lab");
    robot.clickOn("#labLesson");
    robot.clickOn(Lesson.TREE_DEPTH_ON_MOONS.title());
    waitUntil(() -> lab.curveProperty().get() != null && lab.fitProperty().get() != null
        && !lab.busyProperty().get());
    LabFit before = lab.fitProperty().get();
    assertEquals(3L, before.value());
    String trainBefore = robot.lookup("#lab-score-train").queryAs(Label.class).getText();
    String testBefore = robot.lookup("#lab-score-test").queryAs(Label.class).getText();
    ValidationCurveChart chart = robot.lookup("#labCurve").queryAs(ValidationCurveChart.class);
    assertEquals(3.0, chart.getMarker());

    Slider slider = robot.lookup("#labSlider").queryAs(Slider.class);
    robot.drag(slider.lookup(".thumb")).moveBy(slider.getWidth() * 0.6, 0).release(javafx.scene.input.MouseButton.PRIMARY);
    waitUntil(() -> lab.fitProperty().get() != before && lab.fitProperty().get().value().equals(lab.valueProperty().get())
        && !lab.busyProperty().get());

    LabFit after = lab.fitProperty().get();
    long depth = (Long) after.value();
    assertTrue(depth > 3, "the slider moved to a deeper tree: " + depth);
    assertEquals((double) Math.round(slider.getValue()), (double) depth, "the value snaps to whole numbers");
    assertTrue(before.regions().orElseThrow().cellsDifferentFrom(after.regions().orElseThrow()) > 0,
        "the decision regions changed");
    assertEquals(depth, chart.getMarker(), 1e-12, "the marker sits at the slider's value");
    assertEquals(String.valueOf(depth), robot.lookup("#labValue").queryAs(Label.class).getText());
    String trainAfter = robot.lookup("#lab-score-train").queryAs(Label.class).getText();
    assertNotEquals(trainBefore + testBefore, trainAfter + robot.lookup("#lab-score-test").queryAs(Label.class).getText(),
        "the scores updated");
    assertTrue(trainAfter.matches("\\d\\.\\d{3}"), trainAfter);
    assertTrue(robot.lookup("#lab-score-validation").queryAs(Label.class).getText().matches("\\d\\.\\d{3}"));
    assertNotNull(lab.zoneProperty().get());

    Path png = Files.createTempFile("lab", ".png");
    robot.interact(() -> {
      try {
        PngExport.write(robot.lookup("#lab").query(), png);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertTrue(Files.size(png) > 5_000, "a PNG of the lab: " + Files.size(png) + " bytes");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theDataControlsShowTheLessonsData(FxRobot robot) throws Exception {
    LabViewModel lab = vm.lab();
    robot.clickOn("Lab");
    robot.interact(() -> lab.openLesson(Lesson.POLYNOMIAL_DEGREE_ON_SINE));
    waitUntil(() -> lab.lessonProperty().get() == Lesson.POLYNOMIAL_DEGREE_ON_SINE && lab.curveProperty().get() != null
        && !lab.busyProperty().get());
    assertEquals(org.tunescope.ml.data.generate.TeachingDataset.SINE,
        robot.lookup("#labKind").queryAs(javafx.scene.control.ComboBox.class).getValue());
    assertEquals(60, robot.lookup("#labRows").queryAs(javafx.scene.control.Spinner.class).getValue());
    assertEquals(0.3, (Double) robot.lookup("#labNoise").queryAs(javafx.scene.control.Spinner.class).getValue(), 1e-9);
    robot.interact(() -> lab.openLesson(Lesson.NEIGHBOURS_ON_CIRCLES));
    waitUntil(() -> lab.lessonProperty().get() == Lesson.NEIGHBOURS_ON_CIRCLES && lab.curveProperty().get() != null
        && !lab.busyProperty().get());
    assertEquals(org.tunescope.ml.data.generate.TeachingDataset.CIRCLES,
        robot.lookup("#labKind").queryAs(javafx.scene.control.ComboBox.class).getValue());
    assertEquals(0.25, (Double) robot.lookup("#labNoise").queryAs(javafx.scene.control.Spinner.class).getValue(), 1e-9);
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
