package org.tunescope.ui.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.space.Distribution;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.models.ModelSpec;

/** The search-space editor's logic, without a window. */
class SpaceViewModelTest {

  private static final ModelSpec SVM = ModelCatalog.standard().find("svm", Task.CLASSIFICATION).orElseThrow();
  private static final ModelSpec TREE = ModelCatalog.standard().find("decision_tree", Task.CLASSIFICATION).orElseThrow();

  @Test
  void rowsStartAtTheCatalogDefaultsAndGiveItsSpace() {
    SpaceViewModel vm = new SpaceViewModel();
    vm.setModel(SVM);
    assertEquals(SVM.hyperParameters().size(), vm.rows().size());
    ParameterRowModel c = vm.row("C").orElseThrow();
    assertEquals(new Distribution.FloatRange(0.01, 1000, true), c.distribution());
    assertNotNull(vm.spaceProperty().get());
    assertEquals(SVM.defaultSpace().parameters().size(), vm.spaceProperty().get().parameters().size());
  }

  @Test
  void conditionalRowsApplyOnlyWhenTheirParentCanTakeTheirValue() {
    SpaceViewModel vm = new SpaceViewModel();
    vm.setModel(SVM);
    ParameterRowModel kernel = vm.row("kernel").orElseThrow();
    ParameterRowModel gamma = vm.row("gamma").orElseThrow();
    ParameterRowModel degree = vm.row("degree").orElseThrow();
    kernel.categories().forEach((k, on) -> on.set(k.equals("linear")));
    assertFalse(gamma.appliesProperty().get(), "no gamma for a linear kernel");
    assertFalse(degree.appliesProperty().get());
    kernel.categories().get("rbf").set(true);
    assertTrue(gamma.appliesProperty().get(), "gamma once rbf is among the kernels");
    assertFalse(degree.appliesProperty().get(), "degree only for poly");
    kernel.categories().get("poly").set(true);
    assertTrue(degree.appliesProperty().get());
  }

  @Test
  void aSliderMovesInLogSpaceOnLogParametersAndIntegersSnap() {
    ParameterRowModel c = new ParameterRowModel(SVM.hyperParameter("C").orElseThrow());
    assertTrue(c.logProperty().get());
    assertEquals(-2, c.toSlider(0.01), 1e-12);
    assertEquals(100, c.fromSlider(2), 1e-9);
    assertTrue(c.sliderMin() <= -2 && c.sliderMax() >= 3, "the slider spans the default range");

    ParameterRowModel depth = new ParameterRowModel(TREE.hyperParameter("max_depth").orElseThrow());
    assertFalse(depth.logProperty().get());
    assertEquals(7, depth.fromSlider(6.6), 0, "int parameters snap to whole numbers");
    depth.lowProperty().set(3.4);
    assertEquals(3, depth.lowProperty().get(), 0);
    depth.setLog(true);
    assertEquals(Math.log10(3), depth.toSlider(depth.lowProperty().get()), 1e-12);
    assertEquals(new Distribution.IntRange(3, 20, true), depth.distribution());
  }

  @Test
  void invalidRowsAreReportedAndGiveNoSpace() {
    SpaceViewModel vm = new SpaceViewModel();
    vm.setModel(SVM);
    ParameterRowModel c = vm.row("C").orElseThrow();
    c.lowProperty().set(-5);
    assertNull(vm.spaceProperty().get());
    assertTrue(vm.problems().get(0).contains("C"), vm.problems().toString());
    c.lowProperty().set(50);
    c.highProperty().set(10);
    assertTrue(vm.problems().get(0).contains("low end is above the high end"), vm.problems().toString());
    vm.reset();
    assertTrue(vm.problems().isEmpty());
    assertNotNull(vm.spaceProperty().get());
  }

  @Test
  void fixedSwitchAndStoredSpacesRoundTrip() {
    SpaceViewModel vm = new SpaceViewModel();
    vm.setModel(TREE);
    ParameterRowModel depth = vm.row("max_depth").orElseThrow();
    depth.fixedProperty().set(true);
    depth.valueProperty().set(4);
    assertEquals(new Distribution.Fixed(4L), depth.distribution());
    Map<String, Distribution> ranges = vm.ranges();

    SpaceViewModel again = new SpaceViewModel();
    again.setModel(TREE);
    again.apply(ranges);
    assertEquals(ranges, again.ranges());
    again.row("criterion").orElseThrow().categories().forEach((k, on) -> on.set(false));
    assertTrue(again.problems().stream().anyMatch(p -> p.contains("choose at least one")), again.problems().toString());
    assertEquals(List.of(), new SpaceViewModel().problems());
  }
}
