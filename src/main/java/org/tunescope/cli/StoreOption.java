package org.tunescope.cli;

import org.tunescope.store.StudyStore;
import org.tunescope.store.StudyStores;
import picocli.CommandLine.Option;

/**
 * {@code --store FILE|URL}, on every command: the study database, an SQLite file ({@code
 * ~/.tunescope/tunescope.db} by default) or a PostgreSQL server shared by several machines.
 */
final class StoreOption {

  @Option(names = "--store", paramLabel = "FILE|URL",
      description = "The study database: an SQLite file (default: ~/.tunescope/tunescope.db) or a PostgreSQL"
          + " server, postgresql://user@host:port/db (password from PGPASSWORD or ~/.pgpass).")
  String where;

  /** Loads the store's driver ahead of {@link #open}. */
  void warmUp() {
    StudyStores.warmUp(where);
  }

  StudyStore open() {
    return StudyStores.open(where);
  }
}
