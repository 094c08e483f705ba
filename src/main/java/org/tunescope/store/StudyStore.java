package org.tunescope.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tunescope.engine.study.TestScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialLedger;

/**
 * Keeps studies and their trials beyond a run. One contract, several back ends (in memory, SQLite), one
 * shared contract test suite. Studies are found by name; names are unique in a store. Methods throw
 * {@link StoreException} with a readable message when the store cannot do what was asked.
 */
public interface StudyStore extends AutoCloseable {

  /**
   * Adds a study unless one of that name exists, atomically, so that two processes starting the same
   * study at once end up sharing one.
   *
   * @return the stored study: {@code study} itself, or the one already kept under its name
   */
  StudyRecord createIfAbsent(StudyRecord study);

  Optional<StudyRecord> find(String name);

  /** The study of that name, or a {@link StoreException} saying there is none. */
  default StudyRecord get(String name) {
    return find(name).orElseThrow(() -> StoreException.unknownStudy(name));
  }

  /** Every study, oldest first. */
  List<StudySummary> list();

  /**
   * The list's line of one study, without reading the others' (a follower asks every few seconds).
   *
   * @throws StoreException saying there is no study of that name, when there is none
   */
  default StudySummary summary(String name) {
    return list().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> StoreException.unknownStudy(name));
  }

  /** The finished trials of a study (complete, failed, pruned, interrupted) in trial-number order. */
  List<Trial> trials(String name);

  /** Keeps finished trials in one go (an import, a benchmark); replaces trials of the same numbers. */
  void addTrials(String name, List<Trial> trials);

  /**
   * Deletes a study and its trials, and the copy of its data file when no other study uses it; false when there
   * was none of that name.
   */
  boolean delete(String name);

  /** Marks the study's budget met: no run needs to continue it. */
  void markFinished(String name);

  /**
   * Keeps the held-out test score of the study's best trial, replacing the one kept before (a resumed
   * study's new best). Deleting the study deletes it.
   */
  void saveTestScore(String name, TestScore score);

  /**
   * The held-out test score last kept for the study; empty when there is none (no test split, no run has
   * ended yet, or the study was stored before TuneScope kept test scores).
   */
  Optional<TestScore> testScore(String name);

  /** The ledger through which this process runs trials of the study. */
  default TrialLedger ledger(String name) {
    return ledger(name, Owner.current());
  }

  /** The ledger through which {@code owner} runs trials of the study. */
  TrialLedger ledger(String name, Owner owner);

  /**
   * Marks interrupted every trial left running by an owner that is gone ({@link Owner#isGone}); a live
   * owner's trials are never touched. A resumed study runs them again.
   *
   * @return how many trials were marked
   */
  int markInterruptedOfGoneOwners();

  // --- data files (a copy of a study's data for workers on machines without the file)

  /** Keeps a copy of a data file, unless one of its SHA-256 is kept already. */
  void saveData(StoredData data);

  /** Whether a copy of the data file of that SHA-256 is kept (without reading it). */
  boolean hasData(String sha256);

  /** The kept copy of the data file of that SHA-256; empty when none is (too large, or stored before copies). */
  Optional<StoredData> data(String sha256);

  // --- following a study that other processes run (the desktop watching workers)

  /**
   * The study's finished trials stored since a follower saw the rows {@code seen} (from the previous answer;
   * {@link TrialsSince#NOTHING_SEEN} the first time): only new and replaced trials are read.
   *
   * <p>This default, for a store without row ids, tells a trial's rows apart by number and content.
   */
  default TrialsSince trialsSince(String name, Set<Long> seen) {
    List<Trial> all = trials(name);
    Set<Long> rows = new java.util.HashSet<>();
    List<Trial> fresh = new java.util.ArrayList<>();
    for (Trial t : all) {
      long row = ((long) t.number() << 32) | (t.hashCode() & 0xffffffffL);
      rows.add(row);
      if (!seen.contains(row)) {
        fresh.add(t);
      }
    }
    return new TrialsSince(fresh, rows);
  }

  /**
   * How many workers (processes, on any host) are running trials of the study now: the owners of its running
   * trials that are not gone (their heartbeat is fresher than {@link Owner#STALE_AFTER}).
   */
  int activeWorkers(String name);

  // --- imported studies (another tool's: an Optuna storage, scikit-learn's cv_results_)

  /**
   * Keeps an imported study in one transaction: creates it, or, when a study of that name was imported
   * from the same source before, replaces its description, trials and trial extras with these (the source
   * is the truth: a re-import adds the new trials and duplicates none).
   *
   * @throws StoreException when a study of that name exists that was not imported from the same source
   */
  void saveImport(ImportedStudy study);

  /** Where the study was imported from; empty for a study TuneScope ran. */
  Optional<ImportRecord> importRecord(String name);

  /** What the study's imported trials hold beyond their scores, by trial number; empty for a study TuneScope ran. */
  List<ImportedTrial> importedTrials(String name);

  // --- comparisons (several models' studies on the same data and folds) and the predictions ensembles need

  /** Keeps a comparison, replacing the one of that name (its studies and ensembles) in one go. */
  void saveComparison(ComparisonRecord comparison);

  Optional<ComparisonRecord> findComparison(String name);

  /** Every comparison, oldest first. */
  List<ComparisonRecord> comparisons();

  /** Deletes a comparison (not its studies); false when there was none of that name. */
  boolean deleteComparison(String name);

  /** Keeps a trial's fold predictions (see {@link PredictionBlob} for their cost), replacing earlier ones. */
  void savePredictions(String study, int trial, List<org.tunescope.engine.study.FoldPredictions> folds);

  /** A trial's kept fold predictions; empty when none were kept. */
  Optional<List<org.tunescope.engine.study.FoldPredictions>> predictions(String study, int trial);

  @Override
  void close();
}
