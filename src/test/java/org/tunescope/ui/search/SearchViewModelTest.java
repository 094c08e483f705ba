package org.tunescope.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.ml.Task;
import org.tunescope.ml.metrics.Metric;

class SearchViewModelTest {

  private static final SearchSpace SPACE = new SearchSpace(List.of(
      SearchParameter.of("C", new Distribution.FloatRange(0.01, 1000, true)),
      SearchParameter.of("gamma", new Distribution.FloatRange(1e-4, 10, true))));

  @Test
  void gridSizeFollowsPointsAndTheTrialCap() {
    SearchViewModel vm = new SearchViewModel();
    vm.spaceProperty().set(SPACE);
    vm.methodProperty().set(SearchMethod.GRID);
    vm.gridPointsProperty().set(10);
    assertEquals(OptionalInt.of(100), vm.plannedTrials());
    assertEquals("grid of 100 points", vm.sizeProperty().get());
    vm.limitTrialsProperty().set(true);
    vm.trialsProperty().set(30);
    assertEquals(OptionalInt.of(30), vm.plannedTrials());
    assertTrue(vm.sizeProperty().get().contains("running 30"));
  }

  @Test
  void randomSearchUsesTheTrialCountUnlessOnlyTimeIsSet() {
    SearchViewModel vm = new SearchViewModel();
    vm.spaceProperty().set(SPACE);
    vm.methodProperty().set(SearchMethod.RANDOM);
    vm.trialsProperty().set(40);
    assertEquals(OptionalInt.of(40), vm.budget().maxTrials());
    vm.minutesProperty().set(2);
    assertTrue(vm.budget().maxTrials().isEmpty(), "time only");
    assertEquals(java.time.Duration.ofMinutes(2), vm.budget().maxTime().orElseThrow());
  }

  @Test
  void metricsFollowTheTask() {
    SearchViewModel vm = new SearchViewModel();
    vm.setTask(Task.REGRESSION);
    assertEquals(Metric.R2, vm.metricProperty().get());
    assertTrue(vm.metrics().stream().allMatch(m -> m.task() == Task.REGRESSION));
    vm.setTask(Task.CLASSIFICATION);
    assertEquals(Metric.ACCURACY, vm.metricProperty().get());
  }
}
