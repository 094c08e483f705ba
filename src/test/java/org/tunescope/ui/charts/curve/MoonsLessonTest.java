package org.tunescope.ui.charts.curve;

import org.tunescope.ml.tuning.ValidationCurveModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.Budget;
import org.tunescope.engine.study.StudyListener;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ml.data.generate.TeachingDataset;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.PreparedStudy;
import org.tunescope.ml.tuning.TuningRequest;
import org.tunescope.ml.tuning.TuningSetup;

/** The textbook lesson: tree depth on noisy moons underfits at depth 1 and overfits at depth 20. */
class MoonsLessonTest {

  @TempDir
  Path dir;

  @Test
  void depthOneUnderfitsAndDepthTwentyOverfits() throws Exception {
    StringWriter csv = new StringWriter();
    TeachingDataset.MOONS.write(csv, 400, 0.3, 0);
    Path file = Files.writeString(dir.resolve("moons.csv"), csv.toString());
    LoadedData moons = DataLoader.load(file);
    TuningRequest request = new TuningRequest("depth", "target", Optional.empty(), "decision_tree",
        Map.of("max_depth", new Distribution.IntRange(1, 20, false)), true, Optional.empty(), SearchMethod.GRID, 20,
        org.tunescope.engine.study.Budget.unlimited(), 5, 1, Optional.empty(), 0, java.util.OptionalDouble.empty());
    PreparedStudy study = new TuningSetup(ModelCatalog.standard()).prepare(request, moons.table(), file, moons.sha256());
    StudyResult result = new StudyRunner(2).run(study.study(), study.objective(), StudyListener.NONE);
    assertEquals(20, result.trials().size());

    ValidationCurveModel curve = ValidationCurveModel.of(result.trials(), "max_depth",
        study.study().space().parameter("max_depth").orElseThrow().distribution(),
        study.model().hyperParameter("max_depth").orElseThrow().complexity(), study.study().direction());
    ValidationCurveModel.Point depth1 = curve.points().get(0);
    ValidationCurveModel.Point depth20 = curve.points().get(19);
    assertEquals(1.0, depth20.train(), 1e-12, "a deep tree learns every training point");
    double bestDepth = curve.best().orElseThrow().x();
    assertTrue(bestDepth >= 3 && bestDepth <= 10, "validation peaks at a moderate depth: " + bestDepth);
    assertTrue(depth20.validation() < curve.best().orElseThrow().validation() - 0.01, "and then falls");
    assertEquals(java.util.Optional.of(ValidationCurveModel.Zone.UNDERFITTING), depth1.zone());
    assertEquals(java.util.Optional.of(ValidationCurveModel.Zone.OVERFITTING), depth20.zone());
    assertTrue(Budget.unlimited().maxTrials().isEmpty());
  }
}
