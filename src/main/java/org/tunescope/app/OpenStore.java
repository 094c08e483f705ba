package org.tunescope.app;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tunescope.engine.study.FoldPredictions;
import org.tunescope.engine.study.TestScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialLedger;
import org.tunescope.store.ComparisonRecord;
import org.tunescope.store.ImportRecord;
import org.tunescope.store.ImportedStudy;
import org.tunescope.store.ImportedTrial;
import org.tunescope.store.Owner;
import org.tunescope.store.PostgresStudyStore;
import org.tunescope.store.PostgresUrl;
import org.tunescope.store.SqliteStudyStore;
import org.tunescope.store.StoredData;
import org.tunescope.store.StudyRecord;
import org.tunescope.store.StudyStore;
import org.tunescope.store.StudyStores;
import org.tunescope.store.StudySummary;
import org.tunescope.store.TrialsSince;

/**
 * The store a front end works on, which the user may change (the app's File > Open store...) and which opens
 * again when its connection is lost: every part of the window holds this one object, and each call goes to
 * the store open at that moment. A password the user typed for a PostgreSQL server is kept here, in memory
 * only, to open the same address again; {@link #address()} never holds it.
 */
public final class OpenStore implements StudyStore {

  private volatile Opened current;

  private OpenStore(Opened current) {
    this.current = current;
  }

  /** {@code store} itself when it is an open store already; otherwise one working on it. */
  public static OpenStore of(StudyStore store) {
    return store instanceof OpenStore open ? open : new OpenStore(new Opened(store, describe(store), Optional.empty()));
  }

  /**
   * Opens the store at {@code where} (an SQLite file or a PostgreSQL address) on the calling thread, which may
   * take seconds for a server: call it in the background. It is not used until {@link #use}d.
   *
   * @param password one the user typed, for a server that asks for it; empty uses PGPASSWORD or ~/.pgpass
   * @throws org.tunescope.store.StoreException with a message fit to show (the reason tells a missing
   *     password and an unreachable server apart)
   */
  public static Opened open(String where, Optional<String> password) {
    StudyStore store = StudyStores.open(where.strip(), password);
    return new Opened(store, describe(store), password);
  }

  /**
   * A store opened by {@link #open} and not in use yet, or the one in use: where it is (a file path or a
   * PostgreSQL address without password) and the password the user typed, which its text never shows.
   */
  public record Opened(StudyStore store, String address, Optional<String> password) {
    @Override
    public String toString() {
      return address;
    }
  }

  /** Works on {@code opened} from now on and closes the store used before. */
  public void use(Opened opened) {
    Opened before;
    synchronized (this) {
      before = current;
      current = opened;
    }
    closeQuietly(before.store());
  }

  /**
   * Opens the same address again (its connection was lost) and works on the new store, closing the old one;
   * on the calling thread, which may wait on the network.
   *
   * @throws org.tunescope.store.StoreException when it cannot be opened yet
   */
  public void reopen() {
    Opened before = current;
    if (!isShared()) {
      return;
    }
    StudyStore fresh = StudyStores.open(before.address(), before.password());
    synchronized (this) {
      if (current != before) {
        // Another store was chosen meanwhile: the user's choice wins.
        closeQuietly(fresh);
        return;
      }
      current = new Opened(fresh, before.address(), before.password());
    }
    closeQuietly(before.store());
  }

  /** Where the store is, safe to show and remember: a file's path, or a server's address without password. */
  public String address() {
    return current.address();
  }

  /** Whether the store is a server that other machines share (a PostgreSQL database). */
  public boolean isShared() {
    return PostgresUrl.looksLike(current.address());
  }

  /** The store in use now. */
  public StudyStore store() {
    return current.store();
  }

  /** Where a store is, in words safe to show. */
  public static String describe(StudyStore store) {
    if (store instanceof OpenStore open) {
      return open.address();
    }
    if (store instanceof PostgresStudyStore pg) {
      return pg.url().toString();
    }
    if (store instanceof SqliteStudyStore sqlite) {
      return sqlite.file().toAbsolutePath().toString();
    }
    return "in memory";
  }

  private static void closeQuietly(StudyStore store) {
    try {
      store.close();
    } catch (RuntimeException e) {
      // A store whose connection is gone has nothing left to save.
    }
  }

  // --- the store contract, on the store in use

  @Override
  public StudyRecord createIfAbsent(StudyRecord study) {
    return store().createIfAbsent(study);
  }

  @Override
  public Optional<StudyRecord> find(String name) {
    return store().find(name);
  }

  @Override
  public List<StudySummary> list() {
    return store().list();
  }

  @Override
  public StudySummary summary(String name) {
    return store().summary(name);
  }

  @Override
  public List<Trial> trials(String name) {
    return store().trials(name);
  }

  @Override
  public void addTrials(String name, List<Trial> trials) {
    store().addTrials(name, trials);
  }

  @Override
  public boolean delete(String name) {
    return store().delete(name);
  }

  @Override
  public void markFinished(String name) {
    store().markFinished(name);
  }

  @Override
  public void saveTestScore(String name, TestScore score) {
    store().saveTestScore(name, score);
  }

  @Override
  public Optional<TestScore> testScore(String name) {
    return store().testScore(name);
  }

  @Override
  public TrialLedger ledger(String name, Owner owner) {
    return store().ledger(name, owner);
  }

  @Override
  public int markInterruptedOfGoneOwners() {
    return store().markInterruptedOfGoneOwners();
  }

  @Override
  public void saveData(StoredData data) {
    store().saveData(data);
  }

  @Override
  public boolean hasData(String sha256) {
    return store().hasData(sha256);
  }

  @Override
  public Optional<StoredData> data(String sha256) {
    return store().data(sha256);
  }

  @Override
  public void saveComparison(ComparisonRecord comparison) {
    store().saveComparison(comparison);
  }

  @Override
  public Optional<ComparisonRecord> findComparison(String name) {
    return store().findComparison(name);
  }

  @Override
  public List<ComparisonRecord> comparisons() {
    return store().comparisons();
  }

  @Override
  public boolean deleteComparison(String name) {
    return store().deleteComparison(name);
  }

  @Override
  public void savePredictions(String study, int trial, List<FoldPredictions> folds) {
    store().savePredictions(study, trial, folds);
  }

  @Override
  public Optional<List<FoldPredictions>> predictions(String study, int trial) {
    return store().predictions(study, trial);
  }

  @Override
  public TrialsSince trialsSince(String name, Set<Long> seen) {
    return store().trialsSince(name, seen);
  }

  @Override
  public int activeWorkers(String name) {
    return store().activeWorkers(name);
  }

  @Override
  public void saveImport(ImportedStudy study) {
    store().saveImport(study);
  }

  @Override
  public Optional<ImportRecord> importRecord(String name) {
    return store().importRecord(name);
  }

  @Override
  public List<ImportedTrial> importedTrials(String name) {
    return store().importedTrials(name);
  }

  @Override
  public void close() {
    closeQuietly(store());
  }

  @Override
  public String toString() {
    return "store " + Objects.toString(address());
  }
}
