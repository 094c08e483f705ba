package org.tunescope.ml.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The file formats TuneScope reads, each recognised by its file name extension. */
public enum DataFormat {
  /** Delimited text: comma, semicolon, tab or pipe; the delimiter and header are detected. */
  CSV(List.of("csv", "tsv", "txt", "data")),
  /** Weka's attribute-relation file format, read by TuneScope's own {@code ArffReader}. */
  ARFF(List.of("arff")),
  /** Sparse "label index:value ..." lines (LIBSVM / SVMlight), read through Smile. */
  LIBSVM(List.of("libsvm", "svm", "svmlight"));

  private final List<String> extensions;

  DataFormat(List<String> extensions) {
    this.extensions = extensions;
  }

  /** The lower-case extensions (without the dot) that select this format. */
  public List<String> extensions() {
    return extensions;
  }

  /** The format chosen by the file's extension (any case), or empty when the extension is unknown. */
  public static Optional<DataFormat> forFile(Path file) {
    String ext = extension(file);
    for (DataFormat f : values()) {
      if (f.extensions.contains(ext)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** Every supported extension with its dot, for messages and file-chooser filters: ".csv", ".tsv" ... */
  public static List<String> allExtensions() {
    return java.util.Arrays.stream(values()).flatMap(f -> f.extensions.stream()).map(e -> "." + e).toList();
  }

  static String extension(Path file) {
    Path name = file.getFileName();
    String s = name == null ? "" : name.toString();
    int dot = s.lastIndexOf('.');
    return dot < 0 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
