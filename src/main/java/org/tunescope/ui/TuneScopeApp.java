package org.tunescope.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The desktop application window. */
public class TuneScopeApp extends Application {

  public static final String TITLE = "TuneScope";

  /** Starts the JavaFX runtime and opens the main window. */
  public static void launchApp(String[] args) {
    Application.launch(TuneScopeApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    stage.setScene(createScene());
    stage.setTitle(TITLE);
    stage.show();
  }

  /** The main window's content. */
  static Scene createScene() {
    Label welcome = new Label("TuneScope: load a dataset, pick a model, watch the search.");
    welcome.setId("welcome");
    BorderPane root = new BorderPane(welcome);
    return new Scene(root, 1100, 720);
  }
}
