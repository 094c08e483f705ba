package org.tunescope.ml.lab;

import java.util.List;
import java.util.Locale;
import org.tunescope.ml.data.generate.TeachingDataset;

/** Which data the lab shows: a generated teaching set, or a bundled sample seen through two (or one) axes. */
public sealed interface DatasetChoice {

  /** A name for the picker and the status line. */
  String label();

  /** A seeded teaching set. */
  record Generated(TeachingDataset kind, int rows, double noise, long seed) implements DatasetChoice {
    @Override
    public String label() {
      return String.format(Locale.ROOT, "%s, %d rows, noise %.2f, seed %d", kind.id(), rows, noise, seed);
    }
  }

  /**
   * A bundled sample dataset.
   *
   * @param features the feature columns to plot (two for classification, one for regression), or empty
   *                 for a PCA projection of every numeric feature
   */
  record Sample(String name, List<String> features) implements DatasetChoice {
    public Sample {
      features = List.copyOf(features);
    }

    @Override
    public String label() {
      return name + (features.isEmpty() ? " (PCA projection)" : " (" + String.join(", ", features) + ")");
    }
  }
}
