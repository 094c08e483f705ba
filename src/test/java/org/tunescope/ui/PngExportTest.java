package org.tunescope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;
import org.tunescope.ui.charts.parallel.ParallelCoordinatesChart;

/** Exporting a chart in the dark theme: the plot alone on its own background, and a size dialog that reads right. */
@ExtendWith(ApplicationExtension.class)
class PngExportTest {

  @TempDir
  Path dir;

  private Stage stage;
  private ParallelCoordinatesChart chart;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    chart = new ParallelCoordinatesChart();
    chart.spaceProperty().set(new SearchSpace(List.of(SearchParameter.of("C", new Distribution.FloatRange(0.01, 100, true)))));
    java.util.List<Trial> trials = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("C", Math.pow(10, -2 + 4 * i / 29.0));
      trials.add(new Trial(i, TrialState.COMPLETE, p, List.of(new FoldScore(0.99, 0.8 + i / 200.0)), i, 0.1, 0,
          Optional.empty(), java.time.Instant.EPOCH));
    }
    chart.trialsProperty().set(FXCollections.observableArrayList(trials));
    Scene scene = new Scene(new BorderPane(chart), 900, 600);
    Theme.apply(scene, Theme.DARK);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void theExportedPictureIsThePlotAloneOnTheThemesBackground(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    Path file = dir.resolve("chart.png");
    AtomicReference<javafx.geometry.Bounds> plot = new AtomicReference<>();
    robot.interact(() -> {
      try {
        PngExport.write(chart, file, 1);
      } catch (java.io.IOException e) {
        throw new RuntimeException(e);
      }
      plot.set(PngExport.exported(chart).getLayoutBounds());
    });
    BufferedImage png = ImageIO.read(file.toFile());
    assertTrue(plot.get().getHeight() < chart.getHeight() - 20, "the plot is the chart without its tool bar");
    assertEquals(Math.round(plot.get().getWidth()), png.getWidth());
    assertEquals(Math.round(plot.get().getHeight()), png.getHeight(), "no tool bar in the picture");
    int white = 0;
    for (int y = 0; y < png.getHeight(); y++) {
      for (int x = 0; x < png.getWidth(); x++) {
        white += (png.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF ? 1 : 0;
      }
    }
    assertEquals(0, white, "no white in a dark-theme picture (white text on a white snapshot fill)");
    Color corner = Color.rgb(png.getRGB(1, 1) >> 16 & 0xFF, png.getRGB(1, 1) >> 8 & 0xFF, png.getRGB(1, 1) & 0xFF);
    assertEquals(Color.web("#242830"), corner, "the dark panel colour");

    Path twice = dir.resolve("chart@2.png");
    robot.interact(() -> {
      try {
        PngExport.write(chart, twice, 2);
      } catch (java.io.IOException e) {
        throw new RuntimeException(e);
      }
    });
    BufferedImage big = ImageIO.read(twice.toFile());
    assertEquals(2 * png.getWidth(), big.getWidth(), "2x: twice as wide");
    assertEquals(2 * png.getHeight(), big.getHeight(), "2x: twice as high");
    Color bigCorner = Color.rgb(big.getRGB(2, 2) >> 16 & 0xFF, big.getRGB(2, 2) >> 8 & 0xFF, big.getRGB(2, 2) & 0xFF);
    assertEquals(Color.web("#242830"), bigCorner, "2x: the same panel");
  }

  @Test
  void theSizeDialogsOkButtonReadsAsTheDefaultActionInTheDarkTheme(FxRobot robot) {
    AtomicReference<Optional<Integer>> answer = new AtomicReference<>();
    Platform.runLater(() -> answer.set(PngExport.askScale(chart, stage)));
    WaitForAsyncUtils.waitForFxEvents();
    DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    Button ok = (Button) pane.lookupButton(ButtonType.OK);
    Button cancel = (Button) pane.lookupButton(ButtonType.CANCEL);
    AtomicReference<Color> okBody = new AtomicReference<>();
    AtomicReference<Color> cancelBody = new AtomicReference<>();
    robot.interact(() -> {
      okBody.set(body(ok));
      cancelBody.set(body(cancel));
    });
    Color text = (Color) ok.getTextFill();
    double ratio = Contrast.ratio(text, okBody.get());
    assertTrue(ratio >= 4.5, "OK's text " + text + " on " + okBody.get() + ": contrast " + ratio);
    assertTrue(Contrast.ratio(okBody.get(), cancelBody.get()) >= 2,
        "OK stands out from Cancel: " + okBody.get() + " beside " + cancelBody.get());
    robot.clickOn(ok);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(Optional.of(2), answer.get(), "2x by default");
  }

  /** The colour a button's body is painted in: the pixel in the middle of its left padding. */
  private static Color body(Button b) {
    javafx.scene.image.WritableImage shot = b.snapshot(null, null);
    return shot.getPixelReader().getColor(4, (int) (shot.getHeight() / 2));
  }
}
