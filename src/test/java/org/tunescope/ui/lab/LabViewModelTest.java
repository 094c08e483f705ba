package org.tunescope.ui.lab;

import org.tunescope.ml.tuning.ValidationCurveModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.ml.data.generate.TeachingDataset;
import org.tunescope.ml.lab.LabFit;
import org.tunescope.ml.lab.Lesson;
import org.tunescope.ml.lab.ParameterAxis;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ml.tuning.ValidationCurveModel.Point;
import org.tunescope.ml.tuning.ValidationCurveModel.Zone;

/** The lab's view model, run on the calling thread: lessons, the slider, scores and zones. */
class LabViewModelTest {

  @TempDir
  Path samples;

  private LabViewModel lab() {
    return new LabViewModel(UiScheduler.direct(), ModelCatalog.standard(), samples, 0);
  }

  @Test
  void theMoonsLessonLabelsDepthOneUnderfittingAndDepthTwentyOverfitting() {
    LabViewModel lab = lab();
    lab.openLesson(Lesson.TREE_DEPTH_ON_MOONS);
    assertEquals("decision_tree", lab.modelProperty().get().id());
    assertEquals("max_depth", lab.parameterProperty().get());
    assertEquals(3L, lab.valueProperty().get());
    List<Point> points = lab.curveProperty().get().points();
    assertEquals(20, points.size());
    assertEquals(1.0, points.get(19).train(), 1e-12, "training accuracy reaches 1.0");
    Point best = lab.curveProperty().get().best().orElseThrow();
    assertTrue(best.x() > 1 && best.x() < 20 && points.get(19).validation() < best.validation() - 0.01,
        "validation peaks at a moderate depth, then falls");

    lab.sliderProperty().set(1);
    assertEquals(1L, lab.valueProperty().get());
    assertEquals(Zone.UNDERFITTING, lab.zoneProperty().get());
    assertTrue(lab.zoneTextProperty().get().startsWith("Underfitting"));
    assertEquals(points.get(0).validation(), lab.validationProperty().get(), 1e-12, "the curve's own CV score");
    LabFit.DecisionGrid stump = lab.fitProperty().get().regions().orElseThrow();

    lab.sliderProperty().set(20);
    assertEquals(Zone.OVERFITTING, lab.zoneProperty().get());
    assertEquals(1.0, lab.trainProperty().get(), 1e-12);
    assertTrue(lab.testProperty().get() < 0.95);
    assertEquals(20.0, lab.markerProperty().get());
    assertTrue(stump.cellsDifferentFrom(lab.fitProperty().get().regions().orElseThrow()) > 100);
    assertFalse(lab.busyProperty().get());
  }

  @Test
  void theSineLessonCallsTheStraightLineUnderfittingThoughDegreeTwentyCollapses() {
    LabViewModel lab = lab();
    lab.openLesson(Lesson.POLYNOMIAL_DEGREE_ON_SINE);
    Point best = lab.curveProperty().get().best().orElseThrow();
    List<Point> points = lab.curveProperty().get().points();
    assertTrue(points.get(19).validation() < -1, "degree 20 collapses: r2 " + points.get(19).validation());
    lab.sliderProperty().set(1);
    assertEquals(1L, lab.valueProperty().get());
    assertTrue(lab.validationProperty().get() < best.validation() - 0.2, "a line misses the sine");
    assertEquals(Zone.UNDERFITTING, lab.zoneProperty().get());
    assertTrue(lab.zoneTextProperty().get().startsWith("Underfitting"), lab.zoneTextProperty().get());
    lab.sliderProperty().set(best.x());
    assertEquals(Zone.GOOD_FIT, lab.zoneProperty().get());
    lab.sliderProperty().set(20);
    assertEquals(Zone.OVERFITTING, lab.zoneProperty().get());
  }

  @Test
  void theSliderSnapsIntegersAndMovesInLogSpaceForLogParameters() {
    LabViewModel lab = lab();
    lab.openLesson(Lesson.NEIGHBOURS_ON_CIRCLES);
    ParameterAxis axis = lab.axisProperty().get();
    assertTrue(axis.isLog() && axis.isInteger() && axis.simpleAtHigh());
    lab.sliderProperty().set(Math.log10(20.4));
    assertEquals(20L, lab.valueProperty().get());
    List<Double> sweep = lab.sweepPositions(5);
    assertEquals(Math.log10(200), sweep.get(0), 1e-9, "the sweep starts at the simple end: many neighbours");
    assertEquals(0, sweep.get(4), 1e-9);
    assertTrue(Double.isFinite(lab.validationProperty().get()));
  }

  @Test
  void generatedRegressionDataDrawsAFittedCurveAndGammaIsAContinuousLogSlider() {
    LabViewModel lab = lab();
    lab.generate(TeachingDataset.SINE, 80, 0.2, 1);
    assertEquals("polynomial", lab.modelProperty().get().id());
    assertTrue(lab.fitProperty().get().curve().isPresent());
    assertTrue(lab.testProperty().get() > 0.3, "the default degree 2 bends once: test r2 " + lab.testProperty().get());

    lab.openLesson(Lesson.SVM_GAMMA_ON_MOONS);
    lab.sliderProperty().set(Math.log10(123.4));
    assertEquals(123.4, (Double) lab.valueProperty().get(), 1e-9);
    assertTrue(Double.isFinite(lab.validationProperty().get()), "cross-validated at once off the grid");
    assertEquals("123", lab.valueTextProperty().get());
  }
}
