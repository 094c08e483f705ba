package org.tunescope.app.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;
import org.tunescope.store.InMemoryStudyStore;
import org.tunescope.store.StudyStore;

/** scikit-learn 1.2's cv_results_ as pandas writes them: imported as scikit-learn reports them. */
class CvResultsTest {

  @TempDir
  Path dir;

  private final StudyStore store = new InMemoryStudyStore();

  @Test
  void aGridSearchWithTrainScoresImportsEveryFoldOfEveryCandidate() {
    JsonNode expected = Fixtures.expected("cv_grid.csv");
    ImportSummary s = new StudyImporter(store).importCvResults(Fixtures.copy("cv_grid.csv", dir), Optional.empty(),
        Optional.empty());
    assertEquals("cv_grid", s.name());
    List<Trial> trials = store.trials("cv_grid");
    assertEquals(expected.get("rows").size(), trials.size());
    for (Trial t : trials) {
      JsonNode row = expected.get("rows").get(t.number());
      assertEquals(TrialState.COMPLETE, t.state());
      assertEquals(Fixtures.params(row.get("params")), t.params());
      assertEquals(folds(row, "score"), t.folds());
      assertTrue(t.fitSeconds() >= row.get("mean_fit_time").asDouble() * 5, "fit and score time of all folds");
    }
    Trial best = StudyResult.best(trials, Direction.MAXIMIZE).orElseThrow();
    assertEquals(expected.get("best_index").asInt(), best.number());
    assertEquals(expected.get("best_score").asDouble(), best.validation().mean(), 1e-12);
    assertEquals(Fixtures.params(expected.get("best_params")), best.params());
    assertEquals(5, store.get("cv_grid").info().folds());
    SearchSpace space = store.importRecord("cv_grid").orElseThrow().space();
    assertEquals(new Distribution.Choice(List.of("gini", "entropy")), space.parameter("criterion").orElseThrow()
        .distribution());
    // max_depth None (no limit) is the parameter unset; the numbers span 1 to 8 on a linear axis.
    assertEquals(new Distribution.IntRange(1, 8, false), space.parameter("max_depth").orElseThrow().distribution());
  }

  @Test
  void aMultiMetricSearchShowsTheMetricAskedFor() {
    Path file = Fixtures.copy("cv_random_multi.csv", dir);
    JsonNode expected = Fixtures.expected("cv_random_multi.csv");
    ImportException e = assertThrows(ImportException.class,
        () -> new StudyImporter(store).importCvResults(file, Optional.empty(), Optional.empty()));
    assertEquals("cv_random_multi.csv has several metrics (accuracy, roc_auc): choose one with --metric NAME",
        e.getMessage());
    assertEquals(List.of(), store.list());
    ImportException unknown = assertThrows(ImportException.class,
        () -> new StudyImporter(store).importCvResults(file, Optional.empty(), Optional.of("f1")));
    assertEquals("cv_random_multi.csv has no metric f1; it has accuracy, roc_auc", unknown.getMessage());

    new StudyImporter(store).importCvResults(file, Optional.of("forest"), Optional.of("roc_auc"));
    List<Trial> trials = store.trials("forest");
    for (Trial t : trials) {
      JsonNode row = expected.get("rows").get(t.number());
      assertEquals(Fixtures.params(row.get("params")), t.params());
      assertEquals(folds(row, "roc_auc"), t.folds());
    }
    Trial best = StudyResult.best(trials, Direction.MAXIMIZE).orElseThrow();
    assertEquals(expected.get("best_index").asInt(), best.number());
    assertEquals(expected.get("best_score").asDouble(), best.validation().mean(), 1e-12);
    assertEquals("roc_auc", store.get("forest").info().metric());
    SearchSpace space = store.importRecord("forest").orElseThrow().space();
    assertEquals(new Distribution.Choice(List.of("True", "False")), space.parameter("bootstrap").orElseThrow()
        .distribution());
    assertTrue(space.parameter("min_impurity_decrease").orElseThrow().distribution()
        instanceof Distribution.FloatRange r && r.log(), "a range over two decades is read on a log scale");
    assertTrue(space.parameter("max_features").orElseThrow().distribution()
        instanceof Distribution.FloatRange r && !r.log());

    // Importing it again under the other metric updates the study in place.
    ImportSummary again = new StudyImporter(store).importCvResults(file, Optional.of("forest"),
        Optional.of("accuracy"));
    assertEquals(0, again.added());
    assertEquals(trials.size(), again.updated());
    for (Trial t : store.trials("forest")) {
      assertEquals(folds(expected.get("rows").get(t.number()), "accuracy"), t.folds());
    }
  }

  @Test
  void aFileThatIsNotACvResultsIsRefusedInOneLine() throws Exception {
    Path other = dir.resolve("data.csv");
    Files.writeString(other, "a,b\n1,2\n");
    ImportException e = assertThrows(ImportException.class,
        () -> new StudyImporter(store).importCvResults(other, Optional.empty(), Optional.empty()));
    assertEquals(other + " is not a scikit-learn cv_results_ file (it has no split0_test_* column; save it with"
        + " pandas.DataFrame(search.cv_results_).to_csv(...))", e.getMessage());
  }

  private static List<FoldScore> folds(JsonNode row, String metric) {
    List<FoldScore> out = new ArrayList<>();
    for (int k = 0; k < row.get("test_" + metric).size(); k++) {
      out.add(new FoldScore(row.get("train_" + metric).get(k).asDouble(), row.get("test_" + metric).get(k).asDouble()));
    }
    return out;
  }
}
