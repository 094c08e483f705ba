package org.tunescope.ml.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A data file as loaded: the table plus what a study records about its source.
 *
 * @param file   the file as given
 * @param format the reader that was used
 * @param table  the columns, in file order
 * @param sha256 lower-case hex SHA-256 of the file's bytes, so a study can tell whether its data changed
 * @param notes  what the loader detected or changed, in plain words for the preview
 *               (delimiter, header row, renamed columns ...)
 */
public record LoadedData(Path file, DataFormat format, Table table, String sha256, List<String> notes) {

  public LoadedData {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(sha256, "sha256");
    notes = List.copyOf(notes);
  }
}
