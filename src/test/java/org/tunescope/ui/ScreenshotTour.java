package org.tunescope.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ui.charts.parallel.ParallelCoordinatesChart;
import org.tunescope.ui.data.RecentFiles;
import org.tunescope.ui.main.MainViewModel;

/**
 * Takes the README's screenshots from the real window. Not part of the test run; under Xvfb:
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24" mvn -B test -Dgui -Dtunescope.excludedGroups=none
 * -Dgroups=screenshots -Dtest=ScreenshotTour}.
 */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class ScreenshotTour {

  private static final Path OUT = Path.of("resources", "screenshots");

  private MainViewModel vm;
  private Stage stage;

  @Start
  void start(Stage stage) throws Exception {
    this.stage = stage;
    vm = new MainViewModel(UiScheduler.fx(), ModelCatalog.standard(), new RecentFiles(null),
        Files.createTempDirectory("samples"));
    stage.setScene(TuneScopeApp.createScene(vm));
    stage.setTitle(TuneScopeApp.TITLE);
    stage.setWidth(1400);
    stage.setHeight(880);
    stage.show();
  }

  @Test
  void tour(FxRobot robot) throws Exception {
    Files.createDirectories(OUT);
    robot.interact(() -> vm.loadSample("breast_cancer"));
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.data().data().isPresent());
    robot.interact(() -> vm.modelProperty().set(vm.models().stream().filter(m -> m.id().equals("svm")).findFirst()
        .orElseThrow()));
    WaitForAsyncUtils.waitForFxEvents();
    shoot(robot, "data.png");

    robot.interact(() -> {
      vm.search().trialsProperty().set(60);
      vm.start();
    });
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
        () -> vm.lastResult().isPresent() && !vm.run().runningProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> vm.run().selectedTrialProperty().set(vm.lastResult().orElseThrow().best().orElseThrow().number()));
    WaitForAsyncUtils.waitForFxEvents();
    shoot(robot, "trials.png");

    robot.clickOn("Charts");
    ParallelCoordinatesChart parallel = robot.lookup("#parallelChart").queryAs(ParallelCoordinatesChart.class);
    robot.interact(() -> parallel.brush("validation", 0.55, 1.0));
    shoot(robot, "parallel.png");

    robot.clickOn("Studies");
    robot.interact(() -> {
      vm.studies().selectedProperty();
    });
    shoot(robot, "studies.png");

    robot.clickOn("Trials");
    robot.interact(() -> Theme.apply(stage.getScene(), Theme.DARK));
    WaitForAsyncUtils.waitForFxEvents();
    shoot(robot, "dark.png");
  }

  private void shoot(FxRobot robot, String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    Thread.sleep(400);
    Image image = robot.capture(stage.getScene().getRoot()).getImage();
    PixelReader pixels = image.getPixelReader();
    BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < out.getWidth(); x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    ImageIO.write(out, "png", OUT.resolve(name).toFile());
  }
}
