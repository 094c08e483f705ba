package org.tunescope.ml.models;

import java.util.List;

/**
 * What a model is fitted on: a preprocessed numeric matrix (no missing values; standardised when the
 * model asks for it) and the target.
 *
 * @param x            one row per sample
 * @param y            for classification the class index 0..numClasses-1 as a double; for regression the value
 * @param numClasses   number of classes, or 0 for regression
 * @param featureNames one name per column of {@code x}
 * @param seed         the seed this fit must use for every random choice, so results are reproducible
 * @param threads      how many cores this fit may use (a study's workers times this stays within the cores);
 *                     only models with their own thread pool (XGBoost) use more than one
 * @param rowsReused   whether the same {@code x} and {@code y} arrays are fitted again and again (a study's
 *                     folds): a trainer may then keep what it derives from them, such as XGBoost's native
 *                     training matrix, until {@link Trainer#release} or until the arrays are collected
 */
public record TrainingData(double[][] x, double[] y, int numClasses, List<String> featureNames, long seed,
    int threads, boolean rowsReused) {

  public TrainingData {
    featureNames = List.copyOf(featureNames);
    if (x.length != y.length) {
      throw new IllegalArgumentException(x.length + " rows but " + y.length + " targets");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("a fit needs at least one thread, got " + threads);
    }
  }

  /** Rows fitted once, on one thread. */
  public TrainingData(double[][] x, double[] y, int numClasses, List<String> featureNames, long seed) {
    this(x, y, numClasses, featureNames, seed, 1, false);
  }

  public boolean isClassification() {
    return numClasses > 0;
  }

  /** The class indices, for classification. */
  public int[] labels() {
    int[] labels = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      labels[i] = (int) y[i];
    }
    return labels;
  }

  public int rows() {
    return x.length;
  }

  public int features() {
    return featureNames.size();
  }
}
