package org.tunescope.ui.main;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.app.AppLog;

/** An exception nothing caught, in the real app: a window says what happened, copies the details, and the log has it. */
class ErrorReportTest {

  private TuneScopeApp app;
  private final FxRobot robot = new FxRobot();

  @AfterEach
  void close() throws Exception {
    if (app != null) {
      FxToolkit.cleanupApplication(app);
    }
    Thread.setDefaultUncaughtExceptionHandler(null);
  }

  @Test
  void anUncaughtExceptionShowsAWindowWithCopyDetailsAndIsLogged() throws Exception {
    javafx.stage.Stage main = FxToolkit.registerPrimaryStage();
    app = (TuneScopeApp) FxToolkit.setupApplication(TuneScopeApp.class);
    WaitForAsyncUtils.waitForFxEvents();
    Platform.runLater(() -> {
      throw new IllegalStateException("a bug on the JavaFX thread");
    });
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().stream()
        .anyMatch(w -> w.getScene() != null && w.getScene().getRoot().getId() != null
            && w.getScene().getRoot().getId().equals("errorWindow")));
    Label summary = robot.lookup("#errorSummary").queryAs(Label.class);
    javafx.stage.Stage errorWindow = (javafx.stage.Stage) summary.getScene().getWindow();
    org.junit.jupiter.api.Assertions.assertSame(main, errorWindow.getOwner(), "over the main window");
    org.junit.jupiter.api.Assertions.assertEquals(main.getIcons(), errorWindow.getIcons(), "with TuneScope's icon");
    assertFalse(errorWindow.getIcons().isEmpty());
    assertTrue(summary.getText().contains("IllegalStateException: a bug on the JavaFX thread"), summary.getText());
    robot.clickOn("#copyDetails");
    WaitForAsyncUtils.waitForFxEvents();
    String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
    assertTrue(copied.contains("java.lang.IllegalStateException: a bug on the JavaFX thread"), copied);
    assertTrue(copied.contains("TuneScope "), "the details name the versions");

    // A background thread's error reaches the same window (counted) and the log.
    Thread t = new Thread(() -> {
      throw new IllegalArgumentException("a bug on a worker");
    }, "worker-1");
    t.start();
    t.join();
    WaitForAsyncUtils.waitForFxEvents();
    AppLog.flush();
    String log = Files.readString(AppLog.file());
    assertTrue(log.contains("a bug on the JavaFX thread"), log);
    assertTrue(log.contains("uncaught on thread worker-1"));
    robot.clickOn("Close");
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(robot.lookup("#errorWindow").tryQuery().isPresent());
  }
}
