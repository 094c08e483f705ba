package org.tunescope.ml.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.ScoreSummary;
import org.tunescope.ml.models.ModelSpec;

/**
 * The score of a forest or boosting model against its number of trees: cross-validated train and
 * validation scores of the first k trees of one fit per fold (Smile's staged predictions), for k from 1
 * to the trial's tree count. A forest's validation score levels off (more trees never overfit it, they
 * only cost time); boosting's can peak and fall as later rounds fit the training rows' noise.
 */
public final class TreeCountCurve {

  /** How many counts the curve has at most. */
  public static final int DEFAULT_STEPS = 30;

  /** One count of the curve: the scores of the first {@code trees} trees. */
  public record Point(int trees, ScoreSummary train, ScoreSummary validation) {
  }

  private TreeCountCurve() {
  }

  /** Whether the model's fits can be cut to their first trees, so that the curve exists for it. */
  public static boolean appliesTo(ModelSpec model) {
    return model.stageParameter().isPresent();
  }

  /**
   * The counts of a curve up to {@code trees}: 1 to 5, then evenly spaced up to {@code trees}, at most
   * about {@code steps} of them, ascending.
   */
  public static int[] counts(int trees, int steps) {
    TreeSet<Integer> counts = new TreeSet<>();
    for (int k = 1; k <= Math.min(5, trees); k++) {
      counts.add(k);
    }
    int spaced = Math.max(2, steps - counts.size());
    for (int i = 0; i < spaced; i++) {
      counts.add((int) Math.round(1 + (trees - 1) * (double) i / (spaced - 1)));
    }
    return counts.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Computes the curve with a study's objective (its folds, preprocessing, metric and seeds).
   *
   * @param params    the trial's values; the curve goes up to its tree count
   * @param seed      the trial's seed (its scores are then the curve's last point)
   * @param cancelled stops between folds when it turns true
   */
  public static List<Point> compute(CrossValidatedObjective objective, ModelSpec model, Map<String, Object> params,
      long seed, BooleanSupplier cancelled) throws Exception {
    String stage = model.stageParameter()
        .orElseThrow(() -> new IllegalArgumentException(model.name() + " is not an ensemble of trees"));
    int trees = model.withDefaults(params).getInt(stage);
    int[] counts = counts(trees, DEFAULT_STEPS);
    List<Map<Integer, FoldScore>> folds = objective.stagedScores(params, seed, counts, cancelled);
    List<Point> points = new ArrayList<>();
    for (int k : counts) {
      points.add(new Point(k,
          ScoreSummary.of(folds.stream().map(f -> f.get(k).train()).toList()),
          ScoreSummary.of(folds.stream().map(f -> f.get(k).validation()).toList())));
    }
    return points;
  }
}
