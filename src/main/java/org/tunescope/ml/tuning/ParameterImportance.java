package org.tunescope.ml.tuning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.models.ConfinedFit;
import org.tunescope.ml.models.SmileFrames;
import org.tunescope.ml.models.TrainingData;
import smile.regression.RandomForest;

/**
 * Which hyperparameters explain a study's validation scores: a random forest is fitted on the complete
 * trials (parameters in, mean validation score out) and its impurity importances are shared out to sum
 * to 1. Log parameters enter as log10, categories by index, a parameter that did not apply as -1.
 */
public final class ParameterImportance {

  /** Fewer complete trials than this say nothing about importance. */
  public static final int MIN_TRIALS = 8;

  private ParameterImportance() {
  }

  /**
   * The importance of each varied parameter, largest first; empty with fewer than {@link #MIN_TRIALS}
   * complete trials or nothing varied.
   */
  public static Map<String, Double> of(List<Trial> trials, SearchSpace space) {
    List<SearchParameter> varied = space.parameters().stream()
        .filter(p -> !(p.distribution() instanceof Distribution.Fixed)).toList();
    List<Trial> complete = trials.stream().filter(Trial::isComplete)
        .filter(t -> Double.isFinite(t.validation().mean())).toList();
    if (complete.size() < MIN_TRIALS || varied.isEmpty()) {
      return Map.of();
    }
    double[][] x = new double[complete.size()][varied.size()];
    double[] y = new double[complete.size()];
    for (int i = 0; i < complete.size(); i++) {
      Trial t = complete.get(i);
      y[i] = t.validation().mean();
      for (int j = 0; j < varied.size(); j++) {
        x[i][j] = encode(varied.get(j), t.params().get(varied.get(j).name()));
      }
    }
    List<String> names = new ArrayList<>();
    for (int j = 0; j < varied.size(); j++) {
      names.add("p" + j);
    }
    TrainingData data = new TrainingData(x, y, 0, names, 0);
    // Fixed seeds: the same trials always give the same bars.
    RandomForest forest;
    try {
      forest = ConfinedFit.call(0, () -> RandomForest.fit(SmileFrames.FORMULA, SmileFrames.training(data), 100,
          Math.max(1, varied.size() / 3), 20, 1000, 2, 1.0, LongStream.range(1, 101)));
    } catch (Exception e) {
      throw new IllegalStateException("cannot fit the importance forest: " + e.getMessage(), e);
    }
    double[] importance = forest.importance();
    double total = 0;
    for (double v : importance) {
      total += Math.max(0, v);
    }
    Map<String, Double> out = new LinkedHashMap<>();
    final double sum = total;
    java.util.stream.IntStream.range(0, varied.size()).boxed()
        .sorted(Comparator.comparingDouble((Integer j) -> -importance[j]))
        .forEach(j -> out.put(varied.get(j).name(), sum > 0 ? Math.max(0, importance[j]) / sum : 0.0));
    return out;
  }

  private static double encode(SearchParameter p, Object value) {
    if (value == null) {
      return -1;
    }
    Distribution d = p.distribution();
    if (value instanceof Number n) {
      boolean log = d instanceof Distribution.FloatRange f && f.log() || d instanceof Distribution.IntRange r && r.log();
      return log ? Math.log10(Math.max(n.doubleValue(), Double.MIN_NORMAL)) : n.doubleValue();
    }
    if (d instanceof Distribution.Choice c) {
      return c.values().indexOf(value);
    }
    return 0;
  }
}
