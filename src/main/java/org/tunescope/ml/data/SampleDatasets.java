package org.tunescope.ml.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The datasets bundled with TuneScope (iris, wine, breast cancer, diabetes), shipped inside the jar and
 * written to a folder on first use so that they load like any other file.
 */
public final class SampleDatasets {

  /** The bundled datasets, by file stem. */
  public static final List<String> NAMES = List.of("iris", "wine", "breast_cancer", "diabetes");

  private SampleDatasets() {
  }

  /**
   * The file of a bundled dataset: {@code sample-datasets/NAME.csv} when the working folder has it (a
   * checkout), otherwise a copy under {@code folder}.
   */
  public static Path file(String name, Path folder) {
    if (!NAMES.contains(name)) {
      throw new DataException("there is no sample dataset called '" + name + "'; samples: " + String.join(", ", NAMES));
    }
    Path local = Path.of("sample-datasets", name + ".csv");
    if (Files.isRegularFile(local)) {
      return local;
    }
    Path copy = folder.resolve(name + ".csv");
    try (InputStream in = SampleDatasets.class.getResourceAsStream("/org/tunescope/samples/" + name + ".csv")) {
      if (in == null) {
        throw new DataException("the sample dataset " + name + " is missing from this build of TuneScope");
      }
      Files.createDirectories(folder);
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      return copy;
    } catch (IOException e) {
      throw new DataException("cannot write the sample dataset " + name + " to " + folder + ": " + e.getMessage(), e);
    }
  }

  /** The task each sample is for, to show beside its name. */
  public static String describe(String name) {
    return switch (name) {
      case "iris" -> "Iris: 150 flowers, 4 features, 3 species (classification)";
      case "wine" -> "Wine: 178 wines, 13 features, 3 cultivars (classification)";
      case "breast_cancer" -> "Breast cancer: 569 tumours, 30 features, malignant or benign (classification)";
      case "diabetes" -> "Diabetes: 442 patients, 10 features, disease progression (regression)";
      default -> name;
    };
  }
}
