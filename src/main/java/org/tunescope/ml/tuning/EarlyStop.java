package org.tunescope.ml.tuning;

import java.util.List;

/** Early stopping's choice of rounds from the folds' validation curves, as XGBoost's cross-validation makes it. */
final class EarlyStop {

  private EarlyStop() {
  }

  /**
   * The number of rounds whose validation loss, averaged over the folds, is lowest: rounds are scanned in
   * order, and the scan stops once {@code patience} rounds have passed without a lower mean loss than the
   * best so far (the first of equal losses is kept). Curves of different lengths (a fit that stopped by
   * itself) are read up to the shortest.
   *
   * @param lossByRound per fold, the validation loss after rounds 1, 2, ...
   */
  static int bestRounds(List<double[]> lossByRound, int patience) {
    if (patience < 1) {
      throw new IllegalArgumentException("early stopping needs a patience of at least 1 round, got " + patience);
    }
    int rounds = lossByRound.stream().mapToInt(c -> c.length).min().orElse(0);
    if (rounds == 0) {
      throw new IllegalArgumentException("no rounds to choose from");
    }
    int best = 0;
    double bestLoss = mean(lossByRound, 0);
    for (int r = 1; r < rounds && r - best <= patience; r++) {
      double loss = mean(lossByRound, r);
      if (loss < bestLoss) {
        best = r;
        bestLoss = loss;
      }
    }
    return best + 1;
  }

  private static double mean(List<double[]> curves, int round) {
    double sum = 0;
    for (double[] c : curves) {
      sum += c[round];
    }
    return sum / curves.size();
  }
}
