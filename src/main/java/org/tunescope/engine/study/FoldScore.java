package org.tunescope.engine.study;

/** The score of one cross-validation fold on the rows the model was trained on and on the held-out rows. */
public record FoldScore(double train, double validation) {

  /** How much better the model does on its training rows than on unseen ones (train minus validation). */
  public double gap() {
    return train - validation;
  }
}
