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

  /**
   * The store at {@code where}, with a password the user typed for a PostgreSQL server ({@code password}: kept
   * in memory by the caller, never in the address, a message or a file); empty uses {@code PGPASSWORD} or
   * {@code ~/.pgpass}. An SQLite file takes no password.
   */
  public static StudyStore open(String where, java.util.Optional<String> password) {
    if (where != null && PostgresUrl.looksLike(where)) {
      return PostgresStudyStore.open(PostgresUrl.parse(where), password);
    }
    return open(where);
  }

  /** Loads what opening the store at {@code where} needs first, ahead of {@link #open} (see {@link SqliteStudyStore#warmUp}). */
  public static void warmUp(String where) {
    if (where == null || !PostgresUrl.looksLike(where)) {
      SqliteStudyStore.warmUp();
    }
  }
}
