package org.tunescope.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tunescope.app.compare.ComparedStudies;
import org.tunescope.app.compare.LeaderboardRow;
import org.tunescope.app.compare.PairedFolds;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.tuning.OptimisationHistory;
import smile.plot.swing.Canvas;
import smile.plot.swing.Legend;
import smile.plot.swing.Line;
import smile.plot.swing.LinePlot;
import smile.plot.swing.Point;

/**
 * The figures of a comparison for {@code report --comparison}: its leaderboard as a table, each model's best
 * score so far against the trials overlaid, and every model's trials against their fit time with the Pareto
 * front across models. Each ensemble is one more candidate in all three: a row, a dashed level from where its
 * last member finished, a star at its members' summed fit time.
 */
final class ComparisonReport {

  /** One colour per model, in the comparison's order (Tableau 10: distinct, readable on white). */
  private static final Color[] COLORS = {new Color(0x4e79a7), new Color(0xf28e2b), new Color(0x59a14f),
      new Color(0xe15759), new Color(0x76b7b2), new Color(0xedc948), new Color(0xb07aa1), new Color(0xff9da7),
      new Color(0x9c755f), new Color(0xbab0ac)};

  /** Ensembles are not a model: one dark neutral for all of them, with their own mark. */
  private static final Color ENSEMBLE = new Color(0x333333);

  private ComparisonReport() {
  }

  private static Color colour(int study) {
    return COLORS[study % COLORS.length];
  }

  /**
   * Each model's best validation score so far against the trial number, one line per model; each ensemble a
   * dashed level at its score from where its last member finished.
   */
  static Canvas history(ComparedStudies c, String name) {
    Direction direction = c.direction();
    List<Line> lines = new ArrayList<>();
    List<Legend> legends = new ArrayList<>();
    double lastTrial = 0;
    for (int i = 0; i < c.studies().size(); i++) {
      ComparedStudies.Compared study = c.studies().get(i);
      double[][] best = OptimisationHistory.bestSoFar(study.viewed().trials(), direction, false)
          .toArray(double[][]::new);
      if (best.length == 0) {
        continue;
      }
      lastTrial = Math.max(lastTrial, best[best.length - 1][0]);
      lines.add(Line.of(best.length >= 2 ? best : new double[][] {best[0], best[0]}, Line.Style.SOLID, colour(i)));
      legends.add(new Legend(study.label(), colour(i)));
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("comparison " + name + " has no complete trial to draw yet");
    }
    List<double[]> starts = new ArrayList<>();
    for (LeaderboardRow e : c.ensembleRows()) {
      double at = c.lastMemberAt(e.ensemble().orElseThrow(), false).orElse(Double.NaN);
      if (Double.isFinite(at)) {
        double[] start = {at, e.validationMean()};
        starts.add(start);
        lines.add(Line.of(new double[][] {start, {Math.max(lastTrial, at), e.validationMean()}}, Line.Style.DASH,
            ENSEMBLE));
        legends.add(new Legend(e.label(), ENSEMBLE));
      }
    }
    Canvas canvas = new LinePlot(lines.toArray(Line[]::new), legends.toArray(Legend[]::new)).canvas();
    if (!starts.isEmpty()) {
      canvas.add(new Point(starts.toArray(double[][]::new), '*', ENSEMBLE));
    }
    canvas.setTitle("Best so far, per model" + (starts.isEmpty() ? "" : "; dashed: ensembles, from their last member"));
    canvas.setAxisLabels("trial number", direction.label("validation " + c.metric()));
    return canvas;
  }

  /**
   * Every model's complete trials, validation score against fit time, each ensemble at its members' summed fit
   * time, and the Pareto front of them all.
   */
  static Canvas cost(ComparedStudies c, String name) {
    Direction direction = c.direction();
    List<Point> points = new ArrayList<>();
    List<Legend> legends = new ArrayList<>();
    for (int i = 0; i < c.studies().size(); i++) {
      ComparedStudies.Compared study = c.studies().get(i);
      List<Trial> complete = study.viewed().trials().stream().filter(Trial::isComplete).toList();
      if (complete.isEmpty()) {
        continue;
      }
      points.add(new Point(complete.stream().map(t -> costPoint(t.fitSeconds(), t.validation().mean()))
          .toArray(double[][]::new), 'o', colour(i)));
      legends.add(new Legend(study.label(), colour(i)));
    }
    if (points.isEmpty()) {
      throw new IllegalArgumentException("comparison " + name + " has no complete trial to draw yet");
    }
    double[][] ensembles = c.ensembleRows().stream().filter(e -> Double.isFinite(e.fitSeconds()))
        .map(e -> costPoint(e.fitSeconds(), e.validationMean())).toArray(double[][]::new);
    if (ensembles.length > 0) {
      points.add(new Point(ensembles, '*', ENSEMBLE));
      legends.add(new Legend("ensembles", ENSEMBLE));
    }
    double[][] front = c.paretoFront().stream().map(r -> costPoint(r.fitSeconds(), r.validationMean()))
        .toArray(double[][]::new);
    legends.add(new Legend("Pareto front", Color.DARK_GRAY));
    points.add(new Point(front, 'x', Color.DARK_GRAY));
    // A scatter plot sizes its axes to every model's points; the front joins its points on top.
    Canvas canvas = new smile.plot.swing.ScatterPlot(points.toArray(Point[]::new), legends.toArray(Legend[]::new))
        .canvas();
    if (front.length >= 2) {
      canvas.add(Line.of(front, Line.Style.DASH, Color.DARK_GRAY));
    }
    canvas.setTitle("Score against fit time, every model; stars: ensembles at their members' summed time");
    canvas.setAxisLabels("log10 fit seconds (all folds)", direction.label("validation " + c.metric()));
    return canvas;
  }

  /** A candidate in the cost figure: fit time on a log scale (models differ by orders of magnitude), score. */
  private static double[] costPoint(double fitSeconds, double score) {
    return new double[] {Math.log10(Math.max(fitSeconds, 1e-3)), score};
  }

  private static final int ROW = 22;
  private static final int PAD = 12;
  private static final String[] HEADERS = {"rank", "candidate", "validation mean ± std", "train", "gap", "fit s",
      "MB", "best trial / members"};

  /**
   * The leaderboard as a table image {@code width} pixels wide (as tall as its rows need): every candidate,
   * best first, each model's swatch in its figure colour, an ensemble's cost as its members' sum ("Σ"), and the
   * paired comparison of the two best in words below.
   */
  static BufferedImage leaderboard(ComparedStudies c, String name, int width) {
    List<LeaderboardRow> rows = c.leaderboard();
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("comparison " + name + " has no complete trial to rank yet");
    }
    Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    Font bold = plain.deriveFont(Font.BOLD);
    // The sentence is wrapped to the width, so the height is known only after measuring it.
    String sentence = c.pairedBest().map(PairedFolds::sentence).orElse("");
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    List<String> words = wrap(sentence, probe.createGraphics().getFontMetrics(plain), width - 2 * PAD);
    int height = PAD + ROW * (rows.size() + 2) + ROW * words.size() + PAD;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.setFont(bold);
    int y = PAD + 14;
    g.drawString("Comparison " + name + ": " + c.direction().label(c.metric()) + ", every candidate on the same folds",
        PAD, y);
    // Column starts as fractions of the width: the members' list takes what is left.
    double[] at = {0, 0.05, 0.22, 0.42, 0.51, 0.59, 0.67, 0.75};
    int inner = width - 2 * PAD;
    y += ROW;
    for (int i = 0; i < HEADERS.length; i++) {
      g.drawString(HEADERS[i], PAD + (int) (at[i] * inner), y);
    }
    g.setStroke(new BasicStroke(1));
    g.drawLine(PAD, y + 6, width - PAD, y + 6);
    g.setFont(plain);
    for (int r = 0; r < rows.size(); r++) {
      LeaderboardRow row = rows.get(r);
      y += ROW;
      String[] cells = {String.valueOf(r + 1), row.label(),
          String.format(Locale.ROOT, "%.4f ± %.4f", row.validationMean(), row.validationStd()),
          number("%.4f", row.trainMean()), number("%.4f", row.gap()), row.costText("%.2f", row.fitSeconds()),
          row.costText("%.1f", row.megabytes()), row.trial().map(t -> "#" + t.number()).orElseGet(row::what)};
      g.setColor(row.isEnsemble() ? ENSEMBLE : colour(studyIndex(c, row.study())));
      int swatch = PAD + (int) (at[1] * inner);
      if (row.isEnsemble()) {
        g.fillPolygon(new int[] {swatch + 5, swatch + 10, swatch + 5, swatch}, new int[] {y - 10, y - 5, y, y - 5}, 4);
      } else {
        g.fillRect(swatch, y - 10, 10, 10);
      }
      g.setColor(Color.BLACK);
      for (int i = 0; i < cells.length; i++) {
        int x = PAD + (int) (at[i] * inner) + (i == 1 ? 14 : 0);
        g.drawString(fit(cells[i], g.getFontMetrics(), i + 1 < at.length ? (int) ((at[i + 1] - at[i]) * inner) - 8
            - (i == 1 ? 14 : 0) : width - PAD - x), x, y);
      }
    }
    y += ROW / 2;
    for (String line : words) {
      y += ROW;
      g.drawString(line, PAD, y);
    }
    g.dispose();
    return image;
  }

  private static int studyIndex(ComparedStudies c, String study) {
    for (int i = 0; i < c.studies().size(); i++) {
      if (c.studies().get(i).record().name().equals(study)) {
        return i;
      }
    }
    return 0;
  }

  private static String number(String format, double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
  }

  /** {@code text} cut with "..." to fit {@code room} pixels. */
  private static String fit(String text, FontMetrics m, int room) {
    if (m.stringWidth(text) <= room) {
      return text;
    }
    String cut = text;
    while (!cut.isEmpty() && m.stringWidth(cut + "...") > room) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "...";
  }

  /** {@code text} in lines no wider than {@code room} pixels, broken at spaces. */
  private static List<String> wrap(String text, FontMetrics m, int room) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (line.length() > 0 && m.stringWidth(line + " " + word) > room) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
