package org.tunescope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.app.importer.StudyImporter;
import org.tunescope.engine.study.TrialState;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.store.ImportedTrial;
import org.tunescope.store.InMemoryStudyStore;
import org.tunescope.store.StudyStore;

/** What the charts show of imported Optuna studies, against what Optuna itself reported for the same files. */
class ImportedViewsTest {

  @TempDir
  Path dir;

  private final StudyStore store = new InMemoryStudyStore();

  private ViewedStudy imported(String fixture, String study) throws Exception {
    Path file = Files.copy(Path.of(getClass().getResource("/import/" + fixture).toURI()), dir.resolve(fixture));
    new StudyImporter(store).importOptuna(file.toString(), Optional.of(study), 0, Optional.empty());
    return ViewedStudy.load(store, ModelCatalog.standard(), study);
  }

  private static JsonNode expected(String base, String study) throws Exception {
    return new ObjectMapper().readTree(ImportedViewsTest.class.getResource("/import/" + base + ".expected.json"))
        .get("studies").get(study);
  }

  @Test
  void theParetoFrontIsOptunasBestTrials() throws Exception {
    ObjectivePlane plane = ObjectivePlane.of(imported("optuna_multi.db", "multi")).orElseThrow();
    JsonNode expected = expected("optuna_multi", "multi");
    List<Integer> best = new ArrayList<>();
    expected.get("pareto_front").forEach(n -> best.add(n.asInt()));
    assertEquals(best, plane.front().stream().map(ObjectivePlane.Point::trial).sorted().toList());
    assertEquals(20, plane.points().size());
    assertEquals("maximize", plane.x().direction());
    assertEquals("minimize", plane.y().direction());
    // Along the front from the best accuracy down, latency only gets better (lower).
    for (int i = 1; i < plane.front().size(); i++) {
      assertTrue(plane.front().get(i).x() <= plane.front().get(i - 1).x());
      assertTrue(plane.front().get(i).y() < plane.front().get(i - 1).y());
    }
  }

  @Test
  void aSingleObjectiveStudyHasNoPlane() throws Exception {
    assertTrue(ObjectivePlane.of(imported("optuna_basic.db", "svm-basic")).isEmpty());
  }

  @Test
  void eachTrialsCurveIsItsIntermediateValuesAndPrunedOnesEndWhereTheyStopped() throws Exception {
    IntermediateCurves curves = IntermediateCurves.of(imported("optuna_basic.db", "svm-basic")).orElseThrow();
    JsonNode expected = expected("optuna_basic", "svm-basic");
    assertEquals(4, curves.lastStep());
    assertTrue(curves.prunedCount() > 0, "the fixture has pruned trials");
    for (IntermediateCurves.Curve c : curves.curves()) {
      JsonNode e = expected.get("by_number").get(String.valueOf(c.trial()));
      List<Double> values = new ArrayList<>();
      e.get("intermediate_values").forEach(v -> values.add(v.asDouble()));
      assertEquals(values, c.steps().stream().map(ImportedTrial.Step::value).toList(), "trial " + c.trial());
      assertEquals(e.get("state").asText().equals("PRUNED"), c.state() == TrialState.PRUNED);
      if (c.pruned()) {
        assertTrue(c.lastStep() < curves.lastStep(), "pruned trial " + c.trial() + " stopped early");
      }
    }
  }
}
