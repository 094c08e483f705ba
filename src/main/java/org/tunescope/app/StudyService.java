package org.tunescope.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LearningProblem;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.ml.tuning.TuningSetup;
import org.tunescope.store.StoredData;
import org.tunescope.store.StudyRecord;
import org.tunescope.store.StudyStore;

/**
 * A study's life, as both front ends live it: {@link #create} a study from a request, {@link #reopen} a
 * stored one from its data file, {@link #start} a run of it (then {@link StudyRun#run}, cancel, finish and
 * score it on its held-out rows). The store keeps every step.
 */
public final class StudyService {

  private static final Logger LOG = Logger.getLogger(StudyService.class.getName());

  private final StudyStore store;
  private final TuningSetup setup;

  public StudyService(StudyStore store, ModelCatalog catalog) {
    this.store = store;
    this.setup = new TuningSetup(catalog);
  }

  public StudyStore store() {
    return store;
  }

  /** A study's name when the user gives none: the model and the data file's name without its extension. */
  public static String defaultName(String model, Path data) {
    String file = data.getFileName().toString();
    int dot = file.lastIndexOf('.');
    return model + "-" + (dot > 0 ? file.substring(0, dot) : file);
  }

  /** {@code base}, or the first of {@code base-2}, {@code base-3}... that no study of the store has. */
  public String freshName(String base) {
    return freshName(base, name -> store.find(name).isPresent());
  }

  /**
   * {@code base}, or the first of {@code base-2}, {@code base-3}... that is not {@code taken}: the one numbering
   * of names that exist already, for studies and comparisons alike.
   */
  public static String freshName(String base, java.util.function.Predicate<String> taken) {
    String name = base;
    for (int n = 2; taken.test(name); n++) {
      name = base + "-" + n;
    }
    return name;
  }

  /**
   * Keeps a new study in the store, or joins the study of its name when that one is not finished and
   * searches the same way (another process's, or an earlier run's).
   *
   * @param data the data file, as given
   * @return the stored study
   * @throws StudyRefusedException when a study of that name is finished or searches another way
   */
  public StudyRecord create(PreparedStudy prepared, TuningRequest request, Path data) {
    return create(prepared, request, data, true, note -> LOG.warning(note));
  }

  /**
   * As {@link #create(PreparedStudy, TuningRequest, Path)}; with {@code keepData} the store also keeps a copy of
   * the data file (see {@link StudyData}) for workers on machines without it.
   *
   * @param notes told, in one line, why the data was not kept (too large)
   */
  public StudyRecord create(PreparedStudy prepared, TuningRequest request, Path data, boolean keepData,
      Consumer<String> notes) {
    StudyRecord mine = StudyRecords.of(prepared, request, data);
    StudyRecord stored = store.createIfAbsent(mine);
    if (!stored.equals(mine)) {
      if (stored.finished().isPresent()) {
        throw StudyRefusedException.finished(mine.name());
      }
      stored.difference(mine).ifPresent(d -> {
        throw StudyRefusedException.otherSearch(mine.name(), d);
      });
    }
    if (keepData) {
      // After the study: a copy is kept only for a study that uses it (deleting the last such study drops it).
      StudyData.keep(store, data, mine.info().sha256()).ifPresent(notes);
    }
    return stored;
  }

  /**
   * The study's data file at the path it was created with, or the store's copy when that file has gone.
   *
   * @param notes told when the data is the store's copy
   * @throws StudyRefusedException when the file has gone and the store keeps no copy
   */
  public LoadedData recordedData(StudyRecord record, Consumer<String> notes) {
    Path recorded = Path.of(record.request().dataPath());
    return Files.isRegularFile(recorded) ? DataLoader.load(recorded) : storedData(record, notes);
  }

  /**
   * The data a worker runs the study on: the {@code given} file (which {@link #reopen} refuses when it is not the
   * study's); else the file at the study's recorded path when it is still the study's; else the store's copy.
   *
   * @param notes told where the data came from when it is the store's copy
   * @throws StudyRefusedException when the file is not here and the store keeps no copy
   */
  public LoadedData workerData(StudyRecord record, Optional<Path> given, Consumer<String> notes) {
    if (given.isPresent()) {
      return DataLoader.load(given.get());
    }
    Path recorded = Path.of(record.request().dataPath());
    if (Files.isRegularFile(recorded)) {
      LoadedData loaded = DataLoader.load(recorded);
      // A different file at the recorded path (another machine's folders): the store's copy, when kept, is right.
      return loaded.sha256().equals(record.info().sha256()) || !store.hasData(record.info().sha256())
          ? loaded : storedData(record, notes);
    }
    return storedData(record, notes);
  }

  private LoadedData storedData(StudyRecord record, Consumer<String> notes) {
    StoredData copy = store.data(record.info().sha256())
        .orElseThrow(() -> StudyRefusedException.dataMissing(record.name(), record.request().dataPath()));
    notes.accept("the data file " + record.request().dataPath() + " is not here: reading the store's copy of "
        + copy.fileName());
    return StudyData.load(copy);
  }

  /**
   * A stored study rebuilt from its request and its data ({@link #recordedData}, or a worker's), to resume or
   * show it.
   *
   * @param force go on despite a changed data file or search space, telling {@code notes} what changed
   * @throws StudyRefusedException when the data or the space changed and {@code force} is off
   */
  public Reopened reopen(StudyRecord record, LoadedData loaded, boolean force, Consumer<String> notes) {
    String was = record.info().sha256();
    if (!loaded.sha256().equals(was)) {
      refuseUnlessForced(StudyRefusedException.dataChanged(record.name(), record.request().dataPath(),
          loaded.sha256(), was), force, notes);
    }
    TuningRequest plain = StudyRecords.request(record.request(), record.name(), Map.of());
    LearningProblem problem = setup.problem(plain, loaded.table());
    ModelSpec model = setup.findModel(record.request().model(), problem.task());
    TuningRequest request = plain.withRanges(StudyRecords.ranges(record.request(), model));
    PreparedStudy prepared = setup.prepare(request, problem, Path.of(record.info().dataset()), loaded.sha256());
    if (!prepared.info().space().equals(record.info().space())) {
      refuseUnlessForced(StudyRefusedException.spaceChanged(record.name(), model.id()), force, notes);
    }
    return new Reopened(prepared, request);
  }

  private static void refuseUnlessForced(StudyRefusedException change, boolean force, Consumer<String> notes) {
    if (!force) {
      throw change;
    }
    notes.accept(change.getMessage());
  }

  /**
   * A reopened study.
   *
   * @param request the request it was made with, its ranges read against its model
   */
  public record Reopened(PreparedStudy prepared, TuningRequest request) {
  }

  /**
   * Starts a run of a stored study: registers this process in the store as the owner of the trials it
   * will claim (a store write: not on a UI thread). The run itself goes on {@link StudyRun#run}.
   */
  public StudyRun start(PreparedStudy prepared, int workers) {
    String name = prepared.study().name();
    return new StudyRun(prepared, workers, store.ledger(name), TestScoreKeeper.of(store, name),
        () -> store.markFinished(name));
  }

  /**
   * Joins a stored study as one more worker (of any number, on any machine sharing the store): runs its trials
   * until its planned trials are all done. See {@link JoinedRun}.
   */
  public JoinedRun join(PreparedStudy prepared, int workers) {
    return new JoinedRun(this, prepared, workers);
  }
}
