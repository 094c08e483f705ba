package org.tunescope.ml.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.sampler.SearchMethod;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.Budget;

class TuningRequestTest {

  @Test
  void theBuilderStartsFromTheCommandLinesDefaultsAndSetsEachChoiceByName() {
    TuningRequest plain = TuningRequest.builder("s", "target", "knn").build();
    assertEquals(new TuningRequest("s", "target", Optional.empty(), "knn", Map.of(), false, Optional.empty(),
        SearchMethod.GRID, 5, Budget.unlimited(), 5, 1, Optional.empty(), 0, OptionalDouble.empty()), plain);
    TuningRequest full = new TuningRequest("s", "target", Optional.empty(), "knn",
        Map.of("k", new Distribution.IntRange(1, 9, false)), true, Optional.of("f1"), SearchMethod.RANDOM, 7,
        Budget.trials(3), 4, 2, Optional.of("fold"), 11, OptionalDouble.of(0.25));
    assertEquals(full, full.toBuilder().build());
    assertEquals(full, TuningRequest.builder("s", "target", "knn").ranges(full.ranges()).fixOthers(true)
        .metric(Optional.of("f1")).search(SearchMethod.RANDOM).gridPoints(7).budget(Budget.trials(3)).folds(4)
        .repeats(2).foldColumn(Optional.of("fold")).seed(11).testFraction(OptionalDouble.of(0.25)).build());
    assertEquals("t", full.named("t").name());
    assertEquals(Map.of(), full.withRanges(Map.of()).ranges());
  }
}
