package org.tunescope.engine.study;

/** The score of one cross-validation fold on the rows the model was trained on and on the held-out rows. */
public record FoldScore(double train, double validation) {

  /**
   * How much better the model does on its training rows than on unseen ones, positive when validation is
   * worse whichever way the metric is better (see {@link Direction#gap}).
   */
  public double gap(Direction direction) {
    return direction.gap(train, validation);
  }
}
