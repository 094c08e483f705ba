package org.tunescope.ui.run;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.binding.StringExpression;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.util.Duration;

/**
 * The run bar (RunBarView.fxml): Start and Cancel, the progress, status and timing of the run, why Start
 * is off, and the held-out and best scores.
 */
public final class RunBarView {

  private final RunViewModel run;
  private final BooleanExpression canStart;
  private final StringExpression whyNotStart;
  private final Runnable start;
  private final Runnable cancel;

  @FXML private Button startButton;
  @FXML private Button cancelButton;
  @FXML private ProgressBar progressBar;
  @FXML private Label statusLabel;
  @FXML private Label timingLabel;
  @FXML private Label startReasonLabel;
  @FXML private Label heldOutLabel;
  @FXML private Label bestLabel;

  /** {@code canStart}, {@code whyNotStart}, {@code start} and {@code cancel} are the window's: they span features. */
  public RunBarView(RunViewModel run, BooleanExpression canStart, StringExpression whyNotStart, Runnable start,
      Runnable cancel) {
    this.run = run;
    this.canStart = canStart;
    this.whyNotStart = whyNotStart;
    this.start = start;
    this.cancel = cancel;
  }

  @FXML
  private void initialize() {
    startButton.disableProperty().bind(canStart.not());
    // Why Start is off, beside it: the field at fault says more.
    startReasonLabel.textProperty().bind(whyNotStart);
    // Red only for a setting that is wrong; a step not yet taken (no data yet) is a muted hint.
    startReasonLabel.textProperty().addListener((o, was, why) -> {
      startReasonLabel.getStyleClass().removeAll("field-problem", "muted");
      startReasonLabel.getStyleClass().add(why.startsWith("Cannot start") ? "field-problem" : "muted");
    });
    cancelButton.disableProperty().bind(run.busy().busyProperty().not());
    progressBar.progressProperty().bind(run.progressProperty());
    statusLabel.textProperty().bind(run.statusProperty());
    timingLabel.textProperty().bind(run.timingProperty());
    bestLabel.textProperty().bind(run.bestProperty());
    heldOutLabel.textProperty().bind(run.heldOutProperty());
    startButton.setOnAction(e -> start.run());
    cancelButton.setOnAction(e -> cancel.run());
    Timeline clock = new Timeline(new KeyFrame(Duration.millis(500), e -> run.tick()));
    clock.setCycleCount(Timeline.INDEFINITE);
    clock.play();
  }
}
