package org.tunescope.ml.models;

import java.util.Arrays;
import java.util.List;
import org.tunescope.engine.space.Complexity;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.ml.Task;
import smile.classification.Classifier;

/**
 * k nearest neighbours by a plain scan: each query measures every training row and the k closest vote.
 * Smile's k-d tree search costs about 50 microseconds a query at k = 150 on 320 rows (the overfitting
 * lab's drawing grid of 14,400 points then took 0.7 s); the scan takes a few. Ties in distance go to the
 * earlier training row, ties in votes to the lower class, so results do not depend on the search.
 * Probabilities are the neighbours' class shares.
 */
public final class NeighbourVote implements Classifier<double[]> {

  private final double[][] x;
  private final int[] y;
  private final int k;
  private final int numClasses;

  /** @param y class codes 0..numClasses-1 */
  NeighbourVote(double[][] x, int[] y, int k, int numClasses) {
    this.x = x;
    this.y = y;
    this.k = k;
    this.numClasses = numClasses;
  }

  /** k nearest neighbours by Euclidean distance, as a catalog model. */
  public static ModelSpec spec() {
    return new ModelSpec("knn", Task.CLASSIFICATION, "k nearest neighbours", "Neighbours",
        "Majority vote of the closest training samples",
        List.of(HyperParameter.integer("k", 1, 100_000, 1, 50, true, 5,
            "number of neighbours that vote; larger values give smoother boundaries",
            Complexity.LESS_WHEN_RAISED)),
        true,
        (data, params) -> {
          int k = params.getInt("k");
          if (k > data.rows()) {
            throw new IllegalArgumentException("k = " + k + " exceeds the " + data.rows() + " training rows");
          }
          return Fitted.codedClassifier(new NeighbourVote(data.x(), SmileFrames.codedLabels(data), k,
              SmileFrames.presentClasses(data.labels()).length), data);
        });
  }

  @Override
  public int numClasses() {
    return numClasses;
  }

  @Override
  public int[] classes() {
    int[] classes = new int[numClasses];
    Arrays.setAll(classes, i -> i);
    return classes;
  }

  @Override
  public boolean soft() {
    return true;
  }

  @Override
  public int predict(double[] query) {
    return predict(query, new double[numClasses]);
  }

  @Override
  public int predict(double[] query, double[] posteriori) {
    int n = x.length;
    double[] distance = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      double[] row = x[i];
      for (int j = 0; j < row.length; j++) {
        double d = row[j] - query[j];
        sum += d * d;
      }
      distance[i] = sum;
    }
    double[] sorted = distance.clone();
    Arrays.sort(sorted);
    double kth = sorted[k - 1];
    int closer = 0;
    for (double d : distance) {
      if (d < kth) {
        closer++;
      }
    }
    int atKth = k - closer;
    int[] votes = new int[numClasses];
    for (int i = 0; i < n; i++) {
      if (distance[i] < kth) {
        votes[y[i]]++;
      } else if (distance[i] == kth && atKth > 0) {
        votes[y[i]]++;
        atKth--;
      }
    }
    int best = 0;
    for (int c = 0; c < numClasses; c++) {
      posteriori[c] = (double) votes[c] / k;
      if (votes[c] > votes[best]) {
        best = c;
      }
    }
    return best;
  }
}
