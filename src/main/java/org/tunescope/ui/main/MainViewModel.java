package org.tunescope.ui.main;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tunescope.app.StudyRefusedException;
import org.tunescope.app.StudyRun;
import org.tunescope.app.StudyService;
import org.tunescope.app.TestScoreKeeper;
import org.tunescope.app.ViewedStudy;
import org.tunescope.app.importer.ImportException;
import org.tunescope.app.importer.ImportSummary;
import org.tunescope.app.importer.StudyImporter;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.Task;
import org.tunescope.ml.data.DataException;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.data.SampleDatasets;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.ml.tuning.TuningSetup;
import org.tunescope.store.ImportRecord;
import org.tunescope.store.StoreException;
import org.tunescope.store.StudyRecord;
import org.tunescope.store.StudyStore;
import org.tunescope.ui.Notifications;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.data.DataViewModel;
import org.tunescope.ui.data.RecentFiles;
import org.tunescope.ui.run.RunViewModel;
import org.tunescope.ui.search.SearchViewModel;
import org.tunescope.ui.space.SpaceViewModel;
import org.tunescope.ui.studies.StudiesViewModel;
import org.tunescope.ui.studies.StudyEntry;

/**
 * The whole window's state: data, model, search space, search settings, the run and the studies. It
 * alone turns the user's choices into a study and starts it, through the application layer's
 * {@link StudyService}.
 */
public final class MainViewModel {

  private final UiScheduler scheduler;
  private final Notifications notifications = new Notifications();
  private final ModelCatalog catalog;
  private final DataViewModel data;
  private final SpaceViewModel space = new SpaceViewModel();
  private final SearchViewModel search = new SearchViewModel();
  private final RunViewModel run;
  private final StudiesViewModel studies;
  private final StudyService service;
  private final ObservableList<ModelSpec> models = FXCollections.observableArrayList();
  private final ObjectProperty<ModelSpec> model = new SimpleObjectProperty<>(this, "model");
  private final Path samplesFolder;
  private final BooleanBinding canStart;
  private final javafx.beans.binding.StringBinding whyNotStart;
  private final org.tunescope.ui.lab.LabViewModel lab;
  private final javafx.beans.property.BooleanProperty follow =
      new javafx.beans.property.SimpleBooleanProperty(this, "follow");
  private final BooleanBinding canFollow;
  /** A re-import is under way: the timer's next tick waits for it rather than starting another. */
  private boolean refreshing;

  /** The store in use: File > Open store... changes it, a lost connection opens it again. */
  private final org.tunescope.app.OpenStore store;
  private final org.tunescope.ui.watch.WatchViewModel watch;
  private final org.tunescope.ui.watch.StoreViewModel stores;
  private org.tunescope.app.Settings settings = org.tunescope.app.Settings.inMemory();

  public MainViewModel(UiScheduler scheduler, ModelCatalog catalog, RecentFiles recent, Path samplesFolder,
      StudyStore store) {
    this.scheduler = scheduler;
    this.store = org.tunescope.app.OpenStore.of(store);
    this.service = new StudyService(this.store, catalog);
    this.studies = new StudiesViewModel(this.store, scheduler, notifications);
    this.catalog = catalog;
    this.samplesFolder = samplesFolder;
    this.data = new DataViewModel(scheduler, notifications, recent);
    this.run = new RunViewModel(scheduler, notifications);
    this.watch = new org.tunescope.ui.watch.WatchViewModel(this.store, run, studies, scheduler, notifications);
    this.stores = new org.tunescope.ui.watch.StoreViewModel(this.store, run, studies, scheduler, notifications,
        this::settings);
    this.lab = new org.tunescope.ui.lab.LabViewModel(scheduler, catalog, samplesFolder);
    data.taskProperty().addListener((o, old, task) -> onTask(task));
    // Another data set: the study on show is not about it. It stays in the Studies tab; reopening a
    // study loads its data first and shows the study afterwards.
    data.dataProperty().addListener((o, old, loaded) -> run.clear());
    model.addListener((o, old, spec) -> space.setModel(spec));
    search.spaceProperty().bind(space.spaceProperty());
    canStart = Bindings.createBooleanBinding(() -> !run.busy().isBusy() && data.data().isPresent()
            && data.targetProperty().get() != null && model.get() != null && space.spaceProperty().get() != null
            && search.metricProperty().get() != null && search.problems().isEmpty(),
        run.busy().busyProperty(), data.dataProperty(), data.targetProperty(), model, space.spaceProperty(),
        search.metricProperty(), search.problems());
    whyNotStart = Bindings.createStringBinding(this::whyNotStart, canStart);
    canFollow = Bindings.createBooleanBinding(() -> !run.runningProperty().get() && run.shownProperty().get() != null
        && run.shownProperty().get().origin().filter(o -> o.origin().equals(ImportRecord.OPTUNA)).isPresent(),
        run.runningProperty(), run.shownProperty());
    canFollow.addListener((o, could, can) -> {
      if (!can) {
        follow.set(false);
      }
    });
    studies.refresh();
  }

  private void onTask(Task task) {
    search.setTask(task);
    ModelSpec previous = model.get();
    models.setAll(task == null ? List.of() : catalog.forTask(task).stream()
        .sorted(java.util.Comparator.comparing(ModelSpec::group)).toList());
    Optional<ModelSpec> same = previous == null ? Optional.empty()
        : models.stream().filter(m -> m.id().equals(previous.id())).findFirst();
    model.set(same.orElse(models.isEmpty() ? null : models.get(0)));
  }

  /** Loads one of the bundled datasets. */
  public void loadSample(String name) {
    try {
      data.load(SampleDatasets.file(name, samplesFolder));
    } catch (DataException e) {
      notifications.error(e.getMessage());
    }
  }

  /** Writes a seeded teaching set as CSV next to the samples and loads it like any file. */
  public void loadGenerated(org.tunescope.ml.data.generate.TeachingDataset kind, int rows, double noise, long seed) {
    Path file = samplesFolder.resolve(String.format(java.util.Locale.ROOT, "%s-%d-noise%.2f-seed%d.csv", kind.id(),
        rows, noise, seed));
    try {
      java.nio.file.Files.createDirectories(samplesFolder);
      try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(file)) {
        kind.write(w, rows, noise, seed);
      }
      data.load(file);
    } catch (java.io.IOException | DataException e) {
      notifications.error("cannot generate " + kind.id() + " in " + samplesFolder + ": " + e.getMessage());
    }
  }

  /** Whether everything a study needs is chosen and valid, and nothing runs. */
  public BooleanBinding canStartProperty() {
    return canStart;
  }

  /** Why Start is disabled, in words (the first thing to fix); empty when a study can start or one runs. */
  public javafx.beans.binding.StringBinding whyNotStartProperty() {
    return whyNotStart;
  }

  private String whyNotStart() {
    if (canStart.get() || run.busy().isBusy()) {
      return "";
    }
    if (data.data().isEmpty()) {
      return "Open a data set to start";
    }
    if (data.targetProperty().get() == null) {
      return "Choose a target column to start";
    }
    if (model.get() == null) {
      return "Choose a model to start";
    }
    List<String> problems = new java.util.ArrayList<>(space.problems());
    problems.addAll(search.problems());
    if (!problems.isEmpty()) {
      return "Cannot start: " + problems.get(0);
    }
    return search.metricProperty().get() == null ? "Choose a metric to start" : "";
  }

  /** Starts a new study with the current choices; the store keeps every trial as it finishes. */
  public void start() {
    if (!canStartProperty().get()) {
      String why = whyNotStart();
      notifications.error(why.isEmpty() ? run.busy().refusal("before starting a study") : why);
      return;
    }
    LoadedData loaded = data.data().orElseThrow();
    ModelSpec spec = model.get();
    int workers = Math.max(1, search.workersProperty().get());
    notifications.dismiss();
    // The choices are read here, on the UI thread; the name is found in the store, in the background.
    TuningRequest chosen = request("", spec.id()).ranges(space.ranges()).budget(search.budget()).build();
    scheduler.background(() -> {
      try {
        TuningRequest request = chosen.named(service.freshName(StudyService.defaultName(spec.id(), loaded.file())));
        PreparedStudy prepared = new TuningSetup(catalog).prepare(request, loaded.table(), loaded.file(), loaded.sha256());
        service.create(prepared, request, loaded.file());
        launch(prepared, workers, List.of());
      } catch (IllegalArgumentException | DataException | StoreException e) {
        scheduler.ui(() -> notifications.error(e.getMessage()));
      }
    });
  }

  /**
   * Runs a stored study on the UI's run view; {@code previous} are the trials it has already. Called in the
   * background: starting the run registers this process in the store, a write.
   */
  private void launch(PreparedStudy prepared, int workers, List<Trial> previous) {
    StudyRun started;
    try {
      started = service.start(prepared, workers);
    } catch (StoreException e) {
      scheduler.ui(() -> notifications.error(e.getMessage()));
      return;
    }
    scheduler.ui(() -> {
      run.start(started, previous, result -> scheduler.background(() -> {
        try {
          started.finish(result);
        } catch (StoreException e) {
          scheduler.ui(() -> notifications.error(e.getMessage()));
        }
        studies.refresh();
      }));
      studies.refresh();
    });
  }

  /**
   * The New comparison dialog's model, on the setup panel's data, target, task, metric, search, folds, seed and
   * held-out split (the dialog picks the models and the budget); empty, with the reason shown, while those are
   * not chosen or a study runs. {@code done} gets the comparison's studies when it ends.
   */
  public Optional<org.tunescope.ui.compare.NewComparisonViewModel> newComparison(Consumer<List<String>> done) {
    if (run.busy().isBusy() || data.data().isEmpty() || data.targetProperty().get() == null
        || search.metricProperty().get() == null || models.isEmpty()) {
      String why = whyNotStart();
      notifications.error(why.isEmpty() ? run.busy().refusal("before starting a comparison")
          : why.replace(" to start", " first"));
      return Optional.empty();
    }
    TuningRequest common = request("compare", models.get(0).id()).build();
    return Optional.of(new org.tunescope.ui.compare.NewComparisonViewModel(service, catalog, scheduler, notifications,
        data.data().orElseThrow(), common, List.copyOf(models), Math.max(1, search.workersProperty().get()),
        run.busy(), names -> {
          studies.refresh();
          done.accept(names);
        }));
  }

  /** A request for {@code modelId} with the setup panel's target, task, metric, search, folds, seed and held-out split. */
  private TuningRequest.Builder request(String name, String modelId) {
    return TuningRequest.builder(name, data.targetProperty().get(), modelId)
        .task(Optional.ofNullable(data.taskProperty().get())).metric(Optional.of(search.metricProperty().get().id()))
        .search(search.methodProperty().get()).gridPoints(search.gridPointsProperty().get())
        .folds(search.foldsProperty().get()).seed(search.seedProperty().get()).testFraction(search.testFraction());
  }

  /** Cancels the running study. */
  public void cancel() {
    run.cancel();
  }

  /** Continues a stopped study: its finished trials stay, the rest of its budget runs. */
  public void resume(StudyEntry entry) {
    if (run.busy().isBusy()) {
      notifications.error(run.busy().refusal("before resuming a study"));
      return;
    }
    int workers = Math.max(1, search.workersProperty().get());
    reopen(entry, false, (prepared, trials) -> scheduler.background(() -> launch(prepared, workers, trials)));
  }

  /** Shows a study again: its data, target, model, space, settings and trials. */
  public void open(StudyEntry entry) {
    if (run.busy().isBusy()) {
      notifications.error(run.busy().refusal("before opening " + entry.name()));
      return;
    }
    reopen(entry, true, (prepared, trials) -> run.show(prepared, trials,
        TestScoreKeeper.of(service.store(), entry.name())));
  }

  /**
   * Reads a study from the store, loads its data file, restores the window's choices from it, then hands
   * the rebuilt study and its trials to {@code then} on the UI thread.
   */
  private void reopen(StudyEntry entry, boolean force,
      java.util.function.BiConsumer<PreparedStudy, List<Trial>> then) {
    scheduler.background(() -> {
      StudyRecord record;
      List<Trial> trials;
      java.util.Optional<ImportRecord> imported;
      try {
        record = service.store().get(entry.name());
        trials = service.store().trials(entry.name());
        imported = service.store().importRecord(entry.name());
      } catch (StoreException e) {
        scheduler.ui(() -> notifications.error(e.getMessage()));
        return;
      }
      if (imported.isPresent() && !force) {
        // Its "data" is another tool's file: neither its data nor its objective can be rebuilt here.
        scheduler.ui(() -> notifications.error(imported.get().whyNotResumable(entry.name())));
        return;
      }
      Path file = Path.of(record.request().dataPath());
      if (imported.isPresent() || force && !java.nio.file.Files.isRegularFile(file)) {
        // Looked at read-only, from the store alone: an imported study, or one whose data file has gone.
        view(entry.name(), imported.isPresent() ? Optional.empty() : Optional.of("Note: the data file " + file
            + " of study " + entry.name() + " is not there any more; its trials are shown read-only."));
        return;
      }
      scheduler.ui(() -> data.load(file, loaded -> {
        try {
          StudyService.Reopened reopened = service.reopen(record, loaded, force,
              what -> notifications.info("Note: " + what + "."));
          restore(reopened.request(), reopened.prepared());
          then.accept(reopened.prepared(), trials);
        } catch (StudyRefusedException e) {
          notifications.error(e.getMessage() + "; open it to look at it, or start anew"
              + (e.reason() == StudyRefusedException.Reason.DATA_CHANGED ? " with it anyway" : " with the new one"));
        } catch (IllegalArgumentException | DataException | StoreException e) {
          notifications.error(e.getMessage());
        }
      }));
    });
  }

  /**
   * Shows a study from the store alone, read-only (no data file is read); called in the background.
   *
   * @param note said once it is on show; an imported study says where it came from instead
   */
  private void view(String name, Optional<String> note) {
    ViewedStudy viewed;
    try {
      viewed = ViewedStudy.load(service.store(), catalog, name);
    } catch (StoreException | IllegalArgumentException e) {
      scheduler.ui(() -> notifications.error(e.getMessage()));
      return;
    }
    scheduler.ui(() -> {
      if (!run.show(viewed)) {
        notifications.error(run.busy().refusal("before opening " + name));
        return;
      }
      notifications.info(note.orElseGet(() -> "Study " + name + " (" + viewed.trials().size() + " trials) "
          + viewed.origin().map(o -> "imported from " + o.describe()).orElse("") + ", shown read-only: it cannot"
          + " be resumed here."), "study:" + name);
    });
  }

  /**
   * Imports an Optuna storage or a scikit-learn cv_results_ file in the background and shows the (first)
   * imported study read-only. A study with several objectives, or a search with several metrics, asks
   * {@code choose} (on the UI thread) which one to show; an empty answer imports nothing.
   *
   * @param choose given the objectives or metrics, the index of the one to show
   */
  public void importStudy(Path file, Function<List<String>, Optional<Integer>> choose) {
    importStudy(file.toString(), () -> new StudyImporter(service.store()).choices(file),
        choice -> new StudyImporter(service.store()).importFile(file, choice), choose);
  }

  /**
   * Imports every study of an Optuna storage on a PostgreSQL server ({@code postgresql://user@host:port/db},
   * the password from PGPASSWORD or ~/.pgpass) as {@link #importStudy(Path, Function)} imports a file.
   */
  public void importServer(String url, Function<List<String>, Optional<Integer>> choose) {
    // Not the address itself: one typed with a password must not be shown (the import refuses it).
    importStudy("the Optuna storage on the PostgreSQL server", () -> new StudyImporter(service.store())
        .optunaChoices(url), choice -> new StudyImporter(service.store()).importOptuna(url, Optional.empty(),
        choice.orElse(0), Optional.empty()), choose);
  }

  /** What importing a file or a server's storage has in common: asking which objective, importing, showing. */
  private void importStudy(String what, java.util.function.Supplier<List<String>> choicesOf,
      Function<OptionalInt, List<ImportSummary>> importer, Function<List<String>, Optional<Integer>> choose) {
    notifications.info("Importing " + what + "...");
    scheduler.background(() -> {
      List<String> choices;
      try {
        choices = choicesOf.get();
      } catch (ImportException | StoreException e) {
        scheduler.ui(() -> notifications.error(e.getMessage()));
        return;
      }
      if (choices.size() <= 1) {
        importNow(importer, OptionalInt.empty());
        return;
      }
      scheduler.ui(() -> {
        Optional<Integer> chosen = choose.apply(choices);
        if (chosen.isEmpty()) {
          notifications.info("Nothing imported from " + what + ".");
          return;
        }
        scheduler.background(() -> importNow(importer, OptionalInt.of(chosen.get())));
      });
    });
  }

  /** Imports in the calling (background) thread, then shows the first imported study and lists the new ones. */
  private void importNow(Function<OptionalInt, List<ImportSummary>> importer, OptionalInt choice) {
    List<ImportSummary> done;
    try {
      done = importer.apply(choice);
    } catch (ImportException | StoreException e) {
      scheduler.ui(() -> notifications.error(e.getMessage()));
      return;
    }
    studies.refresh();
    ImportSummary first = done.get(0);
    ViewedStudy viewed;
    try {
      viewed = ViewedStudy.load(service.store(), catalog, first.name());
    } catch (StoreException e) {
      scheduler.ui(() -> notifications.error(e.getMessage()));
      return;
    }
    String line = done.stream().map(ImportSummary::describe).collect(java.util.stream.Collectors.joining("; "));
    scheduler.ui(() -> {
      boolean shown = run.show(viewed);
      notifications.info(line.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + line.substring(1)
          + (shown ? "." : ". A study is running: open " + first.name() + " from the Studies tab once it ends."),
          "study:" + first.name());
    });
  }

  /**
   * A file dropped on the window: an Optuna storage or a cv_results_ file is imported, anything else opened
   * as a data set. Which it is is read in the background (the first bytes or line of the file).
   */
  public void drop(Path file, Function<List<String>, Optional<Integer>> choose) {
    scheduler.background(() -> {
      boolean study = StudyImporter.isImportable(file);
      scheduler.ui(() -> {
        if (study) {
          importStudy(file, choose);
        } else {
          data.load(file);
        }
      });
    });
  }

  // --- following an Optuna study still running in Python

  /** Whether the shown study is re-read from its Optuna storage now and then ({@link #refreshFollowed}). */
  public javafx.beans.property.BooleanProperty followProperty() {
    return follow;
  }

  /** Whether the shown study can be followed: one imported from an Optuna storage, while nothing runs. */
  public BooleanBinding canFollowProperty() {
    return canFollow;
  }

  /**
   * Imports the shown Optuna study again in the background, when following is on; if trials were added or
   * changed, shows it anew with the same trial selected. The view calls it on a timer.
   */
  public void refreshFollowed() {
    ViewedStudy viewed = run.shownProperty().get();
    if (!follow.get() || refreshing || !canFollow.get()) {
      return;
    }
    ImportRecord origin = viewed.origin().orElseThrow();
    refreshing = true;
    scheduler.background(() -> {
      try {
        ImportSummary again = new StudyImporter(service.store()).importOptuna(origin.source(),
            origin.sourceStudy(), origin.objective(), Optional.of(viewed.name())).get(0);
        ViewedStudy now = again.added() + again.updated() == 0 ? null
            : ViewedStudy.load(service.store(), catalog, viewed.name());
        scheduler.ui(() -> {
          refreshing = false;
          if (now == null || run.shownProperty().get() != viewed) {
            return;
          }
          Integer selected = run.selectedTrialProperty().get();
          if (run.show(now)) {
            run.selectedTrialProperty().set(selected);
            notifications.info("Following " + viewed.name() + ": " + again.added() + " new, " + again.updated()
                + " updated trials (" + now.trials().size() + " in all).", "study:" + viewed.name());
            studies.refresh();
          }
        });
      } catch (ImportException | StoreException e) {
        scheduler.ui(() -> {
          refreshing = false;
          follow.set(false);
          notifications.error("stopped following " + viewed.name() + ": " + e.getMessage());
        });
      }
    });
  }

  private void restore(TuningRequest r, PreparedStudy prepared) {
    data.targetProperty().set(r.target());
    data.taskProperty().set(prepared.problem().task());
    models.stream().filter(m -> m.id().equals(r.model())).findFirst().ifPresent(model::set);
    space.apply(prepared.study().space().parameters().stream().collect(java.util.stream.Collectors.toMap(
        p -> p.name(), p -> p.distribution(), (a, b) -> a, java.util.LinkedHashMap::new)));
    search.methodProperty().set(r.search());
    search.gridPointsProperty().set(r.gridPoints());
    // The study's own budget, as it was: no trial limit leaves the box unticked.
    search.limitTrialsProperty().set(r.budget().maxTrials().isPresent());
    r.budget().maxTrials().ifPresent(search.trialsProperty()::set);
    search.foldsProperty().set(r.folds());
    search.seedProperty().set((int) r.seed());
    search.metricProperty().set(prepared.metric());
  }

  /** What the window remembers between runs (in memory unless the app gives it its settings file). */
  public org.tunescope.app.Settings settings() {
    return settings;
  }

  /** Uses these settings; call before the window is made from this view model. */
  public void useSettings(org.tunescope.app.Settings settings) {
    this.settings = settings;
  }

  /** What Help > About shows: versions, where the studies and the log are kept. */
  public org.tunescope.ui.help.AboutInfo about() {
    String where = store.store() instanceof org.tunescope.store.InMemoryStudyStore
        ? "in memory: studies are not kept after TuneScope closes" : store.address();
    return new org.tunescope.ui.help.AboutInfo(org.tunescope.store.Provenance.TUNESCOPE_VERSION,
        org.tunescope.ml.models.SmileVersion.bundled(), System.getProperty("java.version") + " ("
        + System.getProperty("java.vendor") + ")", System.getProperty("javafx.runtime.version", "unknown"),
        where, org.tunescope.app.AppLog.file().toAbsolutePath().toString());
  }

  /** The models TuneScope knows, for the windows that read stored studies (Compare). */
  public ModelCatalog catalog() {
    return catalog;
  }

  /** Where the window's background work runs. */
  public UiScheduler scheduler() {
    return scheduler;
  }

  public Notifications notifications() {
    return notifications;
  }

  public DataViewModel data() {
    return data;
  }

  public SpaceViewModel space() {
    return space;
  }

  public SearchViewModel search() {
    return search;
  }

  public RunViewModel run() {
    return run;
  }

  public StudiesViewModel studies() {
    return studies;
  }

  /** Following a study that other machines run, and the lost-connection banner. */
  public org.tunescope.ui.watch.WatchViewModel watch() {
    return watch;
  }

  /** File > Open store...: the store the window works on. */
  public org.tunescope.ui.watch.StoreViewModel stores() {
    return stores;
  }

  /** The store in use (closed when the app ends). */
  public org.tunescope.app.OpenStore store() {
    return store;
  }

  /** The overfitting lab; it computes nothing until a lesson or dataset is chosen. */
  public org.tunescope.ui.lab.LabViewModel lab() {
    return lab;
  }

  public ObservableList<ModelSpec> models() {
    return models;
  }

  public ObjectProperty<ModelSpec> modelProperty() {
    return model;
  }

  /** Used by tests and the view to read results. */
  public Optional<StudyResult> lastResult() {
    return Optional.ofNullable(run.resultProperty().get());
  }

  /** The size of the search and, once its model has run here, an estimate of how long it takes. */
  public javafx.beans.binding.StringBinding searchSizeText() {
    return Bindings.createStringBinding(() -> search.sizeProperty().get() + (model.get() == null ? ""
        : run.estimate(model.get().id(), search.plannedTrials(), search.foldsProperty().get(),
            search.workersProperty().get()).map(e -> " · " + e).orElse("")),
        search.sizeProperty(), space.spaceProperty(), search.workersProperty(), search.foldsProperty(),
        run.resultProperty());
  }
}
