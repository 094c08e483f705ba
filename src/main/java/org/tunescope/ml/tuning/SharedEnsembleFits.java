package org.tunescope.ml.tuning;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.tunescope.engine.study.Seeds;
import org.tunescope.engine.study.FoldScore;

/**
 * One ensemble fit per fold serving every trial of a grid that differs only in its number of trees.
 * The trials of a grid over a forest or boosting model with trees {50, 100, 200} come in groups that
 * share every other value; for each group and fold the forest is grown once with 200 trees, and the
 * trials with 50 and 100 are scored on its first 50 and 100 trees (Smile's staged predictions).
 *
 * <p>This changes no score: every fit of the study's fold f uses the same seed (as scikit-learn's grid
 * search with a fixed {@code random_state}), and the first k trees of a forest grown with a seed are the
 * forest of k trees grown with that seed (boosting's first k rounds likewise). What a trial charges as
 * fit time is its share of the group's fit, k/200 of it here.
 */
final class SharedEnsembleFits {

  private static final long STREAM = 0x5EEDL;

  private final String stageParameter;
  /** For each group (the values of every other parameter), the tree counts the grid asks for. */
  private final Map<Map<String, Object>, int[]> counts = new HashMap<>();
  private final long seed;
  private final Map<Key, CompletableFuture<StagedFold>> fits = new ConcurrentHashMap<>();

  /** The scores of every count of a group on one fold, and the seconds it took to get them. */
  record StagedFold(Map<Integer, FoldScore> scores, double seconds, int most) {
  }

  /** Computes a group's staged scores on a fold. */
  @FunctionalInterface
  interface FoldComputation {
    Map<Integer, FoldScore> compute(int[] counts) throws Exception;
  }

  private record Key(int fold, double budget, Map<String, Object> group) {
  }

  /**
   * The sharing plan of a grid, or empty when no two grid points differ only in their tree count.
   *
   * @param points the grid's points
   * @param seed   the study's seed, from which every fold's fit seed is derived
   */
  static Optional<SharedEnsembleFits> of(String stageParameter, List<Map<String, Object>> points, long seed) {
    Map<Map<String, Object>, TreeSet<Integer>> groups = new LinkedHashMap<>();
    for (Map<String, Object> p : points) {
      if (p.get(stageParameter) instanceof Number n) {
        groups.computeIfAbsent(group(p, stageParameter), g -> new TreeSet<>()).add(n.intValue());
      }
    }
    SharedEnsembleFits shared = new SharedEnsembleFits(stageParameter, seed);
    groups.forEach((group, set) -> {
      if (set.size() > 1) {
        shared.counts.put(group, set.stream().mapToInt(Integer::intValue).toArray());
      }
    });
    return shared.counts.isEmpty() ? Optional.empty() : Optional.of(shared);
  }

  private SharedEnsembleFits(String stageParameter, long seed) {
    this.stageParameter = stageParameter;
    this.seed = seed;
  }

  /** The seed of every fit on fold {@code fold}, shared or not, so that shared and own fits agree. */
  long foldSeed(int fold) {
    return Seeds.derive(seed ^ STREAM, fold);
  }

  /** The tree counts of the trial's group, when it has one. */
  Optional<int[]> countsOf(Map<String, Object> params) {
    if (!(params.get(stageParameter) instanceof Number)) {
      return Optional.empty();
    }
    return Optional.ofNullable(counts.get(group(params, stageParameter)));
  }

  int count(Map<String, Object> params) {
    return ((Number) params.get(stageParameter)).intValue();
  }

  /**
   * The group's staged scores on a fold: computed by the first trial that asks, waited for by the others.
   * A computation that fails fails every trial of the group with its message, as each would have alone.
   */
  StagedFold fold(int fold, double budget, Map<String, Object> params, int[] groupCounts,
      FoldComputation computation) throws Exception {
    CompletableFuture<StagedFold> mine = new CompletableFuture<>();
    CompletableFuture<StagedFold> theirs = fits.putIfAbsent(new Key(fold, budget, group(params, stageParameter)), mine);
    if (theirs == null) {
      long t0 = System.nanoTime();
      try {
        Map<Integer, FoldScore> scores = computation.compute(groupCounts);
        mine.complete(new StagedFold(scores, (System.nanoTime() - t0) / 1e9, groupCounts[groupCounts.length - 1]));
      } catch (Exception | Error e) {
        mine.completeExceptionally(e);
        throw e;
      }
      return mine.join();
    }
    try {
      return theirs.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static Map<String, Object> group(Map<String, Object> params, String stageParameter) {
    Map<String, Object> others = new HashMap<>(params);
    others.remove(stageParameter);
    return others;
  }
}
