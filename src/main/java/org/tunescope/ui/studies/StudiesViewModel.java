package org.tunescope.ui.studies;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tunescope.store.ResultsFile;

/** The studies of this session, newest first: open, resume, export or delete them. */
public final class StudiesViewModel {

  private final ObservableList<StudyEntry> studies = FXCollections.observableArrayList();
  private final ObjectProperty<StudyEntry> selected = new SimpleObjectProperty<>(this, "selected");

  /** Adds a study, or replaces the one of the same name (a resumed study). */
  public void put(StudyEntry entry) {
    for (int i = 0; i < studies.size(); i++) {
      if (studies.get(i).name().equals(entry.name())) {
        studies.set(i, entry);
        return;
      }
    }
    studies.add(0, entry);
  }

  public void delete(StudyEntry entry) {
    studies.remove(entry);
  }

  public Optional<StudyEntry> find(String name) {
    return studies.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** Writes a study's trials as CSV or JSON, by the file's extension. */
  public void export(StudyEntry entry, Path file) throws IOException {
    ResultsFile.write(file, entry.prepared().info(), entry.result().trials(),
        Optional.of(new ResultsFile.StudyRun(entry.result().elapsed(), entry.result().stopReason())));
  }

  /** A study name not yet used: the model and data set, numbered. */
  public String freshName(String model, String dataset) {
    String base = model + "-" + dataset;
    String name = base;
    for (int n = 2; find(name).isPresent(); n++) {
      name = base + "-" + n;
    }
    return name;
  }

  public ObservableList<StudyEntry> studies() {
    return studies;
  }

  public ObjectProperty<StudyEntry> selectedProperty() {
    return selected;
  }
}
