package org.tunescope.engine.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.tunescope.engine.space.Condition;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Sampler;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;

/** Shared test material: a mixed space, a sequential ask-and-tell driver and a range check. */
final class Samplers {

  /** Every kind of parameter: categorical, log and linear floats and ints, a conditional one, a fixed one. */
  static final SearchSpace MIXED = new SearchSpace(List.of(
      SearchParameter.of("kernel", new Distribution.Choice(List.of("linear", "rbf"))),
      SearchParameter.of("C", new Distribution.FloatRange(0.01, 1000, true)),
      SearchParameter.of("alpha", new Distribution.FloatRange(-1, 1, false)),
      SearchParameter.of("trees", new Distribution.IntRange(10, 500, true)),
      SearchParameter.of("depth", new Distribution.IntRange(1, 4, false)),
      SearchParameter.of("tol", new Distribution.Fixed(0.001)),
      new SearchParameter("gamma", new Distribution.FloatRange(1e-4, 10, true),
          Optional.of(Condition.when("kernel", "rbf")))));

  /** The SVM problem's shape: C and gamma, both log ranges. */
  static final SearchSpace SVM = new SearchSpace(List.of(
      SearchParameter.of("C", new Distribution.FloatRange(0.01, 1000, true)),
      SearchParameter.of("gamma", new Distribution.FloatRange(1e-4, 10, true))));

  private Samplers() {
  }

  /** Runs {@code n} trials one after the other, each scored by {@code score} on a single "fold". */
  static List<Trial> run(Sampler sampler, int n, ToDoubleFunction<Map<String, Object>> score) {
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> params = sampler.sample(i, List.copyOf(trials)).orElseThrow();
      trials.add(trial(i, params, score.applyAsDouble(params)));
    }
    return trials;
  }

  static Trial trial(int number, Map<String, Object> params, double validation) {
    return new Trial(number, TrialState.COMPLETE, params, List.of(new FoldScore(validation, validation)), number,
        0, 0, Optional.empty(), Instant.EPOCH);
  }

  /** The best score among the first {@code k} trials (maximising). */
  static double bestOfFirst(List<Trial> trials, int k) {
    return trials.subList(0, k).stream().mapToDouble(t -> t.validation().mean()).max().orElseThrow();
  }

  /** A smooth, narrow optimum at C = 20, gamma = 0.006 in log space: the SVM surface's rough shape. */
  static double svmLike(Map<String, Object> p) {
    double c = Math.log10((Double) p.get("C")) - 1.3;
    double g = Math.log10((Double) p.get("gamma")) + 2.2;
    return -(c * c + g * g + 0.8 * c * g);
  }

  /** On the mixed space: the rbf kernel with the SVM-like surface beats the linear one; depth 3 is best. */
  static double svmLikeMixed(Map<String, Object> p) {
    double c = Math.log10((Double) p.get("C")) - 1.3;
    double base = "rbf".equals(p.get("kernel"))
        ? -(c * c + Math.pow(Math.log10((Double) p.get("gamma")) + 2.2, 2)) : -1 - c * c;
    return base - 0.1 * Math.abs((Long) p.get("depth") - 3);
  }

  /** Checks that every value lies in its distribution and that conditional parameters appear exactly when active. */
  static void assertInSpace(SearchSpace space, Map<String, Object> params) {
    Map<String, Object> seen = new java.util.LinkedHashMap<>();
    for (SearchParameter p : space.parameters()) {
      boolean active = p.isActive(seen);
      assertEquals(active, params.containsKey(p.name()), p.name() + " present iff active in " + params);
      if (active) {
        Object v = params.get(p.name());
        assertTrue(p.distribution().contains(v), p.name() + "=" + v + " in " + p.distribution());
        seen.put(p.name(), v);
      }
    }
    assertEquals(seen.keySet(), params.keySet());
  }
}
