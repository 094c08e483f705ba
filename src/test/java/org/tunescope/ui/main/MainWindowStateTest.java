package org.tunescope.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.data.RecentFiles;

/**
 * The main window's settings and messages (headless under Monocle): a notification never moves the
 * controls, and a wrong setting says so on its own field, stays as typed and keeps Start disabled.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowStateTest {

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

  private static double sceneY(FxRobot robot, String id) {
    Node n = robot.lookup(id).query();
    return n.localToScene(n.getLayoutBounds()).getMinY();
  }

  @Test
  void aNotificationComingOrGoingMovesNothing(FxRobot robot) {
    String[] controls = {"#samplesButton", "#targetBox", "#startButton", "#trialsTable", "#setupScroll"};
    double[] before = new double[controls.length];
    for (int i = 0; i < controls.length; i++) {
      before[i] = sceneY(robot, controls[i]);
    }
    robot.interact(() -> vm.notifications().info("Study finished: 30 / 30 trials, 30 complete."));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(robot.lookup("#messageLabel").queryAs(Label.class).isVisible());
    for (int i = 0; i < controls.length; i++) {
      assertEquals(before[i], sceneY(robot, controls[i]), 0.01, controls[i] + " moved when a notification came");
    }
    robot.interact(() -> vm.notifications().error("cannot read /a/very/long/path/to/a/file/that/does/not/exist.csv: "
        + "the file is not there, and this message goes on and on to be longer than the window is wide, ".repeat(3)));
    WaitForAsyncUtils.waitForFxEvents();
    for (int i = 0; i < controls.length; i++) {
      assertEquals(before[i], sceneY(robot, controls[i]), 0.01, controls[i] + " moved for a long error");
    }
    robot.clickOn("#dismissButton");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("", vm.notifications().messageProperty().get());
    for (int i = 0; i < controls.length; i++) {
      assertEquals(before[i], sceneY(robot, controls[i]), 0.01, controls[i] + " moved when the notification went");
    }
  }

  private void typeInto(FxRobot robot, String spinnerId, String text) {
    ScrollPane setup = robot.lookup("#setupScroll").queryAs(ScrollPane.class);
    robot.interact(() -> setup.setVvalue(1.0));
    WaitForAsyncUtils.waitForFxEvents();
    robot.doubleClickOn(spinnerId + " .text-field").eraseText(8).write(text);
    // Leaving the field commits a spinner's text: it must stay as typed all the same.
    robot.type(KeyCode.TAB);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static String text(FxRobot robot, String spinnerId) {
    return robot.lookup(spinnerId).queryAs(Spinner.class).getEditor().getText();
  }

  @Test
  void aWrongSettingSaysSoOnItsFieldStaysAsTypedAndKeepsStartOff(FxRobot robot) throws Exception {
    robot.interact(() -> vm.loadSample("iris"));
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.data().data().isPresent() && vm.modelProperty().get() != null);
    robot.interact(() -> vm.modelProperty().set(vm.models().stream().filter(m -> m.id().equals("knn")).findFirst()
        .orElseThrow()));
    WaitForAsyncUtils.waitForFxEvents();
    Button start = robot.lookup("#startButton").queryAs(Button.class);
    Label reason = robot.lookup("#startReasonLabel").queryAs(Label.class);
    assertFalse(start.isDisabled());
    assertEquals("", reason.getText());

    for (String typed : new String[] {"1", "1000", "abc"}) {
      typeInto(robot, "#foldsSpinner", typed);
      assertEquals(typed, text(robot, "#foldsSpinner"), "Folds " + typed + " stays as typed");
      Label problem = robot.lookup("#foldsSpinner-problem").queryAs(Label.class);
      assertTrue(problem.isVisible() && problem.getText().startsWith("Folds: "), problem.getText());
      assertTrue(robot.lookup("#foldsSpinner .text-field").query().getStyleClass().contains("invalid"));
      assertTrue(start.isDisabled(), "Start stays off with Folds " + typed);
      assertEquals("Cannot start: " + problem.getText(), reason.getText());
    }
    typeInto(robot, "#foldsSpinner", "7");
    assertEquals(7, vm.search().foldsProperty().get());
    assertFalse(robot.lookup("#foldsSpinner-problem").query().isVisible());
    assertFalse(start.isDisabled());

    typeInto(robot, "#trialsSpinner", "0");
    assertEquals("0", text(robot, "#trialsSpinner"), "Max trials 0 is not made 1");
    assertTrue(start.isDisabled());
    typeInto(robot, "#trialsSpinner", "12");
    assertFalse(start.isDisabled());

    // Unticked: no trial limit, and with no time limit nothing would end a random search.
    robot.clickOn("#limitTrialsCheck");
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(vm.search().limitTrialsProperty().get(), "unticked");
    assertTrue(robot.lookup("#trialsSpinner").query().isDisabled(), "the count no longer applies");
    Label trialsProblem = robot.lookup("#trialsSpinner-problem").queryAs(Label.class);
    assertTrue(trialsProblem.isVisible() && trialsProblem.getText().startsWith("No limit"), trialsProblem.getText());
    assertTrue(start.isDisabled());
    typeInto(robot, "#minutesSpinner", "1");
    assertFalse(start.isDisabled(), "a time limit ends it");
    assertTrue(vm.search().budget().maxTrials().isEmpty());

    // Low above high in the search space: the row says so under its fields.
    var k = vm.space().row("k").orElseThrow();
    String above = Long.toString(Math.round(k.highProperty().get()) + 5);
    ScrollPane setup = robot.lookup("#setupScroll").queryAs(ScrollPane.class);
    robot.interact(() -> setup.setVvalue(0.3));
    robot.interact(() -> robot.lookup("#low-k").queryAs(TextField.class).requestFocus());
    robot.interact(() -> robot.lookup("#low-k").queryAs(TextField.class).setText(above));
    robot.interact(() -> robot.lookup("#low-k").queryAs(TextField.class).fireEvent(new javafx.event.ActionEvent()));
    WaitForAsyncUtils.waitForFxEvents();
    Label rowProblem = robot.lookup("#problem-k").queryAs(Label.class);
    assertTrue(rowProblem.isVisible(), "the row shows its problem");
    assertEquals("k: the low end is above the high end", rowProblem.getText());
    assertTrue(robot.lookup("#low-k").query().getStyleClass().contains("invalid"));
    assertTrue(start.isDisabled());
    assertEquals("Cannot start: k: the low end is above the high end", reason.getText());

    // Text that is not a number in a range field: marked at once, without Enter, and Start goes off.
    robot.interact(() -> robot.lookup("#high-k").queryAs(TextField.class).setText("1o"));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(robot.lookup("#high-k").query().getStyleClass().contains("invalid"));
    assertEquals("k: the high value \"1o\" is not a number", rowProblem.getText());
  }
}
