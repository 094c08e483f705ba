package org.tunescope.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tunescope.app.StudyRun;
import org.tunescope.app.StudyService;
import org.tunescope.app.compare.ComparisonRequest;
import org.tunescope.app.compare.ComparisonRun;
import org.tunescope.app.compare.ComparisonService;
import org.tunescope.app.compare.EnsembleKind;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.StudyEvent;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.ml.data.DataException;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.store.ComparisonRecord;
import org.tunescope.store.StoreException;
import org.tunescope.ui.Notifications;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.run.Busy;

/**
 * The New comparison dialog: several models ticked from the catalog, a trial budget per model and the
 * ensembles to build, on the data, target, metric and folds the main window's setup panel already has. The
 * comparison runs through {@link ComparisonService} in the background, one study after another; its progress
 * is one line, {@link #cancel} stops it (finished trials are kept), and at its end {@code done} gets its
 * studies' names (the main window opens the Compare window on them).
 */
public final class NewComparisonViewModel {

  /** What the comparison is called while it holds the window, in "... is running; cancel it or wait". */
  private static final String JOB = "a comparison";

  /** A model of the catalog, ticked or not. */
  public record Choice(ModelSpec model, BooleanProperty ticked) {
  }

  private final StudyService studies;
  private final ModelCatalog catalog;
  private final UiScheduler scheduler;
  private final Notifications notifications;
  private final LoadedData data;
  private final TuningRequest common;
  private final int workers;
  private final Busy busy;
  private final Consumer<List<String>> done;

  private final List<Choice> choices;
  private final IntegerProperty trials = new SimpleIntegerProperty(this, "trials", 10);
  private final ObjectProperty<String> ensembles = new SimpleObjectProperty<>(this, "ensembles", "both");
  private final IntegerProperty top = new SimpleIntegerProperty(this, "top", 5);
  private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private volatile ComparisonRun current;
  /** Set by {@link #cancel}: a run whose studies are still being prepared is cancelled once it exists. */
  private volatile boolean cancelRequested;

  /**
   * @param models the models the setup's task allows
   * @param common the setup panel's shared choices; its model, ranges and budget are replaced
   * @param busy   the window's one long job: the comparison takes it while it runs (no study run, store switch
   *               or study opening meanwhile) and shows its progress line in the run bar through it
   */
  public NewComparisonViewModel(StudyService studies, ModelCatalog catalog, UiScheduler scheduler,
      Notifications notifications, LoadedData data, TuningRequest common, List<ModelSpec> models, int workers,
      Busy busy, Consumer<List<String>> done) {
    this.studies = studies;
    this.catalog = catalog;
    this.scheduler = scheduler;
    this.notifications = notifications;
    this.data = data;
    this.common = common;
    this.workers = workers;
    this.busy = busy;
    this.done = done;
    progress.addListener((o, was, line) -> {
      if (running.get()) {
        busy.say(line.startsWith("Comparison") ? line : "Comparing: " + line);
      }
    });
    this.choices = models.stream().map(m -> new Choice(m, new SimpleBooleanProperty(false))).toList();
  }

  /** What the comparison is about, in one line: the data and the shared choices. */
  public String setupText() {
    return data.file().getFileName() + ", target " + common.target() + ", " + common.metric().orElse("default metric")
        + ", " + common.folds() + " folds";
  }

  /** Starts the comparison of the ticked models in the background; one sentence when it cannot start. */
  public void start() {
    List<ComparisonRequest.ModelChoice> models = choices.stream().filter(c -> c.ticked().get())
        .map(c -> new ComparisonRequest.ModelChoice(c.model().id(), List.of())).toList();
    if (models.size() < 2) {
      progress.set("Tick at least two models to compare.");
      return;
    }
    if (!busy.take(JOB, this::cancel)) {
      String why = busy.refusal("before starting a comparison");
      progress.set(why);
      notifications.error(why);
      return;
    }
    Set<EnsembleKind> kinds = EnsembleKind.choice(ensembles.get());
    int k = top.get();
    TuningRequest shared = common.toBuilder()
        .budget(new Budget(OptionalInt.of(Math.max(1, trials.get())), Optional.empty())).build();
    ComparisonRequest request = new ComparisonRequest(Optional.empty(), data.file(), shared, models, !kinds.isEmpty());
    cancelRequested = false;
    running.set(true);
    progress.set("Preparing " + models.size() + " studies...");
    scheduler.background(() -> run(request, kinds, k));
  }

  /** Runs on a background thread: creates, runs, builds the ensembles, then hands the studies over. */
  private void run(ComparisonRequest request, Set<EnsembleKind> kinds, int k) {
    try {
      ComparisonService service = new ComparisonService(studies, catalog);
      ComparisonService.Planned planned = service.create(request, data);
      ComparisonRun comparisonRun = service.start(planned, workers);
      current = comparisonRun;
      if (cancelRequested) { // closed or cancelled while the studies were being prepared
        comparisonRun.cancel();
      }
      List<StudyRun> runs = comparisonRun.runs();
      List<ComparisonRun.Outcome> outcomes = comparisonRun.run(r -> listener(runs.indexOf(r) + 1, runs.size(), r));
      current = null;
      ComparisonRecord c = planned.comparison();
      List<String> notes = new ArrayList<>();
      if (!kinds.isEmpty() && !outcomes.isEmpty()) {
        scheduler.ui(() -> progress.set("Building the ensembles of the best trials..."));
        try {
          c = service.buildEnsembles(planned, kinds, k, data, notes::add);
        } catch (IllegalArgumentException e) {
          notes.add("no ensembles: " + e.getMessage());
        }
      }
      // As a tune run does: a held-out score the store did not keep is an error to see.
      outcomes.forEach(o -> o.notKept().ifPresent(why -> scheduler.ui(() -> notifications.error(
          "The held-out test score of " + o.run().prepared().study().name() + " was not kept: " + why))));
      ComparisonRecord finished = c;
      boolean stopped = outcomes.size() < runs.size()
          || outcomes.stream().anyMatch(o -> o.result().stopReason().isPresent());
      scheduler.ui(() -> {
        // Said before the window is given back, so that the run bar says it too.
        progress.set("Comparison " + finished.name() + (stopped ? " stopped; its finished trials are kept." : " done.")
            + (notes.isEmpty() ? "" : " " + String.join("; ", notes)));
        running.set(false);
        busy.release(JOB);
        done.accept(finished.studies());
      });
    } catch (IllegalArgumentException | DataException | StoreException e) {
      stopped(e.getMessage());
    } catch (RuntimeException e) { // a model or a library that throws: said, and the dialog usable again
      stopped("the comparison stopped: " + StudyRunner.describe(e));
    }
  }

  private void stopped(String message) {
    current = null;
    scheduler.ui(() -> {
      progress.set(message);
      running.set(false);
      busy.release(JOB);
      notifications.error(message);
    });
  }

  /** Counts one study's finished trials into the progress line. */
  private StudyListener listener(int index, int of, StudyRun run) {
    String model = run.prepared().model().name();
    String planned = run.prepared().study().plannedTrials().stream().mapToObj(n -> " of " + n).findFirst().orElse("");
    scheduler.ui(() -> progress.set(model + " (" + index + " of " + of + "): starting"));
    // listeners are called from the study's worker threads
    java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
    return event -> {
      if (event instanceof StudyEvent.TrialFinished) {
        int n = finished.incrementAndGet();
        scheduler.ui(() -> progress.set(model + " (" + index + " of " + of + "): trial " + n + planned));
      }
    };
  }

  /** Stops the study running (its finished trials stay) and starts no other. */
  public void cancel() {
    cancelRequested = true;
    ComparisonRun running = current;
    if (running != null) {
      running.cancel();
      progress.set("Cancelling...");
    }
  }

  public List<Choice> choices() {
    return choices;
  }

  public IntegerProperty trialsProperty() {
    return trials;
  }

  /** none, vote, stack, greedy, both (vote and stack) or a comma list such as vote,stack,greedy. */
  public ObjectProperty<String> ensemblesProperty() {
    return ensembles;
  }

  public IntegerProperty topProperty() {
    return top;
  }

  public ReadOnlyStringProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }
}
