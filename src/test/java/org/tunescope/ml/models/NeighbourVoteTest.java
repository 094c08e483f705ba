package org.tunescope.ml.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import smile.classification.KNN;

class NeighbourVoteTest {

  @Test
  void votesLikeSmilesNearestNeighbours() {
    Random random = new Random(3);
    double[][] x = new double[300][3];
    int[] y = new int[300];
    for (int i = 0; i < 300; i++) {
      for (int j = 0; j < 3; j++) {
        x[i][j] = random.nextGaussian();
      }
      y[i] = x[i][0] + 0.5 * random.nextGaussian() > 0 ? 1 : (x[i][1] > 0.8 ? 2 : 0);
    }
    for (int k : new int[] {1, 5, 25, 101}) {
      NeighbourVote ours = new NeighbourVote(x, y, k, 3);
      KNN<double[]> smile = KNN.fit(x, y, k);
      for (int q = 0; q < 500; q++) {
        double[] query = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
        double[] p = new double[3];
        double[] expected = new double[3];
        int predicted = ours.predict(query, p);
        int smilePredicted = smile.predict(query, expected);
        assertArrayEquals(expected, p, 1e-12, "k " + k);
        if (expected[smilePredicted] > expected[predicted] || expected[predicted] > expected[smilePredicted]) {
          assertEquals(smilePredicted, predicted, "k " + k);
        }
      }
    }
  }
}
