package org.tunescope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.app.importer.StudyImporter;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.store.InMemoryStudyStore;
import org.tunescope.store.StoreException;

/** Imported studies loaded for viewing from the store alone, as the window's charts take them. */
class ViewedStudyTest {

  @TempDir
  Path dir;

  private Path fixture(String name) throws Exception {
    return Files.copy(Path.of(getClass().getResource("/import/" + name).toURI()), dir.resolve(name));
  }

  @Test
  void anImportedGridSearchCarriesItsSpaceMetricAndFoldScoresAndOffersItsNumericParameterFirst() throws Exception {
    try (InMemoryStudyStore store = new InMemoryStudyStore()) {
      new StudyImporter(store).importFile(fixture("cv_grid.csv"), OptionalInt.empty());
      ViewedStudy v = ViewedStudy.load(store, ModelCatalog.standard(), "cv_grid");
      assertTrue(v.isImported());
      assertEquals(Direction.MAXIMIZE, v.direction());
      assertEquals(List.of("criterion", "max_depth"), v.space().names());
      // criterion comes first in the file, but a category draws no curve: max_depth is offered first.
      assertEquals(List.of("max_depth", "criterion"), v.curveParameters());
      assertEquals(store.trials("cv_grid").size(), v.trials().size());
      Trial best = v.trials().stream().max((a, b) -> Double.compare(a.validation().mean(), b.validation().mean()))
          .orElseThrow();
      assertEquals(0.9349945660611706, best.validation().mean(), 1e-12, "scikit-learn's best_score_");
      assertEquals(5, best.train().folds().size(), "five folds of train scores");
    }
  }

  @Test
  void anImportedOptunaStudyShowsItsParametersWithTheirScales() throws Exception {
    try (InMemoryStudyStore store = new InMemoryStudyStore()) {
      new StudyImporter(store).importFile(fixture("optuna_basic.db"), OptionalInt.empty());
      ViewedStudy v = ViewedStudy.load(store, ModelCatalog.standard(), "svm-basic");
      assertTrue(v.origin().orElseThrow().source().endsWith("optuna_basic.db"));
      assertTrue(v.space().parameter("C").orElseThrow().distribution() instanceof Distribution.FloatRange c && c.log());
      assertEquals("kernel", v.curveParameters().get(v.curveParameters().size() - 1), v.curveParameters().toString());
      assertTrue(v.model().isEmpty());
    }
  }

  @Test
  void aStudyThatIsNotThereIsOneLine() {
    try (InMemoryStudyStore store = new InMemoryStudyStore()) {
      StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
          () -> ViewedStudy.load(store, ModelCatalog.standard(), "nope"));
      assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
  }
}
