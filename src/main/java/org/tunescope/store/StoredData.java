package org.tunescope.store;

import java.util.Objects;

/**
 * A study's data file as a store keeps it, so that a worker on a machine without the file can run the study:
 * the file's bytes compressed (gzip), whatever its format, so every reader reads the copy as it read the file.
 * One copy per SHA-256, shared by every study on the same file.
 *
 * @param sha256     lower-case hex SHA-256 of the original file's bytes
 * @param fileName   the original file's name (no folder), so a copy keeps its extension
 * @param format     the reader it was loaded with (CSV, ARFF, LIBSVM)
 * @param size       the original file's size in bytes
 * @param compressed the gzip of the original file's bytes
 */
public record StoredData(String sha256, String fileName, String format, long size, byte[] compressed) {

  public StoredData {
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(compressed, "compressed");
  }
}
