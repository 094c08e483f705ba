package org.tunescope.app.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where an Optuna storage is, as the user gave it: an SQLite file (a path, or Optuna's own
 * {@code sqlite:///FILE} URL) or a server URL. Only SQLite files are read for now; a PostgreSQL URL is
 * recognised and refused with the reason.
 */
record StorageLocation(Path file) {

  /**
   * Reads the STORAGE argument.
   *
   * @throws ImportException for a URL of a server TuneScope does not read, or a file that is not there
   */
  static StorageLocation parse(String storage) {
    String text = storage.trim();
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("postgresql") || lower.startsWith("postgres:")) {
      throw new ImportException("cannot read " + redacted(text) + ": PostgreSQL storages arrive with the"
          + " PostgreSQL store (issue 14); import an SQLite storage for now");
    }
    Path file;
    if (lower.startsWith("sqlite:///")) {
      // Optuna's URLs: sqlite:///relative.db and sqlite:////absolute/path.db
      file = Path.of(text.substring("sqlite:///".length()));
    } else if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
      throw new ImportException("cannot read " + redacted(text) + ": TuneScope reads Optuna storages in an SQLite"
          + " file (a path or sqlite:///FILE)");
    } else {
      file = Path.of(text);
    }
    if (!Files.exists(file)) {
      throw new ImportException("no such file: " + file);
    }
    if (Files.isDirectory(file)) {
      throw new ImportException(file + " is a folder, not an Optuna storage");
    }
    return new StorageLocation(file.toAbsolutePath().normalize());
  }

  /** A URL without its password, for messages. */
  static String redacted(String url) {
    return url.replaceAll("://([^:/@]+):[^@/]*@", "://$1:***@");
  }
}
