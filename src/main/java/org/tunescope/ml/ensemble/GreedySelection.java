package org.tunescope.ml.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.FoldPredictions;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.ml.cv.Fold;

/**
 * Caruana's greedy forward ensemble selection (Caruana, Niculescu-Mizil, Crew and Ksikes, "Ensemble selection
 * from libraries of models", ICML 2004): from a pool of candidates, each round adds, with replacement, the
 * candidate whose addition gives the soft vote (the mean of the members' predictions) the best mean
 * validation score on the selection folds' out-of-fold predictions. A candidate added n times weighs n in the
 * average, so the ensemble is its members with counts as weights.
 *
 * <p>It runs a fixed number of rounds and keeps the best ensemble seen after any round (the smallest on ties),
 * rather than stopping at the first round that does not improve: with replacement, a round that adds nothing
 * can be followed by one that does (adding a member again shifts the weights), and keeping the best prefix
 * still makes the ensemble never worse on the selection folds than round 1, the best single candidate.
 *
 * <p>Selecting and scoring on the same out-of-fold predictions is optimistic, so {@link #foldScores} selects
 * anew for each fold f on the other folds only (those whose validation rows are none of f's) and scores that
 * selection on f: the fold scores judge selections that never saw f's validation labels. {@link #select} on
 * every fold gives the ensemble to keep (its members, weights and held-out test score).
 */
public final class GreedySelection {

  private final EnsembleScoring scoring;
  private final List<Fold> folds;
  private final Direction direction;
  private final int rounds;

  /**
   * @param scoring the folds, targets and metric the candidates were scored with
   * @param rounds  how many members are added, counting repeats (at least 1)
   */
  public GreedySelection(EnsembleScoring scoring, int rounds) {
    if (rounds < 1) {
      throw new IllegalArgumentException("greedy selection needs at least 1 round, got " + rounds);
    }
    this.scoring = scoring;
    this.folds = scoring.plan().folds();
    this.direction = scoring.metric().direction();
    this.rounds = rounds;
  }

  /**
   * A selection: how many times each candidate was added (0: not a member), and the selection folds' mean
   * validation score of the soft vote with these weights.
   *
   * @param rounds the score after each round, in order (the kept ensemble is the best of them)
   */
  public record Selection(int[] counts, double score, double[] rounds) {

    /** The weights as numbers, for {@link EnsembleScoring#vote(List, double[])}. */
    public double[] weights() {
      return Arrays.stream(counts).asDoubleStream().toArray();
    }

    /** How many members it has, counting repeats. */
    public int size() {
      return Arrays.stream(counts).sum();
    }
  }

  /** The greedy selection on every fold's out-of-fold predictions: the ensemble to keep. */
  public Selection select(List<List<FoldPredictions>> candidates) {
    return select(candidates, IntStream.range(0, folds.size()).boxed().toList());
  }

  /**
   * The greedy selection on the out-of-fold (validation) predictions of the given folds.
   *
   * @param candidates each candidate's predictions of every fold, best candidate first (ties go to the first)
   */
  public Selection select(List<List<FoldPredictions>> candidates, List<Integer> selectionFolds) {
    scoring.check(candidates);
    if (selectionFolds.isEmpty()) {
      throw new IllegalArgumentException("greedy selection needs at least one fold to select on");
    }
    int[] counts = new int[candidates.size()];
    // The weighted sum of the members' validation predictions, per selection fold.
    List<double[][]> sums = new ArrayList<>();
    List<double[][]> trial = new ArrayList<>();
    for (int g : selectionFolds) {
      FoldPredictions p = candidates.get(0).get(g);
      sums.add(new double[p.validationRows()][p.columns()]);
      trial.add(new double[p.validationRows()][p.columns()]);
    }
    int[] best = null;
    double bestScore = Double.NaN;
    double[] history = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      int chosen = -1;
      double chosenScore = Double.NaN;
      for (int c = 0; c < candidates.size(); c++) {
        double score = 0;
        for (int s = 0; s < selectionFolds.size(); s++) {
          int g = selectionFolds.get(s);
          add(sums.get(s), candidates.get(c).get(g).validation(), round + 1, trial.get(s));
          score += scoring.score(folds.get(g).validation(), trial.get(s));
        }
        score /= selectionFolds.size();
        if (chosen < 0 || better(score, chosenScore)) {
          chosen = c;
          chosenScore = score;
        }
      }
      counts[chosen]++;
      for (int s = 0; s < selectionFolds.size(); s++) {
        accumulate(sums.get(s), candidates.get(chosen).get(selectionFolds.get(s)).validation());
      }
      history[round] = chosenScore;
      if (best == null || better(chosenScore, bestScore)) {
        best = counts.clone();
        bestScore = chosenScore;
      }
    }
    return new Selection(best, bestScore, history);
  }

  /**
   * The honest fold scores of greedy selection: for each fold f, a selection on the other folds' out-of-fold
   * predictions (those whose validation rows are none of f's), its weighted soft vote scored on f's training and
   * validation rows.
   *
   * @return each fold's score and the selection that fold scored, in fold order
   */
  public Nested foldScores(List<List<FoldPredictions>> candidates) {
    List<FoldScore> scores = new ArrayList<>();
    List<Selection> selections = new ArrayList<>();
    for (int f = 0; f < folds.size(); f++) {
      List<Integer> others = scoring.outside(f);
      if (others.isEmpty()) {
        throw new IllegalArgumentException("fold " + f + " shares its validation rows with every other fold:"
            + " no out-of-fold predictions are left to select an ensemble on");
      }
      Selection s = select(candidates, others);
      selections.add(s);
      scores.add(scoring.voteFold(candidates, s.weights(), f));
    }
    return new Nested(scores, selections);
  }

  /** Fold scores of selections made without the fold (see {@link #foldScores}). */
  public record Nested(List<FoldScore> folds, List<Selection> selections) {
  }

  /** Whether score a beats b in the metric's direction; not-a-number beats nothing and loses to any number. */
  private boolean better(double a, double b) {
    if (Double.isNaN(a)) {
      return false;
    }
    if (Double.isNaN(b)) {
      return true;
    }
    return direction == Direction.MAXIMIZE ? a > b : a < b;
  }

  /** {@code out} = (sum + one candidate's predictions) / n: the soft vote were the candidate added. */
  private static void add(double[][] sum, float[] values, int n, double[][] out) {
    int columns = sum.length == 0 ? 0 : sum[0].length;
    for (int i = 0; i < sum.length; i++) {
      for (int j = 0; j < columns; j++) {
        out[i][j] = (sum[i][j] + values[i * columns + j]) / n;
      }
    }
  }

  private static void accumulate(double[][] sum, float[] values) {
    int columns = sum.length == 0 ? 0 : sum[0].length;
    for (int i = 0; i < sum.length; i++) {
      for (int j = 0; j < columns; j++) {
        sum[i][j] += values[i * columns + j];
      }
    }
  }
}
