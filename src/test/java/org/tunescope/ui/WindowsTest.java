package org.tunescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A window or a dialog owned through {@link Windows#ownedBy} sits over the main window with its icon and theme. */
@ExtendWith(ApplicationExtension.class)
class WindowsTest {

  private Stage main;
  private final Image icon = new WritableImage(16, 16);

  @Start
  void start(Stage stage) {
    main = stage;
    Scene scene = new Scene(new StackPane(new Label("main")), 300, 200);
    Theme.apply(scene, Theme.DARK);
    stage.setScene(scene);
    stage.getIcons().setAll(icon);
    stage.show();
  }

  @Test
  void aStageAndADialogOwnedByTheMainWindowCarryItsIconAndStylesheets(FxRobot robot) {
    robot.interact(() -> {
      Stage window = new Stage();
      window.setScene(new Scene(new StackPane()));
      Windows.ownedBy(window, main);
      assertSame(main, window.getOwner());
      assertEquals(List.of(icon), window.getIcons());
      assertEquals(main.getScene().getStylesheets(), window.getScene().getStylesheets());

      Dialog<String> dialog = new Dialog<>();
      dialog.getDialogPane().getButtonTypes().add(ButtonType.OK);
      Windows.ownedBy(dialog, main);
      Stage shown = (Stage) dialog.getDialogPane().getScene().getWindow();
      assertSame(main, dialog.getOwner());
      assertEquals(List.of(icon), shown.getIcons());
      assertEquals(main.getScene().getStylesheets(), dialog.getDialogPane().getScene().getStylesheets());
    });
  }
}
