package org.tunescope.cli;

import java.nio.file.Path;
import org.tunescope.store.SqliteStudyStore;
import org.tunescope.store.StudyStore;
import picocli.CommandLine.Option;

/** {@code --store FILE}, on every command: the study database, {@code ~/.tunescope/tunescope.db} by default. */
final class StoreOption {

  @Option(names = "--store", paramLabel = "FILE",
      description = "The study database (default: ~/.tunescope/tunescope.db).")
  Path file;

  /** Loads the store's driver ahead of {@link #open} (see {@link SqliteStudyStore#warmUp}). */
  void warmUp() {
    SqliteStudyStore.warmUp();
  }

  StudyStore open() {
    return file == null ? SqliteStudyStore.openDefault() : SqliteStudyStore.open(file);
  }
}
