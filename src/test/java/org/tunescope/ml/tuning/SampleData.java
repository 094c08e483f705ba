package org.tunescope.ml.tuning;

import java.nio.file.Path;
import java.util.Optional;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LearningProblem;

/** The bundled sample datasets as learning problems, for tests. */
final class SampleData {

  private SampleData() {
  }

  static LearningProblem problem(String name) {
    return LearningProblem.of(DataLoader.load(Path.of("sample-datasets", name + ".csv")).table(), "target",
        Optional.empty(), Optional.empty());
  }
}
