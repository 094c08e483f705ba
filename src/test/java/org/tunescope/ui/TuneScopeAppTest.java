package org.tunescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Opens the real main window (headless under Monocle) and checks what a user first sees. */
@ExtendWith(ApplicationExtension.class)
class TuneScopeAppTest {

  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    new TuneScopeApp().start(stage);
  }

  @Test
  void theWindowShowsTheAppsName(FxRobot robot) {
    assertEquals("TuneScope", stage.getTitle());
    assertTrue(stage.isShowing());
    Label welcome = robot.lookup("#welcome").queryAs(Label.class);
    assertTrue(welcome.getText().startsWith("TuneScope"), welcome.getText());
  }
}
