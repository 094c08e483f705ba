package org.tunescope.ui.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.tunescope.app.ViewedStudy;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.ScoreSummary;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;
import org.tunescope.ml.tuning.LearningCurve;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TreeCountCurve;
import org.tunescope.ml.tuning.ValidationCurveModel;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.run.RunViewModel;

/**
 * A train/validation curve of the selected trial that takes refitting to draw: its {@link #learningCurve}
 * (score against training rows), its {@link #treeCount} (score against the number of trees, for forests and
 * boosting). Computed in the background on request, a newer request stopping an older one, the result shown
 * only if it is still the latest. Each point of the curve becomes a trial whose folds are the point's folds,
 * so that the overfitting-curve chart draws it with its bands.
 */
public final class SelectedTrialCurveViewModel {

  private final RunViewModel run;
  private final UiScheduler scheduler;
  private final String what;
  private final Reading reading;
  private final Function<PreparedStudy, Optional<String>> unavailable;
  private final Curve curve;
  private final ReadOnlyObjectWrapper<ValidationCurveModel> model = new ReadOnlyObjectWrapper<>(this, "model");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
  private final BooleanBinding computable;
  private AtomicBoolean current = new AtomicBoolean();

  /**
   * What the finished curve of trial {@code number} tells, for the status line, in the words of the study's
   * metric (a score that rises for accuracy falls for rmse).
   */
  private interface Reading {
    String of(Direction direction, String metric, int number);
  }

  /** The curve of a trial, computed off the JavaFX thread; stops when {@code cancelled} turns true. */
  private interface Curve {
    ValidationCurveModel compute(PreparedStudy study, Trial trial, BooleanSupplier cancelled) throws Exception;
  }

  /**
   * The learning curve of the selected trial: train and validation score against the number of training
   * rows (10 % to 100 % in 8 steps, cross-validated, with bands).
   */
  public static SelectedTrialCurveViewModel learningCurve(RunViewModel run, UiScheduler scheduler) {
    return new SelectedTrialCurveViewModel(run, scheduler, "learning curve",
        SelectedTrialCurveViewModel::learningReading, study -> Optional.empty(),
        (study, trial, cancelled) -> curve("training rows", LearningCurve.compute(study.objective(), trial.params(),
            trial.seed(), LearningCurve.DEFAULT_FRACTIONS, cancelled).stream()
            .map(p -> new Point(p.trainRows(), p.train(), p.validation())).toList(), study.study().direction()));
  }

  /**
   * For forests and boosting: the selected trial's train and validation score against its number of trees,
   * from one fit per fold cut to its first trees (Smile's staged predictions), with bands across folds.
   */
  public static SelectedTrialCurveViewModel treeCount(RunViewModel run, UiScheduler scheduler) {
    return new SelectedTrialCurveViewModel(run, scheduler, "score against the number of trees",
        SelectedTrialCurveViewModel::treeCountReading, study -> TreeCountCurve.appliesTo(study.model())
            ? Optional.empty() : Optional.of("The score against the number of trees is for forests and boosting;"
            + " this study tunes " + study.model().name() + "."),
        (study, trial, cancelled) -> curve("trees", TreeCountCurve.compute(study.objective(), study.model(),
            trial.params(), trial.seed(), cancelled).stream()
            .map(p -> new Point(p.trees(), p.train(), p.validation())).toList(), study.study().direction()));
  }

  /** The learning curve's reading, in the metric's direction: an rmse that still falls, not "rises". */
  static String learningReading(Direction direction, String metric, int number) {
    return "Learning curve of trial " + number + ": a gap that stays as rows grow means the model is too complex;"
        + " a validation " + metric + " that still " + direction.improves() + " (" + direction.better()
        + ") means more data would help.";
  }

  /** The trees' reading, in the metric's direction (for rmse, overfitting is a rising curve). */
  static String treeCountReading(Direction direction, String metric, int number) {
    return "Trees of trial " + number + ": where validation " + metric + " levels off, more trees only cost time;"
        + " where it " + direction.worsens() + " while train " + direction.improves() + " (" + direction.better()
        + "), boosting overfits with more rounds.";
  }

  /** @param what the curve's name in messages ("learning curve") */
  private SelectedTrialCurveViewModel(RunViewModel run, UiScheduler scheduler, String what, Reading reading,
      Function<PreparedStudy, Optional<String>> unavailable, Curve curve) {
    this.run = run;
    this.scheduler = scheduler;
    this.what = what;
    this.reading = reading;
    this.unavailable = unavailable;
    this.curve = curve;
    computable = run.selectedTrialProperty().isNotNull().and(run.studyProperty().isNotNull())
        .and(Bindings.createBooleanBinding(() -> run.studyProperty().get() == null
            || unavailable.apply(run.studyProperty().get()).isEmpty(), run.studyProperty()));
    status.set(idle(run.studyProperty().get()));
    run.studyProperty().addListener((o, old, study) -> {
      // Another study: a curve still computing or shown belongs to the old one.
      current.set(true);
      model.set(null);
      status.set(idle(study));
    });
    run.shownProperty().addListener((o, old, shown) -> status.set(idle(run.studyProperty().get())));
  }


  /** Computes the curve of the selected trial in the background; a newer request makes an older one stop. */
  public void compute() {
    PreparedStudy study = run.studyProperty().get();
    Integer number = run.selectedTrialProperty().get();
    Optional<Trial> trial = run.trials().stream().filter(t -> number != null && t.number() == number).findFirst();
    if (study == null || trial.isEmpty() || unavailable.apply(study).isPresent()) {
      return;
    }
    current.set(true);
    AtomicBoolean cancelled = new AtomicBoolean();
    current = cancelled;
    status.set("Computing the " + what + " of trial " + number + "...");
    scheduler.background(() -> {
      try {
        ValidationCurveModel computed = curve.compute(study, trial.get(), cancelled::get);
        scheduler.ui(() -> {
          if (!cancelled.get()) {
            model.set(computed);
            status.set(reading.of(study.study().direction(), study.study().metric(), number));
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
    return Optional.ofNullable(study).flatMap(unavailable)
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

  /** One point: its x value and the train and validation scores of its folds. */
  private record Point(long x, ScoreSummary train, ScoreSummary validation) {
  }

  /** The chart model of a curve along the integer axis {@code name}. */
  private static ValidationCurveModel curve(String name, List<Point> points, Direction direction) {
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      List<FoldScore> folds = new ArrayList<>();
      for (int f = 0; f < p.train().folds().size(); f++) {
        folds.add(new FoldScore(p.train().folds().get(f), p.validation().folds().get(f)));
      }
      trials.add(new Trial(i, TrialState.COMPLETE, Map.of(name, p.x()), folds, 0, 0, 0, Optional.empty(),
          Instant.EPOCH));
    }
    long max = points.stream().mapToLong(Point::x).max().orElse(1);
    return ValidationCurveModel.of(trials, name, new Distribution.IntRange(0, Math.max(1, max), false),
        Complexity.NONE, direction, false);
  }
}
