package org.tunescope.ml.lab;

import java.util.Optional;

/**
 * The model at one slider value, refitted on every tuning row: its training and held-out test scores and
 * what the plot draws (decision regions for two-feature classification, the fitted curve for one-feature
 * regression).
 *
 * @param value   the parameter's value
 * @param train   the score on the tuning rows it was fitted on
 * @param test    the score on the held-out test rows
 * @param regions the predicted class over the drawing grid (classification)
 * @param curve   the predictions along the x axis (regression)
 * @param millis  how long the refit and the predictions took
 */
public record LabFit(Object value, double train, double test, Optional<DecisionGrid> regions,
    Optional<FittedCurve> curve, double millis) {

  /**
   * Predicted classes over a regular grid of cells covering the plot.
   *
   * @param classes the class index of each cell, row by row from the bottom ({@code y = yMin}) up
   */
  public record DecisionGrid(double xMin, double xMax, double yMin, double yMax, int size, int[] classes) {

    public int classAt(int column, int row) {
      return classes[row * size + column];
    }

    /** How many cells two grids of the same size predict differently. */
    public int cellsDifferentFrom(DecisionGrid other) {
      int n = 0;
      for (int i = 0; i < classes.length; i++) {
        n += classes[i] != other.classes[i] ? 1 : 0;
      }
      return n;
    }
  }

  /** The model's predictions at evenly spaced x values. */
  public record FittedCurve(double[] x, double[] y) {
  }
}
