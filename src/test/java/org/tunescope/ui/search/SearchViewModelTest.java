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
    vm.limitTrialsProperty().set(false);
    assertEquals(OptionalInt.of(100), vm.plannedTrials());
    assertEquals("grid of 100 points", vm.sizeProperty().get());
    assertEquals(List.of(), vm.problems(), "a grid ends by itself");
    vm.limitTrialsProperty().set(true);
    vm.trialsProperty().set(30);
    assertEquals(OptionalInt.of(30), vm.plannedTrials());
    assertTrue(vm.sizeProperty().get().contains("running 30"));
  }

  @Test
  void aGridTooLargeToBuildIsAProblemNotAnException() {
    List<SearchParameter> six = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(SearchParameter.of("p" + i, new Distribution.FloatRange(0, 1, false)));
    }
    SearchViewModel vm = new SearchViewModel();
    vm.spaceProperty().set(new SearchSpace(six));
    vm.methodProperty().set(SearchMethod.GRID);
    vm.limitTrialsProperty().set(false);
    vm.gridPointsProperty().set(10); // 10^6 points, past GridSampler.MAX_POINTS

    assertEquals("grid too large (more than 100000 points)", vm.sizeProperty().get());
    assertEquals(OptionalInt.empty(), vm.plannedTrials());
    assertEquals(1, vm.problems().size(), vm.problems().toString());
    assertTrue(vm.problems().get(0).startsWith("A grid over 6 searched parameters"), vm.problems().toString());

    vm.gridPointsProperty().set(3); // 729 points
    assertEquals("grid of 729 points", vm.sizeProperty().get());
    assertEquals(List.of(), vm.problems());
  }

  @Test
  void theMaxTrialsBoxDecidesWhetherTheTrialCountIsALimit() {
    SearchViewModel vm = new SearchViewModel();
    vm.spaceProperty().set(SPACE);
    vm.methodProperty().set(SearchMethod.RANDOM);
    vm.trialsProperty().set(40);
    assertTrue(vm.limitTrialsProperty().get(), "ticked by default: a random search needs an end");
    assertEquals(OptionalInt.of(40), vm.budget().maxTrials());
    assertEquals("40 trials", vm.sizeProperty().get());

    // Unticked with no time limit: nothing would end the search. Said, not replaced by 30 trials.
    vm.limitTrialsProperty().set(false);
    assertTrue(vm.budget().maxTrials().isEmpty(), "unticked: no trial limit");
    assertEquals(List.of("No limit: a random search needs a trial limit (tick Max trials) or a time limit"),
        vm.problems());
    assertEquals("", vm.sizeProperty().get());

    vm.minutesProperty().set(2);
    assertEquals(List.of(), vm.problems());
    assertTrue(vm.budget().maxTrials().isEmpty(), "time only");
    assertEquals(java.time.Duration.ofMinutes(2), vm.budget().maxTime().orElseThrow());
    assertEquals("trials until the time is up, at most 2 min", vm.sizeProperty().get());

    vm.limitTrialsProperty().set(true);
    assertEquals(OptionalInt.of(40), vm.budget().maxTrials(), "both limits: whichever comes first");
    assertEquals(java.time.Duration.ofMinutes(2), vm.budget().maxTime().orElseThrow());
  }

  @Test
  void typedValuesStayAsTypedAndTheFieldSaysWhatIsWrong() {
    SearchViewModel vm = new SearchViewModel();
    vm.spaceProperty().set(SPACE);
    IntField folds = vm.foldsField();
    for (String typed : List.of("1", "1000", "abc", "")) {
      folds.textProperty().set(typed);
      assertEquals(typed, folds.textProperty().get(), "never changed behind the user's back");
      assertEquals(5, vm.foldsProperty().get(), "the value keeps its last valid setting");
      assertEquals(List.of(folds.problemProperty().get()), vm.problems());
    }
    folds.textProperty().set("1");
    assertEquals("Folds: 1 is out of range; from 2 to 20", folds.problemProperty().get());
    folds.textProperty().set("1000");
    assertEquals("Folds: 1000 is out of range; from 2 to 20", folds.problemProperty().get());
    folds.textProperty().set("abc");
    assertEquals("Folds: \"abc\" is not a whole number", folds.problemProperty().get());
    folds.textProperty().set("7");
    assertEquals(7, vm.foldsProperty().get(), "valid text counts at once, without Enter");
    assertEquals(List.of(), vm.problems());

    IntField trials = vm.trialsField();
    trials.textProperty().set("0");
    assertEquals("0", trials.textProperty().get());
    assertEquals(List.of("Max trials: 0 is out of range; from 1 to 100000"), vm.problems());
    vm.limitTrialsProperty().set(false);
    vm.minutesProperty().set(1);
    assertEquals(List.of(), vm.problems(), "an unticked trial count is not used: its text does not matter");

    // The arrows step within range, from what is typed.
    folds.textProperty().set("19");
    folds.step(3);
    assertEquals("20", folds.textProperty().get());
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

  @Test
  void theTrialLimitsRowSaysItsOwnProblemWhileTickedAndWhyNothingEndsTheSearchWhenNot() {
    SearchViewModel vm = new SearchViewModel();
    vm.methodProperty().set(SearchMethod.RANDOM);
    assertEquals("", vm.trialsRowProblemProperty().get());
    vm.trialsField().textProperty().set("0");
    assertEquals(vm.trialsField().problemProperty().get(), vm.trialsRowProblemProperty().get());
    assertTrue(vm.trialsRowProblemProperty().get().startsWith("Max trials"), vm.trialsRowProblemProperty().get());
    vm.limitTrialsProperty().set(false);
    assertEquals("No limit: a random search needs a trial limit (tick Max trials) or a time limit",
        vm.trialsRowProblemProperty().get(), "unticked, the count's own problem no longer counts");
    vm.minutesProperty().set(1);
    assertEquals("", vm.trialsRowProblemProperty().get());
  }
}
