package org.tunescope.ui.main;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
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
 * alone turns the user's choices into a study (through {@link TuningSetup}) and starts it.
 */
public final class MainViewModel {

  private final UiScheduler scheduler;
  private final Notifications notifications = new Notifications();
  private final ModelCatalog catalog;
  private final DataViewModel data;
  private final SpaceViewModel space = new SpaceViewModel();
  private final SearchViewModel search = new SearchViewModel();
  private final RunViewModel run;
  private final StudiesViewModel studies = new StudiesViewModel();
  private final ObservableList<ModelSpec> models = FXCollections.observableArrayList();
  private final ObjectProperty<ModelSpec> model = new SimpleObjectProperty<>(this, "model");
  private final Path samplesFolder;
  private final org.tunescope.ui.lab.LabViewModel lab;

  public MainViewModel(UiScheduler scheduler, ModelCatalog catalog, RecentFiles recent, Path samplesFolder) {
    this.scheduler = scheduler;
    this.catalog = catalog;
    this.samplesFolder = samplesFolder;
    this.data = new DataViewModel(scheduler, notifications, recent);
    this.run = new RunViewModel(scheduler, notifications);
    this.lab = new org.tunescope.ui.lab.LabViewModel(scheduler, catalog, samplesFolder);
    data.taskProperty().addListener((o, old, task) -> onTask(task));
    model.addListener((o, old, spec) -> space.setModel(spec));
    search.spaceProperty().bind(space.spaceProperty());
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
    return Bindings.createBooleanBinding(() -> !run.runningProperty().get() && data.data().isPresent()
            && data.targetProperty().get() != null && model.get() != null && space.spaceProperty().get() != null
            && search.metricProperty().get() != null,
        run.runningProperty(), data.dataProperty(), data.targetProperty(), model, space.spaceProperty(),
        search.metricProperty());
  }

  /** Starts a new study with the current choices. */
  public void start() {
    if (!canStartProperty().get()) {
      List<String> problems = space.problems();
      notifications.error(problems.isEmpty() ? "choose a data set, a target and a model first" : problems.get(0));
      return;
    }
    LoadedData loaded = data.data().orElseThrow();
    String name = studies.freshName(model.get().id(), stem(loaded.file()));
    TuningRequest request = new TuningRequest(name, data.targetProperty().get(),
        Optional.ofNullable(data.taskProperty().get()), model.get().id(), space.ranges(), false,
        Optional.of(search.metricProperty().get().id()), search.methodProperty().get(),
        search.gridPointsProperty().get(), search.budget(), search.foldsProperty().get(), 1, Optional.empty(),
        search.seedProperty().get());
    launch(request, loaded, List.of());
  }

  private void launch(TuningRequest request, LoadedData loaded, List<Trial> previous) {
    int workers = Math.max(1, search.workersProperty().get());
    notifications.dismiss();
    scheduler.background(() -> {
      PreparedStudy prepared;
      try {
        prepared = new TuningSetup(catalog).prepare(request, loaded.table(), loaded.file(), loaded.sha256());
      } catch (IllegalArgumentException | DataException e) {
        scheduler.ui(() -> notifications.error(e.getMessage()));
        return;
      }
      scheduler.ui(() -> run.start(prepared, workers, previous,
          result -> studies.put(new StudyEntry(request, loaded.file(), prepared, result))));
    });
  }

  /** Cancels the running study. */
  public void cancel() {
    run.cancel();
  }

  /** Continues a stopped study: its finished trials stay, the rest of its budget runs. */
  public void resume(StudyEntry entry) {
    if (run.runningProperty().get()) {
      notifications.error("a study is running; cancel it or wait before resuming another");
      return;
    }
    open(entry, loaded -> launch(entry.request(), loaded, entry.result().trials()));
  }

  /** Shows a study again: its data, target, model, space, settings and trials. */
  public void open(StudyEntry entry) {
    open(entry, loaded -> { });
  }

  private void open(StudyEntry entry, java.util.function.Consumer<LoadedData> then) {
    LoadedData current = data.data().orElse(null);
    if (current != null && current.file().equals(entry.dataFile())) {
      restore(entry);
      then.accept(current);
    } else {
      data.load(entry.dataFile(), loaded -> {
        restore(entry);
        then.accept(loaded);
      });
    }
  }

  private void restore(StudyEntry entry) {
    TuningRequest r = entry.request();
    data.targetProperty().set(r.target());
    r.task().ifPresent(data.taskProperty()::set);
    models.stream().filter(m -> m.id().equals(r.model())).findFirst().ifPresent(model::set);
    space.apply(r.ranges());
    search.methodProperty().set(r.search());
    search.gridPointsProperty().set(r.gridPoints());
    r.budget().maxTrials().ifPresent(search.trialsProperty()::set);
    search.foldsProperty().set(r.folds());
    search.seedProperty().set((int) r.seed());
    search.metricProperty().set(entry.prepared().metric());
    run.show(entry.prepared(), entry.result());
  }

  private static String stem(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
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
}
