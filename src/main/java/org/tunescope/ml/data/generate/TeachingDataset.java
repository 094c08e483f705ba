package org.tunescope.ml.data.generate;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.tunescope.ml.data.DataException;

/**
 * Seeded generators of the small data sets teachers use to show under- and overfitting: two moons,
 * concentric circles and XOR (classification, features {@code x1, x2}), a noisy sine and a straight line
 * with outliers (regression, feature {@code x1}). The label column is {@code target}; rows are shuffled.
 * The same seed gives the same file, byte for byte.
 */
public enum TeachingDataset {
  MOONS("two interleaving half circles (classification)"),
  CIRCLES("a circle inside a ring (classification)"),
  XOR("four quadrants, opposite ones alike (classification)"),
  SINE("y = sin(x) plus noise (regression)"),
  LINE("y = 2x + 1 with a few large outliers (regression)");

  private final String description;

  TeachingDataset(String description) {
    this.description = description;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String description() {
    return description;
  }

  public boolean isClassification() {
    return this == MOONS || this == CIRCLES || this == XOR;
  }

  public static TeachingDataset parse(String text) {
    return Arrays.stream(values()).filter(d -> d.id().equalsIgnoreCase(text.trim())).findFirst()
        .orElseThrow(() -> new DataException("unknown data set '" + text + "'; use one of moons, circles, xor, sine, line"));
  }

  /**
   * Writes {@code rows} rows as CSV with a header.
   *
   * @param noise the standard deviation of the Gaussian noise added to the features (classification) or to
   *              the target (regression)
   */
  public void write(Writer out, int rows, double noise, long seed) throws IOException {
    if (rows < 2) {
      throw new DataException("a generated data set needs at least 2 rows, got " + rows);
    }
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw new DataException("noise must be zero or more, got " + noise);
    }
    Random random = new Random(seed);
    java.util.List<String> lines = new java.util.ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      lines.add(row(i, rows, noise, random));
    }
    // Shuffled, as scikit-learn's generators do: in generation order, each class would sit in one block
    // of the file and unshuffled folds would ask the model to extrapolate to unseen arcs.
    java.util.Collections.shuffle(lines, random);
    out.write(isClassification() ? "x1,x2,target\n" : "x1,target\n");
    for (String line : lines) {
      out.write(line);
      out.write('\n');
    }
    out.flush();
  }

  /**
   * The same rows as {@link #write} as a table, without a file: columns {@code x1} (and {@code x2} for
   * classification) and {@code target}, with the values exactly as the CSV file has them.
   */
  public org.tunescope.ml.data.Table table(int rows, double noise, long seed) {
    java.io.StringWriter csv = new java.io.StringWriter();
    try {
      write(csv, rows, noise, seed);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String[] lines = csv.toString().split("\n");
    String[] names = lines[0].split(",");
    double[][] columns = new double[names.length][lines.length - 1];
    for (int r = 1; r < lines.length; r++) {
      String[] cells = lines[r].split(",");
      for (int c = 0; c < names.length; c++) {
        columns[c][r - 1] = Double.parseDouble(cells[c]);
      }
    }
    java.util.List<org.tunescope.ml.data.Column> out = new java.util.ArrayList<>();
    for (int c = 0; c < names.length; c++) {
      out.add(new org.tunescope.ml.data.NumericColumn(names[c], columns[c]));
    }
    return new org.tunescope.ml.data.Table(out);
  }

  private String row(int i, int rows, double noise, Random random) {
    switch (this) {
      case MOONS -> {
        // As scikit-learn's make_moons: the first half on the upper moon, the second on the lower one.
        int half = (rows + 1) / 2;
        boolean upper = i < half;
        double t = Math.PI * (upper ? i / (double) Math.max(1, half - 1) : (i - half) / (double) Math.max(1, rows - half - 1));
        double x = upper ? Math.cos(t) : 1 - Math.cos(t);
        double y = upper ? Math.sin(t) : 0.5 - Math.sin(t);
        return line(x + noise * random.nextGaussian(), y + noise * random.nextGaussian(), upper ? 0 : 1);
      }
      case CIRCLES -> {
        int half = (rows + 1) / 2;
        boolean outer = i < half;
        double t = 2 * Math.PI * (outer ? i / (double) half : (i - half) / (double) (rows - half));
        double r = outer ? 1.0 : 0.5;
        return line(r * Math.cos(t) + noise * random.nextGaussian(), r * Math.sin(t) + noise * random.nextGaussian(),
            outer ? 0 : 1);
      }
      case XOR -> {
        double x = random.nextDouble() * 2 - 1;
        double y = random.nextDouble() * 2 - 1;
        int label = x * y > 0 ? 1 : 0;
        return line(x + noise * random.nextGaussian(), y + noise * random.nextGaussian(), label);
      }
      case SINE -> {
        double x = random.nextDouble() * 2 * Math.PI;
        return String.format(Locale.ROOT, "%.6f,%.6f", x, Math.sin(x) + noise * random.nextGaussian());
      }
      default -> {
        double x = random.nextDouble() * 10;
        double y = 2 * x + 1 + noise * random.nextGaussian();
        if (random.nextDouble() < 0.05) {
          y += (random.nextBoolean() ? 1 : -1) * (8 + 4 * random.nextDouble());
        }
        return String.format(Locale.ROOT, "%.6f,%.6f", x, y);
      }
    }
  }

  private static String line(double x1, double x2, int label) {
    return String.format(Locale.ROOT, "%.6f,%.6f,%d", x1, x2, label);
  }
}
