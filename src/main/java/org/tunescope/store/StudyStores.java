package org.tunescope.store;

import java.nio.file.Path;

/** Opens a store from what a user typed: a PostgreSQL address ({@code postgresql://...}) or an SQLite file. */
public final class StudyStores {

  private StudyStores() {
  }

  /** The store at {@code where}; the default SQLite file when it is null or blank. */
  public static StudyStore open(String where) {
    if (where == null || where.isBlank()) {
      return SqliteStudyStore.openDefault();
    }
    if (PostgresUrl.looksLike(where)) {
      return PostgresStudyStore.open(where);
    }
    return SqliteStudyStore.open(Path.of(where));
  }

  /** Loads what opening the store at {@code where} needs first, ahead of {@link #open} (see {@link SqliteStudyStore#warmUp}). */
  public static void warmUp(String where) {
    if (where == null || !PostgresUrl.looksLike(where)) {
      SqliteStudyStore.warmUp();
    }
  }
}
