package org.tunescope.engine.sampler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Sampler;
import org.tunescope.engine.study.RunningTrial;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;

/**
 * Successive halving in its asynchronous form (ASHA), so that workers never wait for a whole rung. Rungs
 * have budgets 1/eta^(rungs-1), ..., 1/eta, 1 of a full evaluation (with the defaults eta = 3 and three
 * rungs: 1/9, 1/3 and all of the training rows). When asked for a trial, it looks from the top rung down
 * for a configuration in the best 1/eta of its rung that has not been promoted yet and promotes it: the
 * trial evaluates it again at the next rung's budget. When there is none, the trial is a new random
 * configuration (the same as {@link RandomSampler}'s) at the lowest budget. Every evaluation below the
 * full budget ends PRUNED and keeps its partial scores; only full-budget trials are COMPLETE and ranked.
 *
 * <p>A sampler can start its new configurations higher than the lowest rung ({@code firstRung}): that is
 * one bracket of Hyperband ({@link HyperbandSampler}), which runs several such brackets side by side.
 *
 * <p>With one worker a seed gives the same study every time; with several, which configurations are
 * promoted depends on which trials have finished when a worker asks, as in every adaptive search.
 */
public final class HalvingSampler implements Sampler {

  public static final int DEFAULT_ETA = 3;
  public static final int DEFAULT_RUNGS = 3;

  private final Direction direction;
  private final int eta;
  private final double[] budgets;
  private final int firstRung;
  private final RandomSampler random;
  /** The decision for each trial number asked so far: its parameters and budget. */
  private final Map<Integer, Decision> decisions = new HashMap<>();
  /** Trials whose configuration has been promoted to the next rung. */
  private final Set<Integer> promoted = new HashSet<>();

  public HalvingSampler(SearchSpace space, Direction direction, long seed) {
    this(space, direction, seed, DEFAULT_ETA, DEFAULT_RUNGS);
  }

  public HalvingSampler(SearchSpace space, Direction direction, long seed, int eta, int rungs) {
    this(space, direction, seed, eta, rungs, 0);
  }

  /**
   * A sampler whose new configurations start at rung {@code firstRung} (0 is the lowest, {@code rungs - 1}
   * the full budget, where it is plain random search): one bracket of Hyperband.
   */
  public HalvingSampler(SearchSpace space, Direction direction, long seed, int eta, int rungs, int firstRung) {
    if (eta < 2 || rungs < 1) {
      throw new IllegalArgumentException("successive halving needs eta >= 2 and at least 1 rung");
    }
    if (firstRung < 0 || firstRung >= rungs) {
      throw new IllegalArgumentException("the first rung is one of the " + rungs + " rungs, got " + firstRung);
    }
    this.direction = direction;
    this.eta = eta;
    this.firstRung = firstRung;
    this.budgets = new double[rungs];
    for (int r = 0; r < rungs; r++) {
      budgets[r] = Math.pow(eta, r - (rungs - 1));
    }
    this.random = new RandomSampler(space, seed);
  }

  /** The budget new configurations start with: the first rung's. */
  public double startBudget() {
    return budgets[firstRung];
  }

  /** The budget of each rung, lowest first. */
  public double[] budgets() {
    return budgets.clone();
  }

  /**
   * A configuration another worker already runs at a higher rung ({@code running}: every worker's, from the
   * store) counts as promoted, so that two workers never promote the same one.
   */
  @Override
  public synchronized Optional<Map<String, Object>> sample(int number, List<Trial> finished,
      List<RunningTrial> running) {
    Decision known = decisions.get(number);
    if (known != null) {
      return Optional.of(known.params);
    }
    Decision decision = promotion(finished, running).orElseGet(
        () -> new Decision(random.sample(number, finished).orElseThrow(), budgets[firstRung]));
    decisions.put(number, decision);
    return Optional.of(decision.params);
  }

  @Override
  public synchronized double budget(int number) {
    Decision d = decisions.get(number);
    return d == null ? 1.0 : d.budget;
  }

  @Override
  public String name() {
    return "halving";
  }

  @Override
  public boolean watchesRunning() {
    return true;
  }

  private Optional<Decision> promotion(List<Trial> finished, List<RunningTrial> running) {
    for (int rung = budgets.length - 2; rung >= firstRung; rung--) {
      List<Trial> atRung = new ArrayList<>();
      Set<Map<String, Object>> above = new HashSet<>();
      for (RunningTrial r : running) {
        if (rung(r.budget()) > rung) {
          above.add(r.params());
        }
      }
      for (Trial t : finished) {
        int r = rung(t.budget());
        boolean scored = (t.state() == TrialState.PRUNED || t.state() == TrialState.COMPLETE)
            && Double.isFinite(t.validation().mean());
        if (r == rung && scored) {
          atRung.add(t);
        } else if (r > rung && t.state() != TrialState.INTERRUPTED) {
          // An interrupted promotion (its worker gone) is no promotion: the configuration may be promoted again.
          above.add(t.params());
        }
      }
      // The same ranking as complete trials get, treating this rung's trials as complete.
      List<Trial> ranked = History.ranked(atRung.stream().map(HalvingSampler::asComplete).toList(), direction);
      int top = ranked.size() / eta;
      for (int i = 0; i < top; i++) {
        Trial t = ranked.get(i);
        if (!promoted.contains(t.number()) && !above.contains(t.params())) {
          promoted.add(t.number());
          return Optional.of(new Decision(t.params(), budgets[rung + 1]));
        }
      }
    }
    return Optional.empty();
  }

  private int rung(double budget) {
    int best = 0;
    for (int r = 0; r < budgets.length; r++) {
      if (Math.abs(budgets[r] - budget) < Math.abs(budgets[best] - budget)) {
        best = r;
      }
    }
    return best;
  }

  private static Trial asComplete(Trial t) {
    return new Trial(t.number(), TrialState.COMPLETE, t.params(), t.folds(), t.seed(), t.fitSeconds(),
        t.bytesAllocated(), t.error(), t.started(), t.budget());
  }

  private record Decision(Map<String, Object> params, double budget) {
  }
}
