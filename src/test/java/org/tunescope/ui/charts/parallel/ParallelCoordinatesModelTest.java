package org.tunescope.ui.charts.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tunescope.ui.charts.parallel.ChartTrials.svm;
import static org.tunescope.ui.charts.parallel.ChartTrials.trial;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.Scale;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;

/** The parallel-coordinates model: scales, ticks, positions, colours, brushes, narrowing, axis order. */
class ParallelCoordinatesModelTest {

  private static List<String> labels(Scale s) {
    return s.ticks().stream().map(Scale.Tick::label).toList();
  }

  @Test
  void logAxesGetDecadeTicks() {
    Scale.Numeric c = new Scale.Numeric(1e-4, 10, true, false);
    assertEquals(List.of("1e-4", "0.001", "0.01", "0.1", "1", "10"), labels(c));
    assertEquals(0.0, c.toUnit(1e-4), 1e-12);
    assertEquals(0.8, c.toUnit(1.0), 1e-12);
    assertEquals(1.0, c.toUnit(10.0), 1e-12);
    assertEquals(0.01, c.fromUnit(c.toUnit(0.01)), 1e-15);
  }

  @Test
  void narrowLogAxesGetOneTwoFiveTicksAndWideOnesEveryKthDecade() {
    assertEquals(List.of("1", "2", "5", "10", "20"), labels(new Scale.Numeric(1, 30, true, false)));
    List<String> wide = labels(new Scale.Numeric(1e-10, 1e10, true, false));
    assertTrue(wide.size() <= 9 && wide.contains("1") && wide.contains("1e9"), wide.toString());
  }

  @Test
  void intAxesGetWholeNumberTicks() {
    assertEquals(List.of("1", "2", "3", "4", "5"), labels(new Scale.Numeric(1, 5, false, true)));
    List<String> depth = labels(new Scale.Numeric(1, 12, false, true));
    assertEquals(List.of("2", "4", "6", "8", "10", "12"), depth);
    new Scale.Numeric(1, 500, true, true).ticks().forEach(t -> assertTrue(t.label().matches("\\d+"), t.label()));
  }

  @Test
  void linearTicksAreRound() {
    assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"), labels(new Scale.Numeric(0, 1, false, false)));
    Scale.Numeric fit = Scale.Numeric.fitting(0.913, 0.978);
    assertTrue(fit.low() <= 0.913 && fit.high() >= 0.978, fit.toString());
    assertEquals(0.9, fit.low(), 1e-12);
    assertEquals(0.98, fit.high(), 1e-12);
  }

  @Test
  void categoriesAreEvenlySpaced() {
    Scale.Categorical k = new Scale.Categorical(List.of("linear", "rbf", "poly"));
    assertEquals(1 / 6.0, k.toUnit("linear"), 1e-12);
    assertEquals(0.5, k.toUnit("rbf"), 1e-12);
    assertEquals(5 / 6.0, k.toUnit("poly"), 1e-12);
    assertTrue(Double.isNaN(k.toUnit("sigmoid")));
    assertEquals(List.of("linear", "rbf", "poly"), labels(k));
  }

  @Test
  void aTrialWithoutACategoricalParameterIsNaOnItsAxis() {
    assertTrue(Double.isNaN(new Scale.Categorical(List.of("linear", "rbf")).toUnit(null)));
    // A run starts (or a study opens): the chart gets the new study's space while the list still holds
    // the previous study's trials, which have no kernel: they sit at n/a instead of throwing.
    var m = new ParallelCoordinatesModel(ChartTrials.svmLike(), Direction.MAXIMIZE);
    m.setTrials(ChartTrials.randomFour(4, 2));
    assertEquals(4, m.size());
    for (int i = 0; i < m.size(); i++) {
      assertTrue(Double.isNaN(m.position(i, m.axis("kernel").orElseThrow())));
    }
    assertEquals("trial 0\nkernel: n/a", m.describe(0).lines().limit(2).collect(Collectors.joining("\n")));
  }

  @Test
  void axesAreTheVariedParametersThenTheScores() {
    var m = new ParallelCoordinatesModel(ChartTrials.svmLike(), Direction.MAXIMIZE);
    assertEquals(List.of("kernel", "C", "gamma", "depth", "train", "validation", "gap"),
        m.axes().stream().map(Axis::name).toList());
  }

  @Test
  void trialsAreNormalisedAndInactiveParametersAreNa() {
    var m = new ParallelCoordinatesModel(ChartTrials.svmLike(), Direction.MAXIMIZE);
    m.setTrials(List.of(trial(0, svm("rbf", 1.0, 0.01, 12), 1.0, 0.9), trial(1, svm("linear", 0.01, null, 1), 0.8, 0.7),
        ChartTrials.running(2, svm("poly", 10, null, 3))));
    assertEquals(2, m.size(), "running trials get no line");
    Axis c = m.axis("C").orElseThrow();
    assertEquals(0.4, m.position(0, c), 1e-6);
    assertEquals(0.0, m.position(1, c), 1e-6);
    Axis gamma = m.axis("gamma").orElseThrow();
    assertEquals(0.4, m.position(0, gamma), 1e-6);
    assertTrue(Double.isNaN(m.position(1, gamma)), "gamma does not apply to a linear kernel: n/a");
    assertEquals(1.0, m.position(0, m.axis("depth").orElseThrow()), 1e-6);
    for (int i = 0; i < m.size(); i++) {
      for (Axis a : m.axes()) {
        double u = m.position(i, a);
        assertTrue(Double.isNaN(u) || u >= 0 && u <= 1, a + " " + u);
      }
    }
    assertEquals(0, m.best().getAsInt());
    PlotGeometry g = new PlotGeometry(new double[] {0, 100}, 10, 200);
    assertEquals(g.bottom() + PlotGeometry.NA_OFFSET, g.y(Double.NaN), 1e-9, "n/a sits below the axis");
  }

  @Test
  void coloursRunDarkToBrightTowardsTheBestWhateverTheDirection() {
    assertEquals(0x440154, Viridis.rgb(0));
    assertEquals(0xFDE725, Viridis.rgb(1));
    assertEquals(0xFDE725, Viridis.rgb(2), "clamped");
    List<Trial> ts = List.of(trial(0, svm("rbf", 1, 0.1, 3), 0.9, 0.5), trial(1, svm("rbf", 1, 0.1, 3), 0.9, 0.9));
    var max = new ParallelCoordinatesModel(ChartTrials.svmLike(), Direction.MAXIMIZE);
    max.setTrials(ts);
    assertTrue(max.colourValue(1) > max.colourValue(0));
    assertEquals(1, max.best().getAsInt());
    var min = new ParallelCoordinatesModel(ChartTrials.svmLike(), Direction.MINIMIZE);
    min.setTrials(ts);
    assertTrue(min.colourValue(0) > min.colourValue(1), "minimising: the low score is bright");
    assertEquals(0, min.best().getAsInt());
    assertEquals(1.0, min.colourValue(0), 1e-6);
    assertEquals(0.0, min.colourValue(1), 1e-6);
  }

  @Test
  void aBrushKeepsExactlyTheTrialsInsideAndSeveralBrushesCombine() {
    var m = new ParallelCoordinatesModel(ChartTrials.svmLike(), Direction.MAXIMIZE);
    List<Trial> ts = ChartTrials.randomSvm(500, 7);
    m.setTrials(ts);
    assertEquals(500, m.keptCount());
    m.setBrushValues("C", 0.1, 10);
    List<Trial> expected = ts.stream().filter(t -> (double) t.params().get("C") >= 0.1 - 1e-9
        && (double) t.params().get("C") <= 10 + 1e-9).toList();
    assertEquals(numbers(expected), numbers(m.kept()));
    assertEquals(expected.size(), m.keptCount());
    m.setBrushValues("validation", 0.8, 1.0);
    expected = expected.stream().filter(t -> t.validation().mean() >= 0.8 - 1e-6).toList();
    assertEquals(numbers(expected), numbers(m.kept()), "brushes combine with AND");
    Axis kernel = m.axis("kernel").orElseThrow();
    m.setBrush("kernel", 0.4, 0.6);
    expected = expected.stream().filter(t -> t.params().get("kernel").equals("rbf")).toList();
    assertEquals(numbers(expected), numbers(m.kept()));
    m.setBrush("gamma", 0, 1);
    assertEquals(expected.size(), m.keptCount(), "only rbf trials left, all of which have a gamma");
    m.clearBrushes();
    assertEquals(500, m.keptCount());
    assertEquals(kernel, m.axis("kernel").orElseThrow());
  }

  private static List<Integer> numbers(List<Trial> ts) {
    return ts.stream().map(Trial::number).sorted().collect(Collectors.toList());
  }

  @Test
  void narrowingGoesBackToParameterUnits() {
    var m = new ParallelCoordinatesModel(ChartTrials.svmLike(), Direction.MAXIMIZE);
    m.setTrials(ChartTrials.randomSvm(50, 1));
    m.setBrush("C", 0.2, 0.6); // log10 C in [-2, 3]: 0.2 -> 10^-1, 0.6 -> 10^1
    m.setBrush("depth", 0.3, 0.5); // 1 + 11u: 4.3 .. 6.5 -> 4 .. 7 rounded outward
    m.setBrush("kernel", 0.0, 0.6);
    Map<String, Distribution> ranges = m.narrowedRanges();
    assertEquals(List.of("kernel", "C", "depth"), List.copyOf(ranges.keySet()), "only the brushed parameters");
    Distribution.FloatRange c = (Distribution.FloatRange) ranges.get("C");
    assertEquals(0.1, c.low(), 1e-12);
    assertEquals(10, c.high(), 1e-9);
    assertTrue(c.log());
    assertEquals(new Distribution.IntRange(4, 7, false), ranges.get("depth"));
    assertEquals(new Distribution.Choice(List.of("linear", "rbf")), ranges.get("kernel"));
    m.setBrush("kernel", 0.4, 0.6);
    assertEquals(new Distribution.Fixed("rbf"), m.narrowedRanges().get("kernel"));
  }

  @Test
  void aBrushedScoreNarrowsEveryParameterToTheValuesItsKeptTrialsUsed() {
    var m = new ParallelCoordinatesModel(ChartTrials.svmLike(), Direction.MAXIMIZE);
    m.setTrials(List.of(trial(0, svm("rbf", 0.5, 0.01, 4), 1.0, 0.95), trial(1, svm("poly", 20, null, 9), 0.99, 0.93),
        trial(2, svm("linear", 300, null, 1), 0.8, 0.7), ChartTrials.failed(3, svm("linear", 0.02, null, 12))));
    assertFalse(m.canNarrow(), "nothing brushed");
    m.setBrushValues("validation", 0.9, 1.0);
    assertTrue(m.canNarrow());
    Map<String, Distribution> ranges = m.narrowedRanges();
    assertEquals(List.of("kernel", "C", "gamma", "depth"), List.copyOf(ranges.keySet()));
    assertEquals(new Distribution.Choice(List.of("rbf", "poly")), ranges.get("kernel"));
    assertEquals(new Distribution.FloatRange(0.5, 20, true), ranges.get("C"));
    assertEquals(new Distribution.Fixed(0.01), ranges.get("gamma"), "one kept trial has a gamma");
    assertEquals(new Distribution.IntRange(4, 9, false), ranges.get("depth"));
    // A parameter brush still gives its brush; the others follow the trials both brushes keep.
    m.setBrush("kernel", 0.4, 0.6);
    ranges = m.narrowedRanges();
    assertEquals(new Distribution.Fixed("rbf"), ranges.get("kernel"));
    assertEquals(new Distribution.Fixed(4L), ranges.get("depth"));
    m.clearBrush("kernel");
    m.setBrushValues("validation", 0.75, 0.9);
    assertEquals(0, m.keptCount());
    assertFalse(m.canNarrow(), "a score brush that keeps nothing gives nothing to narrow to");
    assertTrue(m.narrowedRanges().isEmpty());
  }

  @Test
  void axesMove() {
    var m = new ParallelCoordinatesModel(ChartTrials.svmLike(), Direction.MAXIMIZE);
    m.setTrials(ChartTrials.randomSvm(20, 3));
    double before = m.position(5, m.axis("C").orElseThrow());
    m.moveAxis(1, 5);
    assertEquals(List.of("kernel", "gamma", "depth", "train", "validation", "C", "gap"),
        m.axes().stream().map(Axis::name).toList());
    assertEquals(before, m.position(5, m.axis("C").orElseThrow()), "positions follow the axis");
    m.moveAxis(5, 0);
    assertEquals("C", m.axes().get(0).name());
  }

  @Test
  void liveTrialsAreAddedWithoutMovingTheOthersUntilAScoreAxisMustWiden() {
    var m = new ParallelCoordinatesModel(ChartTrials.svmLike(), Direction.MAXIMIZE);
    m.setTrials(List.of(trial(0, svm("rbf", 1, 0.1, 3), 0.95, 0.90), trial(1, svm("rbf", 1, 0.1, 3), 0.99, 0.80)));
    assertFalse(m.add(trial(2, svm("poly", 10, null, 5), 0.96, 0.85)), "inside the current scales");
    assertEquals(3, m.size());
    assertFalse(m.add(ChartTrials.running(3, svm("poly", 10, null, 5))));
    assertEquals(3, m.size());
    assertTrue(m.add(trial(3, svm("poly", 10, null, 5), 0.6, 0.5)), "a worse score widens the axes");
    Scale.Numeric v = (Scale.Numeric) m.axis("validation").orElseThrow().scale();
    assertTrue(v.low() <= 0.5);
    assertEquals(0, m.best().getAsInt());
    m.add(ChartTrials.failed(4, svm("rbf", 1, 0.1, 3)));
    assertEquals(5, m.visibleCount());
    m.setIncludeIncomplete(false);
    assertEquals(4, m.visibleCount());
    assertEquals(4, m.keptCount());
  }

  @Test
  void theNearestLineIsFoundFromPixels() {
    var m = new ParallelCoordinatesModel(ChartTrials.svmLike(), Direction.MAXIMIZE);
    m.setTrials(ChartTrials.randomSvm(100, 5));
    double[] xs = new double[m.axes().size()];
    for (int k = 0; k < xs.length; k++) {
      xs[k] = 50 + 100 * k;
    }
    PlotGeometry g = new PlotGeometry(xs, 20, 400);
    int target = 42;
    double y0 = g.y(m.position(target, m.axes().get(1)));
    double y1 = g.y(m.position(target, m.axes().get(2)));
    assertEquals(target, m.nearest(g, 200, (y0 + y1) / 2 + 0.3, 6).orElseThrow() == target ? target
        : m.nearest(g, 200, (y0 + y1) / 2, 6).orElseThrow());
  }

  @Test
  void noAxisForAParameterNoTrialCanHave() {
    // kernel fixed at rbf: gamma applies, a poly-only degree never does; a searched kernel keeps degree
    SearchSpace rbfOnly = new SearchSpace(List.of(
        org.tunescope.engine.space.SearchParameter.of("kernel", new Distribution.Fixed("rbf")),
        org.tunescope.engine.space.SearchParameter.of("C", new Distribution.FloatRange(0.01, 1000, true)),
        new org.tunescope.engine.space.SearchParameter("gamma", new Distribution.FloatRange(1e-4, 10, true),
            java.util.Optional.of(org.tunescope.engine.space.Condition.when("kernel", "rbf"))),
        new org.tunescope.engine.space.SearchParameter("degree", new Distribution.IntRange(2, 5, false),
            java.util.Optional.of(org.tunescope.engine.space.Condition.when("kernel", "poly")))));
    List<String> names = new ParallelCoordinatesModel(rbfOnly, Direction.MAXIMIZE).axes().stream()
        .map(Axis::name).toList();
    assertEquals(List.of("C", "gamma", "train", "validation", "gap"), names);
    SearchSpace searched = rbfOnly.with("kernel", new Distribution.Choice(List.of("rbf", "poly")));
    assertTrue(new ParallelCoordinatesModel(searched, Direction.MAXIMIZE).axes().stream()
        .anyMatch(a -> a.name().equals("degree")), "degree stays when poly can be drawn");
  }

  private static List<String> shown(ParallelCoordinatesModel m) {
    return m.axes().stream().map(Axis::name).toList();
  }

  @Test
  void hiddenAxesLeaveTheDisplayAndTheirBrushAndComeBackInTheirPlace() {
    var m = new ParallelCoordinatesModel(ChartTrials.svmLike(), Direction.MAXIMIZE);
    m.setTrials(ChartTrials.randomSvm(50, 3));
    m.setBrush("C", 0.2, 0.6);
    assertTrue(m.keptCount() < 50);
    m.setHidden(java.util.Set.of("C", "gap", "not-an-axis"));
    assertEquals(List.of("kernel", "gamma", "depth", "train", "validation"), shown(m));
    assertTrue(m.brushes().isEmpty(), "a hidden axis keeps no brush");
    assertEquals(50, m.keptCount());
    m.moveAxis(4, 0);
    m.setHidden(java.util.Set.of());
    assertEquals(List.of("validation", "kernel", "C", "gamma", "depth", "train", "gap"), shown(m));
    m.setHidden(m.allAxes().stream().map(Axis::name).toList());
    assertEquals(1, m.axes().size(), "one axis always stays");
  }

  @Test
  void aRememberedOrderArrangesTheAxesItNamesAmongThemselves() {
    var m = new ParallelCoordinatesModel(ChartTrials.svmLike(), Direction.MAXIMIZE);
    // from another study: validation before C, and a parameter this study does not have
    m.arrange(List.of("validation", "max_depth", "C"));
    assertEquals(List.of("kernel", "validation", "gamma", "depth", "train", "C", "gap"), shown(m));
    m.moveAxis(0, 6);
    assertEquals(List.of("validation", "gamma", "depth", "train", "C", "gap", "kernel"), m.arrangementNames());
  }
}
