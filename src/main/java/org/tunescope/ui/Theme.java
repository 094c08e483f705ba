package org.tunescope.ui;

import javafx.scene.Scene;

/**
 * A theme is a name and one stylesheet of colour tokens laid over the base stylesheet, which uses only
 * the tokens ({@code -ts-train}, {@code -ts-validation}, {@code -ts-accent} ...).
 */
public enum Theme {
  LIGHT("light.css"),
  DARK("dark.css");

  private static final String BASE = "tunescope.css";

  private final String file;

  Theme(String file) {
    this.file = file;
  }

  /** Sets the scene's stylesheets to this theme's tokens plus the base stylesheet. */
  public static void apply(Scene scene, Theme theme) {
    scene.getStylesheets().setAll(url(theme.file), url(BASE));
  }

  private static String url(String name) {
    return Theme.class.getResource("/org/tunescope/ui/" + name).toExternalForm();
  }
}
