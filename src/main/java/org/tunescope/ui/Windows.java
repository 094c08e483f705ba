package org.tunescope.ui;

import javafx.scene.control.Dialog;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Secondary windows (Help, Compare, the error report) and dialogs over the main one: one way to own them. */
public final class Windows {

  private Windows() {
  }

  /** Makes {@code stage} belong to {@code owner}: on top of it, with its stylesheets (so the theme reaches it) and icons. */
  public static void ownedBy(Stage stage, Window owner) {
    if (owner == null) {
      return;
    }
    stage.initOwner(owner);
    if (owner.getScene() != null && stage.getScene() != null) {
      stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    if (owner instanceof Stage ownerStage) {
      stage.getIcons().setAll(ownerStage.getIcons());
    }
  }

  /**
   * Makes {@code dialog} belong to {@code owner}: centred over it and in front of it while open. A dialog's
   * window then takes the owner's icons and stylesheets (theme) itself, as long as it is owned.
   */
  public static void ownedBy(Dialog<?> dialog, Window owner) {
    if (owner == null) {
      return;
    }
    dialog.initOwner(owner);
  }
}
