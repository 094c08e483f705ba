package org.tunescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} draws a stored study to PNG files without a display. */
class ReportCommandTest {

  @TempDir
  Path dir;

  @Test
  void writesTheHistoryCostAndOneCurvePerSearchedNumericParameter() throws IOException {
    String store = dir.resolve("s.db").toString();
    CliRun tune = CliRun.of("tune", "--store", store, "--name", "depth", "--data", "sample-datasets/iris.csv",
        "--target", "target", "--model", "decision_tree", "--param", "max_depth=1:8", "--grid-points", "8",
        "--fix-others", "--quiet");
    assertEquals(0, tune.exitCode(), tune.err());
    Path out = dir.resolve("figures");
    CliRun report = CliRun.of("report", "depth", "--store", store, "--out", out.toString(), "--width", "640",
        "--height", "400");
    assertEquals(0, report.exitCode(), report.err());
    for (String file : new String[] {"history.png", "cost.png", "curve-max_depth.png"}) {
      BufferedImage image = ImageIO.read(out.resolve(file).toFile());
      assertEquals(640, image.getWidth(), file);
      assertEquals(400, image.getHeight(), file);
    }
    CliRun unknown = CliRun.of("report", "nope", "--store", store, "--out", out.toString());
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("nope"), unknown.err());
  }

  @Test
  void drawsTheOverfittingCurveOfAnImportedGridSearchAlongItsNumericParameter() throws Exception {
    String store = dir.resolve("s.db").toString();
    Path csv = java.nio.file.Files.copy(Path.of(getClass().getResource("/import/cv_grid.csv").toURI()),
        dir.resolve("cv_grid.csv"));
    assertEquals(0, CliRun.of("import", "cv-results", csv.toString(), "--store", store).exitCode());
    Path out = dir.resolve("figures");
    CliRun report = CliRun.of("report", "cv_grid", "--store", store, "--out", out.toString());
    assertEquals(0, report.exitCode(), report.err());
    assertTrue(report.out().contains("curve-max_depth.png"), report.out());
    assertTrue(!report.out().contains("curve-criterion"), "a category draws no curve: " + report.out());
    assertEquals(900, ImageIO.read(out.resolve("curve-max_depth.png").toFile()).getWidth());
  }
}
