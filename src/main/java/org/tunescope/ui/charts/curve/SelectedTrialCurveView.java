package org.tunescope.ui.charts.curve;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.ValidationCurveModel;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.run.RunViewModel;

/**
 * A train/validation curve of the selected trial that takes refitting to draw (its learning curve, its
 * score against the number of trees): computed in the background on request, a newer request stopping
 * an older one, the result shown only if it is still the latest.
 */
public abstract class SelectedTrialCurveView extends BorderPane {

  private final RunViewModel run;
  private final UiScheduler scheduler;
  private final ValidationCurveChart chart = new ValidationCurveChart();
  private final Label status = new Label();
  private final String what;
  private AtomicBoolean current = new AtomicBoolean();

  /**
   * @param what    the curve's name in messages ("learning curve")
   * @param id      the id of the chart; the button's is "compute" + the id with a capital
   * @param xLabel  the x axis title
   */
  protected SelectedTrialCurveView(RunViewModel run, UiScheduler scheduler, String what, String id, String xLabel) {
    this.run = run;
    this.scheduler = scheduler;
    this.what = what;
    chart.setId(id);
    chart.annotationsProperty().set(false);
    chart.xLabelProperty().set(xLabel);
    chart.placeholderProperty().set("The " + what + " of the selected trial appears here once computed.");
    Button compute = new Button("Compute for the selected trial");
    compute.setId("compute" + Character.toUpperCase(id.charAt(0)) + id.substring(1));
    compute.disableProperty().bind(run.selectedTrialProperty().isNull().or(run.studyProperty().isNull())
        .or(Bindings.createBooleanBinding(() -> run.studyProperty().get() != null
            && unavailable(run.studyProperty().get()).isPresent(), run.studyProperty())));
    compute.setOnAction(e -> compute());
    compute.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    status.getStyleClass().add("muted");
    status.setWrapText(true);
    HBox.setHgrow(status, javafx.scene.layout.Priority.ALWAYS);
    status.setText(idle(run.studyProperty().get()));
    chart.yLabelProperty().set(yLabel(run.studyProperty().get()));
    run.studyProperty().addListener((o, old, study) -> {
      // Another study: a curve still computing or shown belongs to the old one.
      current.set(true);
      chart.setModel(null);
      status.setText(idle(study));
      chart.yLabelProperty().set(yLabel(study));
    });
    HBox controls = new HBox(8, compute, status);
    controls.setAlignment(Pos.CENTER_LEFT);
    controls.setPadding(new Insets(6));
    setTop(controls);
    setCenter(chart);
  }

  /** Why the curve cannot be drawn for a study's model, when it cannot. */
  protected Optional<String> unavailable(PreparedStudy study) {
    return Optional.empty();
  }

  /** The curve of a trial, computed off the JavaFX thread; stops when {@code cancelled} turns true. */
  protected abstract ValidationCurveModel compute(PreparedStudy study, Trial trial, BooleanSupplier cancelled)
      throws Exception;

  /**
   * What the finished curve of trial {@code number} tells, for the status line, in the words of the study's
   * metric (a score that rises for accuracy falls for rmse).
   */
  protected abstract String reading(PreparedStudy study, int number);

  /** Computes the curve of the selected trial in the background; a newer request makes an older one stop. */
  public void compute() {
    PreparedStudy study = run.studyProperty().get();
    Integer number = run.selectedTrialProperty().get();
    Optional<Trial> trial = run.trials().stream().filter(t -> number != null && t.number() == number).findFirst();
    if (study == null || trial.isEmpty() || unavailable(study).isPresent()) {
      return;
    }
    current.set(true);
    AtomicBoolean cancelled = new AtomicBoolean();
    current = cancelled;
    status.setText("Computing the " + what + " of trial " + number + "...");
    scheduler.background(() -> {
      try {
        ValidationCurveModel model = compute(study, trial.get(), cancelled::get);
        scheduler.ui(() -> {
          if (!cancelled.get()) {
            chart.setModel(model);
            status.setText(reading(study, number));
          }
        });
      } catch (Exception e) {
        scheduler.ui(() -> {
          if (!cancelled.get()) {
            status.setText("Cannot compute the " + what + ": " + e.getMessage());
          }
        });
      }
    });
  }

  private static String yLabel(PreparedStudy study) {
    return study == null ? "" : study.study().direction().label(study.study().metric());
  }

  private String idle(PreparedStudy study) {
    return Optional.ofNullable(study).flatMap(this::unavailable)
        .orElse("Select a trial, then compute its " + what + ".");
  }

  public ValidationCurveChart chart() {
    return chart;
  }
}
