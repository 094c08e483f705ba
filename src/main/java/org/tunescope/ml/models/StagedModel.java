package org.tunescope.ml.models;

import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * A fitted ensemble whose first members are a model too: a random forest's first k trees, or the first k
 * rounds of boosting (Smile's staged predictions). One fit of n trees then gives the scores of every
 * tree count up to n.
 */
public interface StagedModel extends FittedModel {

  /** How many members the ensemble has; boosting can stop before the number asked for. */
  int stages();

  /**
   * The model made of the first {@code count} members. It may cut this model in place (Smile's boosting
   * trims itself), so ask for counts from large to small, and use this model's own predictions first.
   */
  FittedModel firstStages(int count);

  /**
   * A boosting model that Smile cuts to its first rounds in place ({@code trim}): {@code full} predicts
   * with however many rounds {@code trim} last kept.
   */
  static StagedModel trimmedInPlace(FittedModel full, int stages, IntConsumer trim) {
    return of(full, stages, k -> {
      trim.accept(k);
      return full;
    });
  }

  /**
   * An ensemble of {@code stages} members that predicts as {@code full} and gives its first members by
   * {@code first}.
   */
  static StagedModel of(FittedModel full, int stages, IntFunction<FittedModel> first) {
    return new StagedModel() {
      @Override
      public double[] predict(double[][] x) {
        return full.predict(x);
      }

      @Override
      public Optional<double[][]> probabilities(double[][] x) {
        return full.probabilities(x);
      }

      @Override
      public int stages() {
        return stages;
      }

      @Override
      public void close() {
        full.close();
      }

      @Override
      public FittedModel firstStages(int count) {
        if (count < 1 || count > stages) {
          throw new IllegalArgumentException("the ensemble has " + stages + " members, asked for the first " + count);
        }
        return count == stages ? full : first.apply(count);
      }
    };
  }
}
