package org.tunescope.app.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.tunescope.store.PostgresUrl;
import org.tunescope.store.StoreException;

/**
 * Where an Optuna storage is, as the user gave it: an SQLite file (a path, or Optuna's own
 * {@code sqlite:///FILE} URL) or a PostgreSQL server ({@code postgresql://user@host:port/db}, also in
 * SQLAlchemy's {@code postgresql+psycopg2://} form); exactly one of the two is present.
 */
record StorageLocation(Optional<Path> file, Optional<PostgresUrl> server) {

  /**
   * Reads the STORAGE argument.
   *
   * @throws ImportException for a URL of a server TuneScope does not read, a PostgreSQL URL with a password
   *     or without a database, or a file that is not there
   */
  static StorageLocation parse(String storage) {
    String text = storage.trim();
    String lower = text.toLowerCase(Locale.ROOT);
    // SQLAlchemy names the driver after a '+' (postgresql+psycopg2://): the database is the same.
    String server = lower.matches("^postgres(ql)?\\+[a-z0-9_]+://.*") ? "postgresql" + text.substring(text.indexOf("://"))
        : text;
    if (PostgresUrl.looksLike(server.toLowerCase(Locale.ROOT))) {
      try {
        return new StorageLocation(Optional.empty(), Optional.of(PostgresUrl.parse(server, "storage")));
      } catch (StoreException e) {
        throw new ImportException(e.getMessage(), e);
      }
    }
    Path file;
    if (lower.startsWith("sqlite:///")) {
      // Optuna's URLs: sqlite:///relative.db and sqlite:////absolute/path.db
      file = Path.of(text.substring("sqlite:///".length()));
    } else if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
      throw new ImportException("cannot read " + redacted(text) + ": TuneScope reads Optuna storages in an SQLite"
          + " file (a path or sqlite:///FILE) or on a PostgreSQL server (postgresql://user@host:port/db)");
    } else {
      file = Path.of(text);
    }
    if (!Files.exists(file)) {
      throw new ImportException("no such file: " + file);
    }
    if (Files.isDirectory(file)) {
      throw new ImportException(file + " is a folder, not an Optuna storage");
    }
    return new StorageLocation(Optional.of(file.toAbsolutePath().normalize()), Optional.empty());
  }

  /** A URL without its password, for messages. */
  static String redacted(String url) {
    return url.replaceAll("://([^:/@]+):[^@/]*@", "://$1:***@");
  }
}
