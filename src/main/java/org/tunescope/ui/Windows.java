package org.tunescope.ui;

import javafx.stage.Stage;
import javafx.stage.Window;

/** Secondary windows (Help, Compare) over the main one. */
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
}
