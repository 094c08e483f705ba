package org.tunescope.ui.studies;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tunescope.engine.study.Trial;
import org.tunescope.store.ResultsFile;
import org.tunescope.store.StoreException;
import org.tunescope.store.StudyRecord;
import org.tunescope.store.StudyStore;
import org.tunescope.store.StudySummary;
import org.tunescope.ui.Notifications;
import org.tunescope.ui.UiScheduler;

/** The studies in the store, newest first: open, resume, export or delete them. Store work runs in the background. */
public final class StudiesViewModel {

  private final StudyStore store;
  private final UiScheduler scheduler;
  private final Notifications notifications;
  private final ObservableList<StudyEntry> studies = FXCollections.observableArrayList();
  private final ObservableList<org.tunescope.store.ComparisonRecord> comparisons = FXCollections.observableArrayList();
  private final ObjectProperty<StudyEntry> selected = new SimpleObjectProperty<>(this, "selected");

  public StudiesViewModel(StudyStore store, UiScheduler scheduler, Notifications notifications) {
    this.store = store;
    this.scheduler = scheduler;
    this.notifications = notifications;
  }

  public StudyStore store() {
    return store;
  }

  /** Reads the list again from the store. */
  public void refresh() {
    scheduler.background(() -> {
      try {
        // The record tells studies of the same model and data apart (metric, search, date).
        List<StudyEntry> entries = store.list().stream()
            .map(s -> new StudyEntry(s, store.find(s.name()), store.importRecord(s.name()))).toList();
        List<StudyEntry> newestFirst = new java.util.ArrayList<>(entries);
        java.util.Collections.reverse(newestFirst);
        List<org.tunescope.store.ComparisonRecord> stored = new java.util.ArrayList<>(store.comparisons());
        java.util.Collections.reverse(stored);
        scheduler.ui(() -> {
          studies.setAll(newestFirst);
          comparisons.setAll(stored);
        });
      } catch (StoreException e) {
        scheduler.ui(() -> notifications.error(e.getMessage()));
      }
    });
  }

  /**
   * Puts a study's counts now into its line, reading nothing else (a followed study changes every few seconds;
   * the others do not). A study not listed yet reads the whole list again. Call on the UI thread.
   */
  public void update(StudySummary summary) {
    for (int i = 0; i < studies.size(); i++) {
      StudyEntry listed = studies.get(i);
      if (listed.name().equals(summary.name())) {
        if (!listed.summary().equals(summary)) {
          studies.set(i, new StudyEntry(summary, listed.record(), listed.imported()));
        }
        return;
      }
    }
    refresh();
  }

  public void delete(StudyEntry entry) {
    scheduler.background(() -> {
      try {
        store.delete(entry.name());
        scheduler.ui(() -> notifications.info("Deleted study " + entry.name() + "."));
      } catch (StoreException e) {
        scheduler.ui(() -> notifications.error(e.getMessage()));
      }
      refresh();
    });
  }

  /**
   * Writes a study's trials as CSV or JSON, by the file's extension, in the background; the JSON has the
   * kept held-out test score, as {@code tunescope export} writes it.
   */
  public void export(StudyEntry entry, Path file) {
    scheduler.background(() -> {
      try {
        StudyRecord record = store.get(entry.name());
        List<Trial> trials = store.trials(entry.name());
        ResultsFile.write(file, record.info(), trials, Optional.empty(), ResultsFile.isCsv(file),
            store.testScore(entry.name()), store.importRecord(entry.name()));
        scheduler.ui(() -> notifications.info("Exported " + trials.size() + " trials of " + entry.name() + " to " + file));
      } catch (java.io.IOException | RuntimeException e) {
        scheduler.ui(() -> notifications.error("cannot export " + entry.name() + " to " + file + ": " + e.getMessage()));
      }
    });
  }

  public Optional<StudyEntry> find(String name) {
    return studies.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The stored comparisons, newest first, so that one is opened again in the Compare window. */
  public ObservableList<org.tunescope.store.ComparisonRecord> comparisons() {
    return comparisons;
  }

  public ObservableList<StudyEntry> studies() {
    return studies;
  }

  public ObjectProperty<StudyEntry> selectedProperty() {
    return selected;
  }
}
