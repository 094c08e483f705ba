package org.tunescope.ui.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The last files the user opened, newest first, kept in the user's preferences between runs. */
public final class RecentFiles {

  private static final int MAX = 8;
  private static final String KEY = "recent.";

  private final Preferences prefs;
  private final ObservableList<Path> files = FXCollections.observableArrayList();

  /** Recent files kept under {@code prefs}; pass {@code null} to keep them in memory only (tests). */
  public RecentFiles(Preferences prefs) {
    this.prefs = prefs;
    if (prefs != null) {
      for (int i = 0; i < MAX; i++) {
        String p = prefs.get(KEY + i, null);
        if (p != null) {
          files.add(Path.of(p));
        }
      }
    }
  }

  public ObservableList<Path> files() {
    return files;
  }

  public void add(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    List<Path> next = new ArrayList<>(files);
    next.remove(absolute);
    next.add(0, absolute);
    while (next.size() > MAX) {
      next.remove(next.size() - 1);
    }
    files.setAll(next);
    if (prefs != null) {
      for (int i = 0; i < MAX; i++) {
        if (i < next.size()) {
          prefs.put(KEY + i, next.get(i).toString());
        } else {
          prefs.remove(KEY + i);
        }
      }
    }
  }
}
