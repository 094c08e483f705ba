package org.tunescope.ml.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.engine.study.StudyRunner;
import org.tunescope.ml.Task;
import org.tunescope.ml.data.generate.TeachingDataset;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.tuning.ValidationCurveModel;
import org.tunescope.ml.tuning.ValidationCurveModel.Zone;

/** The lab's computations on the textbook lesson, without any window. */
class LabEngineTest {

  @TempDir
  Path samples;

  private LabSetup treeOnMoons() {
    LabData moons = LabData.of(new DatasetChoice.Generated(TeachingDataset.MOONS, 400, 0.3, 0), samples);
    ModelSpec tree = ModelCatalog.standard().find("decision_tree", Task.CLASSIFICATION).orElseThrow();
    return new LabSetup(moons, tree, Map.of(), new ParameterAxis(tree.hyperParameter("max_depth").orElseThrow(),
        new org.tunescope.engine.space.Distribution.IntRange(1, 20, false)));
  }

  @Test
  void treeDepthOnMoonsUnderfitsAtOneAndOverfitsAtTwenty() {
    LabSetup setup = treeOnMoons();
    assertEquals(320, setup.data().tuning().rows(), "a fifth of the rows is held out");
    ValidationCurveModel curve = LabEngine.curve(setup, new StudyRunner(2));
    assertEquals(20, curve.points().size(), "every depth 1..20");
    ValidationCurveModel.Point depth1 = curve.points().get(0);
    ValidationCurveModel.Point depth20 = curve.points().get(19);
    assertEquals(1.0, depth20.train(), 1e-12, "a deep tree learns every training point");
    ValidationCurveModel.Point best = curve.best().orElseThrow();
    // On the 320 tuning rows the validation curve is flat from depth 2 to 6 (0.86-0.87): the peak is one of those.
    assertTrue(best.x() >= 2 && best.x() <= 10, "validation peaks at a moderate depth: " + best.x());
    assertTrue(depth20.validation() < best.validation() - 0.01, "and then falls: " + depth20.validation()
        + " vs " + best.validation());
    assertEquals(Zone.UNDERFITTING, LabEngine.zoneAt(curve, 1).orElseThrow());
    assertEquals(Zone.OVERFITTING, LabEngine.zoneAt(curve, 20).orElseThrow());

    LabFit deep = LabEngine.fit(setup, 20L);
    assertEquals(1.0, deep.train(), 1e-12);
    assertTrue(deep.test() < 0.95, "the held-out rows are not memorised: " + deep.test());
  }

  @Test
  void aDeeperTreeDrawsOtherDecisionRegions() {
    LabSetup setup = treeOnMoons();
    LabFit stump = LabEngine.fit(setup, 1L);
    LabFit deep = LabEngine.fit(setup, 12L);
    LabFit.DecisionGrid a = stump.regions().orElseThrow();
    LabFit.DecisionGrid b = deep.regions().orElseThrow();
    assertEquals(LabEngine.GRID * LabEngine.GRID, a.classes().length);
    assertTrue(a.cellsDifferentFrom(b) > 100, "cells that changed class: " + a.cellsDifferentFrom(b));
    assertEquals(0, a.cellsDifferentFrom(LabEngine.fit(setup, 1L).regions().orElseThrow()), "fits are seeded");
    assertTrue(stump.curve().isEmpty());
  }

  @Test
  void regressionDrawsTheFittedCurve() {
    LabData sine = LabData.of(new DatasetChoice.Generated(TeachingDataset.SINE, 60, 0.3, 0), samples);
    ModelSpec poly = ModelCatalog.standard().find("polynomial", Task.REGRESSION).orElseThrow();
    LabSetup setup = new LabSetup(sine, poly, Map.of("lambda", 1e-6), ParameterAxis.of(poly.hyperParameter("degree")
        .orElseThrow()));
    LabFit line = LabEngine.fit(setup, 1L);
    LabFit cubic = LabEngine.fit(setup, 3L);
    assertEquals(LabEngine.CURVE_POINTS, cubic.curve().orElseThrow().y().length);
    assertTrue(cubic.train() > line.train() + 0.2, "a cubic follows the sine: " + cubic.train() + " vs " + line.train());
    assertTrue(cubic.test() > 0.6, "test r2 " + cubic.test());
  }

  @Test
  void samplesWithManyFeaturesAreProjectedOnTwoPrincipalComponents() {
    LabData cancer = LabData.of(new DatasetChoice.Sample("breast_cancer", java.util.List.of()), samples);
    assertEquals(java.util.List.of("PC1", "PC2"), cancer.axes());
    LabData two = LabData.of(new DatasetChoice.Sample("breast_cancer", java.util.List.of("mean radius",
        "mean texture")), samples);
    assertEquals(java.util.List.of("mean radius", "mean texture"), two.axes());
  }
}
