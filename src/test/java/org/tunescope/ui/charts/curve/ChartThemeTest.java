package org.tunescope.ui.charts.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.ui.Theme;
import org.tunescope.ui.charts.ChartPalette;
import org.tunescope.ui.charts.cost.CostChart;
import org.tunescope.ui.charts.history.HistoryChart;
import org.tunescope.ui.lab.LabPlot;

/**
 * The canvas charts follow the theme (headless): switching the scene to the dark theme changes their
 * resolved colours to the dark tokens and repaints them; train and validation are the theme's tokens.
 */
@ExtendWith(ApplicationExtension.class)
class ChartThemeTest {

  private Scene scene;
  private ValidationCurveChart curve;
  private List<ChartPalette.Owner> charts;

  @Start
  void start(Stage stage) {
    curve = new ValidationCurveChart();
    HistoryChart history = new HistoryChart();
    CostChart cost = new CostChart();
    LabPlot lab = new LabPlot();
    for (javafx.scene.layout.Region r : List.of(history, cost, lab)) {
      r.setPrefSize(300, 120);
      r.setMinSize(300, 120);
    }
    charts = List.of(curve, history, cost, lab);
    curve.setPrefSize(300, 160);
    scene = new Scene(new VBox(curve, history, cost, lab), 400, 700);
    Theme.apply(scene, Theme.LIGHT);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void theDarkThemeRecoloursAndRepaintsEveryCanvasChart(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    ChartPalette light = curve.palette();
    Color lightText = light.text();
    Color lightBackground = light.background();
    assertEquals(Color.web("#5d6678"), lightText);
    assertEquals(Color.web("#ffffff"), lightBackground);
    assertEquals(Color.web("#e8590c"), light.train());
    assertEquals(Color.web("#1c7ed6"), light.validation());
    assertEquals(lightBackground, pixel(robot));

    robot.interact(() -> Theme.apply(scene, Theme.DARK));
    WaitForAsyncUtils.waitForFxEvents();

    for (ChartPalette.Owner chart : charts) {
      ChartPalette dark = chart.palette();
      assertEquals(Color.web("#9aa3b5"), dark.text(), chart.getTypeSelector());
      assertEquals(Color.web("#242830"), dark.background(), chart.getTypeSelector());
      assertEquals(Color.web("#3a404c"), dark.grid(), chart.getTypeSelector());
      assertEquals(Color.web("#ff922b"), dark.train(), chart.getTypeSelector());
      assertEquals(Color.web("#4dabf7"), dark.validation(), chart.getTypeSelector());
    }
    assertNotEquals(lightText, curve.palette().text());
    // The CSS change repainted the canvas: its background is the dark panel now.
    assertEquals(Color.web("#242830"), pixel(robot));
  }

  private Color pixel(FxRobot robot) {
    WritableImage[] image = new WritableImage[1];
    robot.interact(() -> image[0] = curve.snapshot(null, null));
    return image[0].getPixelReader().getColor(3, 3);
  }
}
