package org.tunescope.ui.charts.parallel;

import org.tunescope.engine.space.Scale;
import org.tunescope.ui.Contrast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tunescope.ui.charts.parallel.ChartTrials.svm;
import static org.tunescope.ui.charts.parallel.ChartTrials.trial;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;
import org.tunescope.ui.Notifications;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.run.RunViewModel;
import org.tunescope.ui.run.TrialsTable;

/**
 * Drives the real chart (headless under Monocle) beside the trials table, both bound to one
 * {@link RunViewModel} as in the main window: brushing with the mouse, dragging an axis title, clicking
 * a line, and trials arriving live.
 */
@ExtendWith(ApplicationExtension.class)
class ParallelCoordinatesChartTest {

  private RunViewModel run;
  private ParallelCoordinatesChart chart;
  private TableView<Trial> table;
  private final List<Map<String, Distribution>> narrowed = new ArrayList<>();

  @Start
  void start(Stage stage) {
    run = new RunViewModel(UiScheduler.fx(), new Notifications());
    table = new TableView<>();
    new TrialsTable(table, run);
    chart = new ParallelCoordinatesChart();
    chart.spaceProperty().set(ChartTrials.svmLike());
    chart.directionProperty().set(Direction.MAXIMIZE);
    chart.trialsProperty().set(run.trials());
    chart.selectedTrialProperty().bindBidirectional(run.selectedTrialProperty());
    chart.onNarrowProperty().set(narrowed::add);
    table.setPrefHeight(150);
    BorderPane root = new BorderPane(chart, null, null, table, null);
    stage.setScene(new Scene(root, 1200, 760));
    // The primary stage is shared by the test classes: one that resized it (LabViewTest's minimum size)
    // would otherwise leave its size to this one, which measures the chart's layout in pixels.
    stage.setWidth(1200);
    stage.setHeight(760);
    stage.show();
  }

  private ParallelCoordinatesSkin skin() {
    return (ParallelCoordinatesSkin) chart.getSkin();
  }

  private Point2D screen(double x, double y) {
    return skin().interactionCanvas().localToScreen(x, y);
  }

  private void fill(FxRobot robot, List<Trial> trials) {
    robot.interact(() -> run.trials().setAll(trials));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void aBrushDraggedAlongAnAxisKeepsExactlyTheTrialsInsideIt(FxRobot robot) {
    fill(robot, ChartTrials.randomSvm(300, 11));
    ParallelCoordinatesModel m = chart.getModel();
    PlotGeometry g = skin().geometry();
    int k = skin().indexOf("C");
    double x = g.axisX()[k];
    robot.drag(screen(x, g.y(0.75)), MouseButton.PRIMARY).moveTo(screen(x, g.y(0.35))).release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();

    ParallelCoordinatesModel.Interval b = m.brush("C").orElseThrow();
    assertEquals(0.75, b.hi(), 0.02);
    assertEquals(0.35, b.lo(), 0.02);
    Axis c = m.axis("C").orElseThrow();
    List<Integer> inside = run.trials().stream()
        .filter(t -> { double u = c.scale().toUnit(t.params().get("C")); return u >= b.lo() && u <= b.hi(); })
        .map(Trial::number).sorted().toList();
    assertTrue(inside.size() > 50 && inside.size() < 250, "a real cut: " + inside.size());
    assertEquals(inside, m.kept().stream().map(Trial::number).sorted().toList());
    assertEquals(inside.size(), chart.getKeptCount());
    assertTrue(robot.lookup(".kept-count").queryAs(Label.class).getText().startsWith(inside.size() + " of 300"));

    // Drag inside the brush: it moves, keeping its height.
    double mid = g.y((b.lo() + b.hi()) / 2);
    robot.drag(screen(x, mid), MouseButton.PRIMARY).moveTo(screen(x, mid + 0.1 * g.height()))
        .release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    ParallelCoordinatesModel.Interval moved = m.brush("C").orElseThrow();
    assertEquals(b.lo() - 0.1, moved.lo(), 0.02);
    assertEquals(b.hi() - b.lo(), moved.hi() - moved.lo(), 0.01);

    // Drag its top end: it resizes.
    robot.drag(screen(x, g.y(moved.hi())), MouseButton.PRIMARY).moveTo(screen(x, g.y(0.9)))
        .release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(0.9, m.brush("C").orElseThrow().hi(), 0.02);
    assertEquals(moved.lo(), m.brush("C").orElseThrow().lo(), 1e-9);

    // A second brush on validation combines with the first.
    int kv = skin().indexOf("validation");
    double xv = g.axisX()[kv];
    robot.drag(screen(xv, g.y(1.0) + 2), MouseButton.PRIMARY).moveTo(screen(xv, g.y(0.5)))
        .release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    ParallelCoordinatesModel.Interval cb = m.brush("C").orElseThrow();
    ParallelCoordinatesModel.Interval vb = m.brush("validation").orElseThrow();
    Axis v = m.axis("validation").orElseThrow();
    List<Integer> both = run.trials().stream().filter(t -> {
      double u = c.scale().toUnit(t.params().get("C"));
      double w = ((Scale.Numeric) v.scale()).toUnit(t.validation().mean());
      return u >= cb.lo() && u <= cb.hi() && w >= vb.lo() && w <= vb.hi();
    }).map(Trial::number).sorted().toList();
    assertEquals(both, m.kept().stream().map(Trial::number).sorted().toList());

    // Narrow the search: the callback gets C's brushed range in C's units, on its log scale.
    robot.clickOn(".narrow-search");
    assertEquals(1, narrowed.size());
    Distribution.FloatRange range = (Distribution.FloatRange) narrowed.get(0).get("C");
    assertTrue(range.log());
    assertEquals(Math.pow(10, -2 + 5 * cb.lo()), range.low(), range.low() * 1e-6);

    // A double-click on the axis clears its brush.
    robot.doubleClickOn(screen(xv, g.y(0.2)));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(m.brush("validation").isEmpty());
    robot.clickOn(".clear-brushes");
    assertEquals(300, chart.getKeptCount());
  }

  @Test
  void brushingOnlyTheValidationAxisNarrowsToTheParametersOfTheTrialsItKeeps(FxRobot robot) {
    fill(robot, ChartTrials.randomSvm(200, 4));
    javafx.scene.control.Button narrow = robot.lookup(".narrow-search").queryButton();
    assertTrue(narrow.isDisabled(), "nothing brushed yet");
    PlotGeometry g = skin().geometry();
    double xv = g.axisX()[skin().indexOf("validation")];
    robot.drag(screen(xv, g.y(1.0) + 2), MouseButton.PRIMARY).moveTo(screen(xv, g.y(0.7)))
        .release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    List<Trial> kept = chart.getModel().kept();
    assertTrue(kept.size() > 10 && kept.size() < 150, "a real cut: " + kept.size());
    assertTrue(!narrow.isDisabled(), "the best scores brushed: narrowing to their trials is possible");
    robot.clickOn(".narrow-search");
    assertEquals(1, narrowed.size());
    Distribution.FloatRange c = (Distribution.FloatRange) narrowed.get(0).get("C");
    assertEquals(kept.stream().mapToDouble(t -> (double) t.params().get("C")).min().orElseThrow(), c.low(), 0);
    assertEquals(kept.stream().mapToDouble(t -> (double) t.params().get("C")).max().orElseThrow(), c.high(), 0);
    assertTrue(c.log());
    Distribution.IntRange depth = (Distribution.IntRange) narrowed.get(0).get("depth");
    assertEquals(kept.stream().mapToLong(t -> (long) t.params().get("depth")).min().orElseThrow(), depth.low());
  }

  @Test
  void longAxisTitlesNeverOverlapEachOtherNorTheTicksAndKeepTheirWholeNameInATooltip(FxRobot robot) {
    robot.interact(() -> chart.spaceProperty().set(ChartTrials.forestLike()));
    fill(robot, ChartTrials.randomForest(50, 3));
    for (double width : new double[] {1200, 800, 560}) {
      robot.interact(() -> {
        chart.setMaxWidth(width);
        chart.getParent().layout();
      });
      WaitForAsyncUtils.waitForFxEvents();
      robot.interact(() -> {
        List<Label> titles = robot.lookup(".axis-title").queryAllAs(Label.class).stream()
            .sorted(java.util.Comparator.comparingDouble(Label::getLayoutX)).toList();
        assertEquals(10, titles.size());
        double top = skin().geometry().top();
        for (int i = 0; i < titles.size(); i++) {
          Label t = titles.get(i);
          javafx.geometry.Bounds b = t.getBoundsInParent();
          assertTrue(b.getMaxY() <= top - 6, width + ": " + t.getText() + " clear of the top tick labels");
          assertTrue(b.getMinX() >= 0 && b.getMaxX() <= chart.getWidth(), width + ": " + t.getText() + " inside");
          assertTrue(t.getTooltip().getText().startsWith(t.getText().replace("...", "")), t.getTooltip().getText());
          assertTrue(t.getWidth() >= Math.min(t.prefWidth(-1), 36), width + ": " + t.getText() + " still legible");
          for (int j = i + 1; j < titles.size(); j++) {
            assertTrue(!b.intersects(titles.get(j).getBoundsInParent()),
                width + ": " + t.getText() + " overlaps " + titles.get(j).getText());
          }
        }
        if (width == 800) {
          titles.forEach(t -> assertEquals(t.prefWidth(-1), t.getWidth(), 0.5, "staggered, every name whole"));
        }
      });
    }
  }

  @Test
  void theNaMarkAndTheTickLabelsSitOnBoxesClearOfEachOtherAndOfTheLinesInTheDarkTheme(FxRobot robot) {
    robot.interact(() -> org.tunescope.ui.Theme.apply(chart.getScene(), org.tunescope.ui.Theme.DARK));
    // Bright lines: every score near the top of the colour map but one.
    List<Trial> trials = new ArrayList<>(ChartTrials.randomSvm(250, 8).stream()
        .map(t -> trial(t.number(), t.params(), 1.0, 0.95 + 0.04 * (t.number() % 10) / 10.0)).toList());
    trials.add(trial(250, svm("rbf", 1, 0.1, 3), 0.6, 0.5));
    fill(robot, trials);
    awaitLines();
    int c = skin().indexOf("C");
    int gamma = skin().indexOf("gamma");
    javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
    List<javafx.geometry.Rectangle2D>[] boxes = new List[2];
    Label[] probe = new Label[1];
    robot.interact(() -> {
      shot[0] = skin().interactionCanvas().getParent().snapshot(null, null);
      boxes[0] = skin().labelBoxes(c);
      boxes[1] = skin().labelBoxes(gamma);
    });
    // "n/a" under gamma's axis is its last box: clear of the tick labels by a few pixels.
    javafx.geometry.Rectangle2D na = boxes[1].get(boxes[1].size() - 1);
    for (javafx.geometry.Rectangle2D tick : boxes[1].subList(0, boxes[1].size() - 1)) {
      assertTrue(na.getMinY() - tick.getMaxY() >= 4, "n/a " + na + " too close to the tick " + tick);
    }
    javafx.scene.image.PixelReader px = shot[0].getPixelReader();
    Color text = chart.palette().color(ParallelCoordinatesChart.TEXT);
    int lineColoured = 0;
    for (javafx.geometry.Rectangle2D box : boxes[0]) {
      javafx.scene.text.Text measured = new javafx.scene.text.Text("0.01");
      measured.setFont(javafx.scene.text.Font.font(10.5));
      assertTrue(box.getHeight() >= measured.getLayoutBounds().getHeight() - 1, "the box holds the text");
      for (int y = (int) Math.ceil(box.getMinY()); y < (int) box.getMaxY(); y++) {
        for (int x = (int) Math.ceil(box.getMinX()); x < (int) box.getMaxX(); x++) {
          Color p = px.getColor(x, y);
          double spread = Math.max(p.getRed(), Math.max(p.getGreen(), p.getBlue()))
              - Math.min(p.getRed(), Math.min(p.getGreen(), p.getBlue()));
          lineColoured += spread > 0.3 ? 1 : 0;
        }
      }
      // The box's own colour, beside the text: the tick label reads on it.
      Color behind = px.getColor((int) Math.ceil(box.getMinX()), (int) Math.round(box.getMinY() + box.getHeight() / 2));
      assertTrue(Contrast.ratio(text, behind) >= 4.5, "contrast " + Contrast.ratio(text, behind) + " of " + text + " on " + behind);
    }
    assertEquals(0, lineColoured, "pixels of bright lines showing through the tick labels of C");
  }


  @Test
  void draggingAnAxisTitleSidewaysMovesTheAxis(FxRobot robot) {
    fill(robot, ChartTrials.randomSvm(40, 2));
    PlotGeometry g = skin().geometry();
    assertEquals(1, skin().indexOf("C"));
    Label title = robot.lookup("#axis-title-C").queryAs(Label.class);
    double targetX = g.axisX()[skin().indexOf("train")];
    Point2D to = screen(targetX, 16);
    robot.drag(title, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of("kernel", "gamma", "depth", "train", "C", "validation", "gap"),
        chart.getModel().axes().stream().map(Axis::name).toList());
    assertEquals(4, skin().indexOf("C"));
  }

  @Test
  void aClickOnALineSelectsThatTrialInTheRunAndTheTable(FxRobot robot) {
    fill(robot, ChartTrials.randomSvm(25, 4));
    ParallelCoordinatesModel m = chart.getModel();
    PlotGeometry g = skin().geometry();
    int left = skin().indexOf("depth");
    Axis a = m.axes().get(left);
    Axis b = m.axes().get(left + 1);
    double x = (g.axisX()[left] + g.axisX()[left + 1]) / 2;
    Integer target = null;
    double y = 0;
    for (int i = 0; i < m.size() && target == null; i++) {
      double yi = (g.y(m.position(i, a)) + g.y(m.position(i, b))) / 2;
      OptionalInt nearest = m.nearest(g, x, yi, 6);
      if (nearest.isPresent() && nearest.getAsInt() == i && m.nearest(g, x, yi - 3, 6).orElse(-1) == i) {
        target = m.trial(i).number();
        y = yi;
      }
    }
    assertNotNull(target, "some line is alone at the middle of a segment");
    robot.clickOn(screen(x, y));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(target, run.selectedTrialProperty().get());
    assertEquals(target, chart.selectedTrialProperty().get());
    assertEquals(target.intValue(), table.getSelectionModel().getSelectedItem().number());

    // Selection from outside reaches the chart.
    robot.interact(() -> table.getSelectionModel().select(3));
    assertEquals(table.getItems().get(3).number(), chart.selectedTrialProperty().get());
  }

  @Test
  void finishedTrialsAddLinesLiveWithoutRedrawingTheOthers(FxRobot robot) {
    fill(robot, List.of(trial(0, svm("rbf", 1, 0.1, 3), 0.99, 0.95), trial(1, svm("linear", 0.1, null, 8), 0.80, 0.70)));
    assertEquals(2, skin().renderer().drawnLines);
    int full = skin().renderer().fullRedraws;

    robot.interact(() -> run.trials().add(ChartTrials.running(2, svm("poly", 10, null, 5))));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(2, skin().renderer().drawnLines, "a running trial has no line yet");
    robot.interact(() -> run.trials().set(2, trial(2, svm("poly", 10, null, 5), 0.9, 0.8)));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(3, skin().renderer().drawnLines, "it appears when it finishes");
    for (int n = 3; n < 8; n++) {
      int number = n;
      robot.interact(() -> run.trials().add(trial(number, svm("rbf", 1, 0.01, 4), 0.81 + number * 0.01, 0.75 + number * 0.01)));
      WaitForAsyncUtils.waitForFxEvents();
    }
    assertEquals(8, skin().renderer().drawnLines);
    assertEquals(full, skin().renderer().fullRedraws, "scores inside the axes: only the new lines were drawn");
    assertTrue(skin().renderer().incrementalDraws >= 6);

    robot.interact(() -> run.trials().add(trial(8, svm("rbf", 1, 0.01, 4), 0.6, 0.4)));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(9, skin().renderer().drawnLines);
    assertTrue(skin().renderer().fullRedraws > full, "a score outside the axes rescales and redraws");

    robot.interact(() -> run.trials().add(ChartTrials.failed(9, svm("rbf", 1, 0.01, 4))));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(10, skin().renderer().drawnLines, "failed trials drawn dashed");
    robot.clickOn(".show-incomplete");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(9, skin().renderer().drawnLines, "or hidden");
  }

  @Test
  void aStudyLoadedOverAnotherWithTheSameTrialNumbersRebuildsTheLinesOnce(FxRobot robot) {
    fill(robot, ChartTrials.randomSvm(200, 11));
    long rebuilds = chart.getModel().rebuildCount();
    List<Trial> other = ChartTrials.randomSvm(200, 12);
    robot.interact(() -> run.trials().setAll(other));
    WaitForAsyncUtils.waitForFxEvents();

    ParallelCoordinatesModel m = chart.getModel();
    assertEquals(rebuilds + 1, m.rebuildCount(), "one rebuild, not one per replaced trial");
    assertEquals(200, m.size());
    for (int line = 0; line < m.size(); line++) {
      assertEquals(other.get(line), m.trial(line), "the new study's trials, in order");
    }
    assertEquals(200, skin().renderer().drawnLines);
  }

  @Test
  void aStudyGrowingPastThreeHundredTrialsKeepsEveryLineWhenItsDrawingChanges(FxRobot robot) {
    List<Trial> trials = ChartTrials.randomSvm(310, 13);
    fill(robot, trials.subList(0, 295));
    assertEquals(295, skin().renderer().drawnLines);
    int full = skin().renderer().fullRedraws;
    for (int n = 295; n < 310; n++) {
      Trial t = trials.get(n);
      robot.interact(() -> run.trials().add(t));
    }
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(310, skin().renderer().drawnLines, "every trial has its line");
    assertTrue(skin().renderer().fullRedraws > full, "counted from 301 trials on: redrawn once that way");

    // The counted drawing follows brushes as the blended one did.
    robot.interact(() -> chart.brush(ParallelCoordinatesModel.VALIDATION, 0.0, 0.5));
    WaitForAsyncUtils.waitForFxEvents();
    ParallelCoordinatesModel m = chart.getModel();
    assertTrue(m.keptCount() > 0 && m.keptCount() < 310);
    assertEquals(310, skin().renderer().drawnLines);
  }

  @Test
  void aResizedChartShowsItsLinesOnTheNewAxesAtOnceThenRedrawsThemAtTheNewSize(FxRobot robot) {
    fill(robot, ChartTrials.randomSvm(2000, 17));
    awaitLines();
    robot.interact(() -> {
      double[] before = skin().geometry().axisX();
      chart.setMaxWidth(chart.getWidth() - 300);
      chart.getParent().layout();
      // In the same layout pass, before the background redraw can be shown: the picture drawn for the old
      // size is stretched so that its first and last axes land on the new ones.
      double[] after = skin().geometry().axisX();
      assertTrue(after[after.length - 1] < before[before.length - 1] - 250, "the axes moved");
      javafx.scene.image.ImageView view = skin().linesView();
      double scale = view.getFitWidth() / view.getViewport().getWidth();
      assertEquals(after[0], view.getLayoutX() + before[0] * scale, 0.5);
      assertEquals(after[after.length - 1], view.getLayoutX() + before[before.length - 1] * scale, 0.5);
    });
    awaitLines();
    robot.interact(() -> {
      javafx.scene.image.ImageView view = skin().linesView();
      assertEquals(0, view.getFitWidth(), "then drawn at the new size, shown as drawn");
      assertEquals(Math.ceil(skin().interactionCanvas().getWidth()), view.getViewport().getWidth());
      assertEquals(0, view.getLayoutX());
    });
  }

  @Test
  void aResizeAloneIsNotDrawnCoarseFirstButABrushChangedWithItIs(FxRobot robot) {
    fill(robot, ChartTrials.randomSvm(10_000, 19));
    awaitLines();
    long coarse = skin().renderer().layers.coarsePasses();
    assertTrue(coarse > 0, "10,000 lines loaded: a coarse picture first");
    robot.interact(() -> {
      chart.setMaxWidth(chart.getWidth() - 200);
      chart.getParent().layout();
    });
    awaitLines();
    assertEquals(coarse, skin().renderer().layers.coarsePasses(), "only resized: the stretched picture stands in, then the sharp one");
    robot.interact(() -> {
      chart.brush(ParallelCoordinatesModel.VALIDATION, 0.0, 0.5);
      chart.setMaxWidth(chart.getWidth() + 100);
      chart.getParent().layout();
    });
    awaitLines();
    assertTrue(skin().renderer().layers.coarsePasses() > coarse, "brushed as well: the old picture is not stretched, drawn anew");
  }

  @Test
  void atAUiScaleOfTwoOrOneAndAHalfTheLinesAreDrawnAtTheScreensPixelDensityNotStretched(FxRobot robot) {
    fill(robot, ChartTrials.randomSvm(200, 23));
    for (double scale : new double[] {2, 1.5}) {
      robot.interact(() -> chart.renderScaleProperty().set(scale));
      awaitLines();
      robot.interact(() -> {
        javafx.scene.image.ImageView view = skin().linesView();
        double w = Math.ceil(skin().interactionCanvas().getWidth());
        double h = Math.ceil(skin().interactionCanvas().getHeight());
        // The picture has scale x the view's pixels, and is shown at the view's size: one image pixel per
        // device pixel.
        assertEquals(Math.ceil(w * scale), view.getViewport().getWidth(), scale + ": picture width");
        assertEquals(Math.ceil(h * scale), view.getViewport().getHeight(), scale + ": picture height");
        assertEquals(Math.ceil(w * scale) / scale, view.getFitWidth(), 1e-9, scale + ": shown width");
        assertEquals(Math.ceil(h * scale) / scale, view.getFitHeight(), 1e-9, scale + ": shown height");
        assertEquals(0, view.getLayoutX(), 1e-9);
        assertEquals(0, view.getLayoutY(), 1e-9);
        // A line's pixel on the first axis lies at scale x its place in the view.
        PlotGeometry g = skin().geometry();
        ParallelCoordinatesModel m = chart.getModel();
        javafx.scene.image.PixelReader pixels = view.getImage().getPixelReader();
        int hits = 0;
        for (int i = 0; i < m.size(); i++) {
          int x = (int) Math.round(g.axisX()[0] * scale);
          int y = (int) Math.round(g.y(m.position(i, m.axes().get(0))) * scale);
          hits += ((pixels.getArgb(x, y) >>> 24) > 0) ? 1 : 0;
        }
        assertEquals(m.size(), hits, scale + ": every line drawn where the view shows its axis");
      });
    }
    robot.interact(() -> chart.renderScaleProperty().set(1));
    awaitLines();
    robot.interact(() -> assertEquals(0, skin().linesView().getFitWidth(), "at scale 1 shown as drawn"));
  }

  /** Waits until the lines' last redraw is on screen. */
  private void awaitLines() {
    for (int i = 0; i < 500 && (skin().renderer().layers.pending() > 0 || skin().renderer().published == 0); i++) {
      WaitForAsyncUtils.sleep(10, java.util.concurrent.TimeUnit.MILLISECONDS);
      WaitForAsyncUtils.waitForFxEvents();
    }
    assertEquals(0, skin().renderer().layers.pending());
  }
}
