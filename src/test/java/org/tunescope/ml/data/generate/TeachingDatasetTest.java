package org.tunescope.ml.data.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.ml.Task;
import org.tunescope.ml.data.DataException;
import org.tunescope.ml.data.DataLoader;
import org.tunescope.ml.data.LearningProblem;

class TeachingDatasetTest {

  @TempDir
  Path dir;

  private static String generate(TeachingDataset d, int rows, double noise, long seed) throws IOException {
    StringWriter out = new StringWriter();
    d.write(out, rows, noise, seed);
    return out.toString();
  }

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedOtherOnes() throws IOException {
    for (TeachingDataset d : TeachingDataset.values()) {
      assertEquals(generate(d, 200, 0.3, 7), generate(d, 200, 0.3, 7), d.id());
      assertNotEquals(generate(d, 200, 0.3, 7), generate(d, 200, 0.3, 8), d.id());
    }
  }

  @Test
  void eachDataSetHasItsShapeAndTask() throws IOException {
    for (TeachingDataset d : TeachingDataset.values()) {
      Path file = Files.writeString(dir.resolve(d.id() + ".csv"), generate(d, 301, 0.2, 1));
      LearningProblem p = LearningProblem.of(DataLoader.load(file).table(), "target", Optional.empty(), Optional.empty());
      assertEquals(301, p.rows(), d.id());
      assertEquals(d.isClassification() ? 2 : 1, p.features().columnCount(), d.id());
      assertEquals(d.isClassification() ? Task.CLASSIFICATION : Task.REGRESSION, p.task(), d.id());
      assertEquals(d.isClassification() ? java.util.List.of("x1", "x2") : java.util.List.of("x1"), p.features().names());
      if (d.isClassification()) {
        long ones = java.util.Arrays.stream(p.labels()).filter(l -> l == 1).count();
        assertTrue(ones > 100 && ones < 201, d.id() + " is balanced: " + ones);
      }
    }
  }

  @Test
  void moonsWithoutNoiseLieOnTheirHalfCircles() throws IOException {
    String[] lines = generate(TeachingDataset.MOONS, 100, 0, 0).split("\n");
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",");
      double x = Double.parseDouble(cells[0]);
      double y = Double.parseDouble(cells[1]);
      double r = cells[2].equals("0") ? Math.hypot(x, y) : Math.hypot(x - 1, y - 0.5);
      assertEquals(1, r, 1e-5, lines[i]);
    }
  }

  @Test
  void badArgumentsAreRefused() {
    assertThrows(DataException.class, () -> TeachingDataset.parse("spirals"));
    assertThrows(DataException.class, () -> generate(TeachingDataset.SINE, 1, 0.1, 0));
    assertThrows(DataException.class, () -> generate(TeachingDataset.SINE, 10, -1, 0));
  }
}
