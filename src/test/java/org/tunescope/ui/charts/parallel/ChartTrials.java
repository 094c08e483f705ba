package org.tunescope.ui.charts.parallel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.tunescope.engine.space.Condition;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;

/** Spaces and trials for the chart tests and the benchmark. */
final class ChartTrials {

  private ChartTrials() {
  }

  /** kernel (categorical), C (log), gamma (log, only for rbf), depth (int), tol (fixed: no axis). */
  static SearchSpace svmLike() {
    return new SearchSpace(List.of(
        SearchParameter.of("kernel", new Distribution.Choice(List.of("linear", "rbf", "poly"))),
        SearchParameter.of("C", new Distribution.FloatRange(0.01, 1000, true)),
        new SearchParameter("gamma", new Distribution.FloatRange(1e-4, 10, true),
            Optional.of(Condition.when("kernel", "rbf"))),
        SearchParameter.of("depth", new Distribution.IntRange(1, 12, false)),
        SearchParameter.of("tol", new Distribution.Fixed(0.001))));
  }

  /** A random forest's space: seven parameters with long names (their titles do not fit side by side). */
  static SearchSpace forestLike() {
    return new SearchSpace(List.of(
        SearchParameter.of("trees", new Distribution.IntRange(10, 500, true)),
        SearchParameter.of("max_depth", new Distribution.IntRange(1, 30, false)),
        SearchParameter.of("max_features", new Distribution.Choice(List.of("sqrt", "third", "half", "all"))),
        SearchParameter.of("max_nodes", new Distribution.IntRange(16, 4096, true)),
        SearchParameter.of("node_size", new Distribution.IntRange(1, 20, true)),
        SearchParameter.of("subsample", new Distribution.FloatRange(0.5, 1, false)),
        SearchParameter.of("split_criterion", new Distribution.Choice(List.of("gini", "entropy")))));
  }

  /** Random trials over {@link #forestLike()}. */
  static List<Trial> randomForest(int n, long seed) {
    Random r = new Random(seed);
    String[] features = {"sqrt", "third", "half", "all"};
    List<Trial> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("trees", (long) (10 + r.nextInt(491)));
      p.put("max_depth", (long) (1 + r.nextInt(30)));
      p.put("max_features", features[r.nextInt(4)]);
      p.put("max_nodes", (long) (16 + r.nextInt(4081)));
      p.put("node_size", (long) (1 + r.nextInt(20)));
      p.put("subsample", 0.5 + 0.5 * r.nextDouble());
      p.put("split_criterion", r.nextBoolean() ? "gini" : "entropy");
      double val = 0.85 + 0.1 * r.nextDouble();
      out.add(trial(i, p, Math.min(1, val + 0.05 * r.nextDouble()), val));
    }
    return out;
  }

  /** Four numeric parameters, for the benchmark. */
  static SearchSpace fourParameters() {
    return new SearchSpace(List.of(
        SearchParameter.of("C", new Distribution.FloatRange(0.001, 1000, true)),
        SearchParameter.of("gamma", new Distribution.FloatRange(1e-5, 10, true)),
        SearchParameter.of("depth", new Distribution.IntRange(1, 30, false)),
        SearchParameter.of("subsample", new Distribution.FloatRange(0.1, 1, false))));
  }

  static Trial trial(int number, Map<String, Object> params, double train, double validation) {
    return new Trial(number, TrialState.COMPLETE, params, List.of(new FoldScore(train, validation)), number, 0.1, 0,
        Optional.empty(), Instant.EPOCH);
  }

  static Trial failed(int number, Map<String, Object> params) {
    return new Trial(number, TrialState.FAILED, params, List.of(), number, 0.1, 0, Optional.of("boom"),
        Instant.EPOCH);
  }

  static Trial running(int number, Map<String, Object> params) {
    return new Trial(number, TrialState.RUNNING, params, List.of(), 0, 0, 0, Optional.empty(), Instant.EPOCH);
  }

  static Map<String, Object> svm(String kernel, double c, Double gamma, long depth) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("kernel", kernel);
    p.put("C", c);
    if (gamma != null) {
      p.put("gamma", gamma);
    }
    p.put("depth", depth);
    p.put("tol", 0.001);
    return p;
  }

  /** Random svm-like trials with scores in [0.6, 1]. */
  static List<Trial> randomSvm(int n, long seed) {
    Random r = new Random(seed);
    String[] kernels = {"linear", "rbf", "poly"};
    List<Trial> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String k = kernels[r.nextInt(3)];
      double c = Math.pow(10, -2 + 5 * r.nextDouble());
      Double g = k.equals("rbf") ? Math.pow(10, -4 + 5 * r.nextDouble()) : null;
      double val = 0.6 + 0.35 * r.nextDouble();
      out.add(trial(i, svm(k, c, g, 1 + r.nextInt(12)), Math.min(1, val + 0.05 * r.nextDouble()), val));
    }
    return out;
  }

  /** Random trials over {@link #fourParameters()}. */
  static List<Trial> randomFour(int n, long seed) {
    Random r = new Random(seed);
    List<Trial> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("C", Math.pow(10, -3 + 6 * r.nextDouble()));
      p.put("gamma", Math.pow(10, -5 + 6 * r.nextDouble()));
      p.put("depth", (long) (1 + r.nextInt(30)));
      p.put("subsample", 0.1 + 0.9 * r.nextDouble());
      double val = 0.5 + 0.45 * r.nextDouble();
      out.add(trial(i, p, Math.min(1, val + 0.1 * r.nextDouble()), val));
    }
    return out;
  }
}
