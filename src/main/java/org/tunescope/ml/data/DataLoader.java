package org.tunescope.ml.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Loads a data file into a {@link Table}, choosing the reader by extension (see {@link DataFormat}).
 * Every problem with the file comes out as a {@link DataException} whose message can be shown as is.
 */
public final class DataLoader {

  private DataLoader() {
  }

  /** Loads the file with the reader its extension selects. */
  public static LoadedData load(Path file) {
    Objects.requireNonNull(file, "file");
    DataFormat format = DataFormat.forFile(file).orElseThrow(() -> new DataException(
        "cannot read " + DataFiles.displayName(file) + ": unknown file type, use one of "
            + String.join(" ", DataFormat.allExtensions())));
    return load(file, format);
  }

  /** Loads the file with the given reader, whatever its extension. */
  public static LoadedData load(Path file, DataFormat format) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    String name = DataFiles.displayName(file);
    if (Files.isRegularFile(file)) {
      DataFiles.checkLooksLikeText(file);
    }
    byte[] bytes = DataFiles.readAllBytes(file);
    // hashing 20 MB takes ~80 ms: do it on the other core while the text is parsed
    CompletableFuture<String> sha256 = CompletableFuture.supplyAsync(() -> DataFiles.sha256(bytes));
    if (bytes.length == 0) {
      throw new DataException(name + " has no data rows: the file is empty");
    }
    String text = DataFiles.decodeText(name, bytes);
    ParsedTable parsed = switch (format) {
      case CSV -> CsvReader.read(name, text, "tsv".equals(DataFormat.extension(file)));
      case ARFF -> ArffReader.read(name, text);
      case LIBSVM -> LibSvmReader.read(name, text);
    };
    return new LoadedData(file, format, parsed.table(), sha256.join(), parsed.notes());
  }
}
