package org.tunescope.cli;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.tunescope.app.ViewedStudy;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.OptimisationHistory;
import org.tunescope.ml.tuning.ParetoFront;
import org.tunescope.ml.tuning.ValidationCurveModel;
import org.tunescope.store.StudyRecord;
import org.tunescope.store.StudyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import smile.plot.swing.Canvas;
import smile.plot.swing.Legend;
import smile.plot.swing.Line;
import smile.plot.swing.LinePlot;
import smile.plot.swing.Point;

/**
 * {@code tunescope report}: PNG figures of a stored study, drawn headless with smile-plot's Swing canvas:
 * the optimisation history, an overfitting curve per searched numeric parameter, and score against cost
 * with the Pareto front.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write PNG figures of a stored study: history, overfitting curves, cost and Pareto front.")
final class ReportCommand implements Callable<Integer> {

  private static final Color TRAIN = new Color(0xe8, 0x59, 0x0c);
  private static final Color VALIDATION = new Color(0x1c, 0x7e, 0xd6);

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "STUDY", arity = "0..1", description = "The study's name (see: tunescope studies).")
  String name;

  @Option(names = "--comparison", paramLabel = "NAME",
      description = "Draw a comparison instead (see: tunescope compare): each model's best so far, and every"
          + " model's trials against fit time with the Pareto front across models.")
  String comparison;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the PNG files.")
  Path out;

  @Option(names = "--width", defaultValue = "900", description = "Width in pixels (default: ${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--height", defaultValue = "600", description = "Height in pixels (default: ${DEFAULT-VALUE}).")
  int height;

  @Mixin
  StoreOption storeOption = new StoreOption();

  @Override
  public Integer call() throws IOException {
    if (width < 100 || height < 100) {
      throw new IllegalArgumentException("--width and --height must be at least 100 pixels");
    }
    if ((name == null) == (comparison == null)) {
      throw new IllegalArgumentException("give a STUDY or --comparison NAME (one of them)");
    }
    // Swing draws off screen: no display is needed, and none is opened.
    System.setProperty("java.awt.headless", "true");
    if (comparison != null) {
      return reportComparison();
    }
    try (StudyStore store = storeOption.open()) {
      StudyRecord record = store.get(name);
      List<Trial> trials = store.trials(name);
      Direction direction = Direction.valueOf(record.info().direction().toUpperCase(Locale.ROOT));
      if (trials.stream().noneMatch(Trial::isComplete)) {
        throw new IllegalArgumentException("study " + name + " has no complete trial to draw yet");
      }
      Files.createDirectories(out);
      List<Path> written = new ArrayList<>();
      written.add(write(history(trials, direction, record.info().metric()), "history.png"));
      written.add(write(cost(trials, direction, record.info().metric()), "cost.png"));
      // The space as the study declared it: an imported study's comes from its source, with its scales.
      ViewedStudy viewed = ViewedStudy.load(store, ModelCatalog.standard(), name);
      for (String parameter : viewed.curveParameters()) {
        Distribution searched = viewed.space().parameter(parameter).orElseThrow().distribution();
        if (!ViewedStudy.isNumeric(searched)) {
          continue;
        }
        ValidationCurveModel curve = ValidationCurveModel.of(trials, parameter, searched,
            viewed.complexity(parameter), direction);
        if (curve.points().size() >= 2) {
          written.add(write(curve(curve, direction.label(record.info().metric())),
              "curve-" + parameter.replaceAll("[^A-Za-z0-9._-]", "_") + ".png"));
        }
      }
      written.forEach(p -> spec.commandLine().getOut().println("wrote " + p));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  private int reportComparison() throws IOException {
    try (StudyStore store = storeOption.open()) {
      org.tunescope.store.ComparisonRecord c = store.findComparison(comparison).orElseThrow(() ->
          new IllegalArgumentException("no comparison named " + comparison + " in the store"));
      org.tunescope.app.compare.ComparedStudies compared;
      try {
        compared = org.tunescope.app.compare.ComparedStudies.loadComparison(store, ModelCatalog.standard(), c.name());
      } catch (org.tunescope.app.compare.ComparisonException e) {
        throw new IllegalArgumentException(e.getMessage()); // one line, as bad input: a member study was deleted
      }
      Files.createDirectories(out);
      List<Path> written = List.of(
          write(ComparisonReport.leaderboard(compared, c.name(), width), "comparison-leaderboard.png"),
          write(ComparisonReport.history(compared, c.name()), "comparison-history.png"),
          write(ComparisonReport.cost(compared, c.name()), "comparison-cost.png"));
      written.forEach(p -> spec.commandLine().getOut().println("wrote " + p));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  private Path write(Canvas canvas, String file) throws IOException {
    return write(canvas.toBufferedImage(width, height), file);
  }

  private Path write(java.awt.image.BufferedImage image, String file) throws IOException {
    Path target = out.resolve(file);
    ImageIO.write(image, "png", target.toFile());
    return target;
  }

  private static Canvas history(List<Trial> trials, Direction direction, String metric) {
    double[][] scores = trials.stream().filter(Trial::isComplete)
        .map(t -> new double[] {t.number(), t.validation().mean()}).toArray(double[][]::new);
    double[][] best = OptimisationHistory.bestSoFar(trials, direction, false).toArray(double[][]::new);
    Canvas canvas = new LinePlot(new Line[] {Line.of(best, Line.Style.SOLID, VALIDATION)},
        new Legend[] {new Legend("best so far", VALIDATION)}).canvas();
    canvas.add(new Point(scores, 'o', VALIDATION));
    canvas.setTitle("Optimisation history");
    canvas.setAxisLabels("trial number", direction.label("validation " + metric));
    return canvas;
  }

  private static Canvas cost(List<Trial> trials, Direction direction, String metric) {
    double[][] all = trials.stream().filter(Trial::isComplete)
        .map(t -> new double[] {t.fitSeconds(), t.validation().mean()}).toArray(double[][]::new);
    double[][] front = ParetoFront.of(trials, direction, Trial::fitSeconds).stream()
        .map(t -> new double[] {t.fitSeconds(), t.validation().mean()}).toArray(double[][]::new);
    Line frontLine = front.length >= 2 ? Line.of(front, Line.Style.SOLID, TRAIN) : Line.of(new double[][] {
        front[0], front[0]}, Line.Style.SOLID, TRAIN);
    Canvas canvas = new LinePlot(new Line[] {frontLine}, new Legend[] {new Legend("Pareto front", TRAIN)}).canvas();
    canvas.add(new Point(all, 'o', VALIDATION));
    canvas.setTitle("Score against fit time");
    canvas.setAxisLabels("fit seconds (all folds)", direction.label("validation " + metric));
    return canvas;
  }

  private static Canvas curve(ValidationCurveModel curve, String metric) {
    java.util.function.DoubleUnaryOperator x = v -> curve.isLog() ? Math.log10(v) : v;
    double[][] train = curve.points().stream().map(p -> new double[] {x.applyAsDouble(p.x()), p.train()})
        .toArray(double[][]::new);
    double[][] validation = curve.points().stream().map(p -> new double[] {x.applyAsDouble(p.x()), p.validation()})
        .toArray(double[][]::new);
    Canvas canvas = new LinePlot(
        new Line[] {Line.of(train, Line.Style.SOLID, TRAIN), Line.of(validation, Line.Style.SOLID, VALIDATION)},
        new Legend[] {new Legend("train", TRAIN), new Legend("validation", VALIDATION)}).canvas();
    canvas.add(band(curve, x, true, TRAIN));
    canvas.add(band(curve, x, false, VALIDATION));
    canvas.setTitle("Overfitting curve of " + curve.parameter());
    canvas.setAxisLabels(curve.isLog() ? "log10 " + curve.parameter() : curve.parameter(), metric);
    return canvas;
  }

  /** The ± one standard deviation edges of a curve, as dashed lines. */
  private static Line band(ValidationCurveModel curve, java.util.function.DoubleUnaryOperator x, boolean train,
      Color color) {
    List<double[]> edge = new ArrayList<>();
    for (ValidationCurveModel.Point p : curve.points()) {
      edge.add(new double[] {x.applyAsDouble(p.x()), train ? p.train() + p.trainStd() : p.validation() + p.validationStd()});
    }
    for (int i = curve.points().size() - 1; i >= 0; i--) {
      ValidationCurveModel.Point p = curve.points().get(i);
      edge.add(new double[] {x.applyAsDouble(p.x()), train ? p.train() - p.trainStd() : p.validation() - p.validationStd()});
    }
    return Line.of(edge.toArray(double[][]::new), Line.Style.DOT, color);
  }
}
