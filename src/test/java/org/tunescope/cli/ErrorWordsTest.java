package org.tunescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.app.StudyService;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.ml.tuning.TuningSetup;
import org.tunescope.store.SqliteStudyStore;

/** The command line words the errors of the layers below with its own commands and options. */
class ErrorWordsTest {

  @TempDir
  Path dir;

  @Test
  void aFinishedOrDifferentStudyOfTheSameNameAndAnUnknownStudyNameTheCommandsToUse() {
    String db = dir.resolve("s.db").toString();
    String[] tune = {"tune", "--data", "sample-datasets/iris.csv", "--target", "target", "--model", "knn",
        "--param", "k=1:3", "--fix-others", "--grid-points", "3", "--name", "iris", "--store", db, "--quiet"};
    assertEquals(0, CliRun.of(tune).exitCode());
    CliRun finished = CliRun.of(tune);
    assertEquals(TuneScopeCommand.BAD_INPUT, finished.exitCode());
    assertEquals(Optional.of("error: study 'iris' already exists and is finished; continue it with: tunescope"
        + " resume iris, or choose another --name"), error(finished));

    // A study begun, not finished, by a run that searched the default ranges.
    LoadedData iris = DataLoader.load(Path.of("sample-datasets/iris.csv"));
    TuningRequest request = TuningRequest.builder("begun", "target", "knn").build();
    try (SqliteStudyStore store = SqliteStudyStore.open(Path.of(db))) {
      new StudyService(store, ModelCatalog.standard()).create(new TuningSetup(ModelCatalog.standard())
          .prepare(request, iris.table(), iris.file(), iris.sha256()), request, iris.file());
    }
    CliRun other = CliRun.of("tune", "--data", "sample-datasets/iris.csv", "--target", "target", "--model", "knn",
        "--fix-others", "--name", "begun", "--store", db, "--quiet");
    assertEquals(Optional.of("error: study 'begun' already exists with another search (this run asks for"
        + " --fix-others true instead of false); give another --name"), error(other));

    CliRun unknown = CliRun.of("resume", "nope", "--store", db);
    assertEquals(Optional.of("error: no study named 'nope' (see: tunescope studies)"), error(unknown));
  }

  private static Optional<String> error(CliRun run) {
    return run.err().lines().filter(l -> l.startsWith("error:")).findFirst();
  }
}
