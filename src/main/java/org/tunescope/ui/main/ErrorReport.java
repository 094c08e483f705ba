package org.tunescope.ui.main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.tunescope.app.AppLog;
import org.tunescope.store.Provenance;
import org.tunescope.ui.Windows;

/**
 * What happens to an exception nothing caught, on any thread: it is written to the log file, and a window
 * says what happened, where the log is, and offers the details (versions and stack trace) to copy into a
 * bug report. One window at a time: errors that follow while it is open are logged and counted in it.
 */
final class ErrorReport {

  private static final Logger LOG = Logger.getLogger(ErrorReport.class.getName());

  private final Stage owner;
  private Stage open;
  private Label more;
  private int followers;

  private ErrorReport(Stage owner) {
    this.owner = owner;
  }

  /** Catches what no code caught, from now on, on every thread (the JavaFX thread included). */
  static void install(Stage owner) {
    ErrorReport report = new ErrorReport(owner);
    Thread.UncaughtExceptionHandler handler = (thread, error) -> report.uncaught(thread, error);
    Thread.setDefaultUncaughtExceptionHandler(handler);
    if (Platform.isFxApplicationThread()) {
      Thread.currentThread().setUncaughtExceptionHandler(handler);
    }
  }

  private void uncaught(Thread thread, Throwable error) {
    LOG.log(Level.SEVERE, "uncaught on thread " + thread.getName(), error);
    AppLog.flush();
    String details = details(thread, error);
    if (Platform.isFxApplicationThread()) {
      show(error, details);
    } else {
      Platform.runLater(() -> show(error, details));
    }
  }

  static String details(Thread thread, Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    return "TuneScope " + Provenance.TUNESCOPE_VERSION + ", Java " + System.getProperty("java.version")
        + ", JavaFX " + System.getProperty("javafx.runtime.version", "?") + ", " + System.getProperty("os.name")
        + " " + System.getProperty("os.arch") + "\nthread " + thread.getName() + "\n\n" + trace;
  }

  private void show(Throwable error, String details) {
    if (open != null && open.isShowing()) {
      followers++;
      more.setText(followers + " more error" + (followers == 1 ? "" : "s") + " since, also in the log.");
      return;
    }
    followers = 0;
    Label what = new Label("Something went wrong inside TuneScope: " + error.getClass().getSimpleName()
        + (error.getMessage() == null ? "" : ": " + error.getMessage()));
    what.setId("errorSummary");
    what.setWrapText(true);
    what.setMinHeight(Region.USE_PREF_SIZE);
    Label log = new Label("What you were doing may not have finished. The details are in the log, "
        + AppLog.file().toAbsolutePath() + "; please add them to a bug report.");
    log.setWrapText(true);
    log.setMinHeight(Region.USE_PREF_SIZE);
    more = new Label();
    TextArea text = new TextArea(details);
    text.setId("errorDetails");
    text.setEditable(false);
    text.setPrefRowCount(12);
    VBox.setVgrow(text, Priority.ALWAYS);
    Button copy = new Button("Copy details");
    copy.setId("copyDetails");
    copy.setOnAction(e -> {
      ClipboardContent content = new ClipboardContent();
      content.putString(details);
      javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    });
    Button close = new Button("Close");
    close.setDefaultButton(true);
    close.setCancelButton(true);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox buttons = new HBox(8, copy, gap, close);
    buttons.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(8, what, log, text, more, buttons);
    box.setPadding(new Insets(12));
    box.setId("errorWindow");
    box.getStyleClass().add("ts-root");
    Stage stage = new Stage();
    stage.setTitle("TuneScope: an error");
    stage.setScene(new Scene(box, 640, 420));
    Windows.ownedBy(stage, owner);
    close.setOnAction(e -> stage.close());
    open = stage;
    stage.show();
  }
}
