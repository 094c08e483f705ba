package org.tunescope.engine.sampler;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Sampler;
import org.tunescope.engine.study.RunningTrial;
import org.tunescope.engine.study.Trial;

/**
 * Hyperband (Li et al., 2018): successive halving run in several brackets that differ in how cheaply they
 * start, because how small a budget still ranks configurations well is not known in advance. With the
 * defaults (eta = 3, three rungs of 1/9, 1/3 and all of the training rows) bracket 0 starts configurations
 * at 1/9 and halves twice, bracket 1 starts them at 1/3 and halves once, and bracket 2 evaluates them on
 * all rows, which is random search. Each bracket is a {@link HalvingSampler} that sees only its own trials.
 *
 * <p>Trial numbers are dealt to the brackets by a fixed, interleaved schedule in the proportions of
 * Hyperband's brackets (13, 6 and 3 evaluations of 22 with the defaults), so that every bracket gets about
 * the same share of the compute, as in the paper, and a trial's bracket depends on its number alone: the
 * same seed gives the same study with one worker, and a resumed study finds each trial's bracket again.
 * Evaluations below the full budget end PRUNED with their partial scores, as in successive halving.
 */
public final class HyperbandSampler implements Sampler {

  private final HalvingSampler[] brackets;
  private final int[] schedule;

  public HyperbandSampler(SearchSpace space, Direction direction, long seed) {
    this(space, direction, seed, HalvingSampler.DEFAULT_ETA, HalvingSampler.DEFAULT_RUNGS);
  }

  public HyperbandSampler(SearchSpace space, Direction direction, long seed, int eta, int rungs) {
    this.brackets = new HalvingSampler[rungs];
    for (int r = 0; r < rungs; r++) {
      brackets[r] = new HalvingSampler(space, direction, seed, eta, rungs, r);
    }
    this.schedule = schedule(evaluationsPerBracket(eta, rungs));
  }

  /** The budget each bracket starts its configurations with, from the most aggressive bracket on. */
  public double[] startBudgets() {
    double[] b = new double[brackets.length];
    for (int r = 0; r < b.length; r++) {
      b[r] = brackets[r].startBudget();
    }
    return b;
  }

  /** The bracket trial {@code number} belongs to. */
  public int bracket(int number) {
    return schedule[Math.floorMod(number, schedule.length)];
  }

  @Override
  public Optional<Map<String, Object>> sample(int number, List<Trial> finished, List<RunningTrial> running) {
    int b = bracket(number);
    List<Trial> own = finished.stream().filter(t -> bracket(t.number()) == b).toList();
    return brackets[b].sample(number, own, running.stream().filter(r -> bracket(r.number()) == b).toList());
  }

  @Override
  public boolean watchesRunning() {
    return true;
  }

  @Override
  public double budget(int number) {
    return brackets[bracket(number)].budget(number);
  }

  @Override
  public String name() {
    return "hyperband";
  }

  /**
   * The evaluations of each bracket in one round of synchronous Hyperband: bracket r halves
   * {@code s = rungs - 1 - r} times, starting ceil(rungs / (s + 1) * eta^s) configurations and keeping
   * the best 1/eta at each rung, which gives every bracket about the same total budget.
   */
  static int[] evaluationsPerBracket(int eta, int rungs) {
    int[] evaluations = new int[rungs];
    for (int r = 0; r < rungs; r++) {
      int halvings = rungs - 1 - r;
      long power = 1;
      for (int i = 0; i < halvings; i++) {
        power *= eta;
      }
      long n = Math.floorDiv(rungs * power + halvings, halvings + 1);
      long total = 0;
      long kept = n;
      for (int i = 0; i <= halvings; i++, kept /= eta) {
        total += kept;
      }
      evaluations[r] = Math.toIntExact(total);
    }
    return evaluations;
  }

  /**
   * One cycle of bracket indices with each bracket {@code weights[b]} times, spread evenly (smooth
   * weighted round robin), so that a short study already runs every bracket.
   */
  static int[] schedule(int[] weights) {
    int length = 0;
    for (int w : weights) {
      length += w;
    }
    int[] cycle = new int[length];
    long[] current = new long[weights.length];
    for (int i = 0; i < length; i++) {
      int pick = 0;
      for (int b = 0; b < weights.length; b++) {
        current[b] += weights[b];
        if (current[b] > current[pick]) {
          pick = b;
        }
      }
      current[pick] -= length;
      cycle[i] = pick;
    }
    return cycle;
  }
}
