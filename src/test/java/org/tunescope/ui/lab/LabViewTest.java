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
import org.tunescope.ml.lab.LabFit;
import org.tunescope.ml.lab.Lesson;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ui.main.TuneScopeApp;
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
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
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
    assertEquals(3.0, chart.markerProperty().get());

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
    assertEquals(depth, chart.markerProperty().get(), 1e-12, "the marker sits at the slider's value");
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

  @Test
  void theScoresAndButtonsAreNeverCutAtTheDefaultOrTheMinimumWindowSize(FxRobot robot) throws Exception {
    LabViewModel lab = vm.lab();
    robot.interact(() -> {
      stage.setWidth(1360);
      stage.setHeight(860);
    });
    robot.clickOn("Lab");
    robot.interact(() -> lab.openLesson(Lesson.POLYNOMIAL_DEGREE_ON_SINE));
    waitUntil(() -> lab.lessonProperty().get() == Lesson.POLYNOMIAL_DEGREE_ON_SINE && lab.curveProperty().get() != null
        && !lab.busyProperty().get() && Double.isFinite(lab.validationProperty().get()));
    assertNothingCut(robot, "default size");
    // The app's minimum window size (TuneScopeApp).
    robot.interact(() -> {
      stage.setWidth(900);
      stage.setHeight(600);
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertNothingCut(robot, "minimum size");
  }

  /** Every score, the Sweep button and every label of the lab's bars show their whole text. */
  private static void assertNothingCut(FxRobot robot, String when) {
    WaitForAsyncUtils.waitForFxEvents();
    java.util.List<javafx.scene.control.Labeled> checked = new java.util.ArrayList<>();
    for (String id : java.util.List.of("#lab-score-train", "#lab-score-validation", "#lab-score-test", "#labSweep",
        "#labValue", "#labGenerate", "#labExport")) {
      checked.add(robot.lookup(id).queryAs(javafx.scene.control.Labeled.class));
    }
    for (javafx.scene.control.Labeled l : checked) {
      javafx.scene.text.Text shown = (javafx.scene.text.Text) l.lookup(".text");
      assertEquals(l.getText(), shown.getText(), when + ": " + l.getId() + " is cut");
      assertTrue(l.getWidth() >= l.prefWidth(-1) - 0.5, when + ": " + l.getId() + " is " + l.getWidth()
          + " px wide, needs " + l.prefWidth(-1));
    }
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
