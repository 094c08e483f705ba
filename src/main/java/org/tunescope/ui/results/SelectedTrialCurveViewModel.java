package org.tunescope.ui.results;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.tunescope.app.ViewedStudy;
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
public abstract class SelectedTrialCurveViewModel {

  private final RunViewModel run;
  private final UiScheduler scheduler;
  private final String what;
  private final ReadOnlyObjectWrapper<ValidationCurveModel> model = new ReadOnlyObjectWrapper<>(this, "model");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
  private final BooleanBinding computable;
  private AtomicBoolean current = new AtomicBoolean();

  /** @param what the curve's name in messages ("learning curve") */
  protected SelectedTrialCurveViewModel(RunViewModel run, UiScheduler scheduler, String what) {
    this.run = run;
    this.scheduler = scheduler;
    this.what = what;
    computable = run.selectedTrialProperty().isNotNull().and(run.studyProperty().isNotNull())
        .and(Bindings.createBooleanBinding(() -> run.studyProperty().get() == null
            || unavailable(run.studyProperty().get()).isEmpty(), run.studyProperty()));
    status.set(idle(run.studyProperty().get()));
    run.studyProperty().addListener((o, old, study) -> {
      // Another study: a curve still computing or shown belongs to the old one.
      current.set(true);
      model.set(null);
      status.set(idle(study));
    });
    run.shownProperty().addListener((o, old, shown) -> status.set(idle(run.studyProperty().get())));
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
    status.set("Computing the " + what + " of trial " + number + "...");
    scheduler.background(() -> {
      try {
        ValidationCurveModel curve = compute(study, trial.get(), cancelled::get);
        scheduler.ui(() -> {
          if (!cancelled.get()) {
            model.set(curve);
            status.set(reading(study, number));
          }
        });
      } catch (Exception e) {
        scheduler.ui(() -> {
          if (!cancelled.get()) {
            status.set("Cannot compute the " + what + ": " + e.getMessage());
          }
        });
      }
    });
  }

  private String idle(PreparedStudy study) {
    ViewedStudy shown = run.shownProperty().get();
    if (study == null && shown != null) {
      return shown.isImported() ? "Study " + shown.name() + " was imported: TuneScope has neither its data nor its"
          + " model, so it cannot refit a trial for its " + what + "."
          : "Study " + shown.name() + " is shown without its data: open it from the Studies tab to compute its "
          + what + ".";
    }
    return Optional.ofNullable(study).flatMap(this::unavailable)
        .orElse("Select a trial, then compute its " + what + ".");
  }

  /** The curve's name in messages ("learning curve"). */
  public String what() {
    return what;
  }

  /** The last computed curve of the study on show; null before one is computed. */
  public ReadOnlyObjectProperty<ValidationCurveModel> modelProperty() {
    return model.getReadOnlyProperty();
  }

  /** What the curve shows, is computing, or why it cannot be drawn. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Whether a trial is selected whose study's model has this curve. */
  public BooleanBinding computableProperty() {
    return computable;
  }
}
