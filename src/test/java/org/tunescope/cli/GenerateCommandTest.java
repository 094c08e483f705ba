package org.tunescope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

  @TempDir
  Path dir;

  @Test
  void writesTheSameFileTwiceAndRefusesUnknownKinds() throws IOException {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    assertEquals(0, CliRun.of("generate", "moons", "--rows", "400", "--noise", "0.3", "--seed", "0", "--out",
        a.toString()).exitCode());
    assertEquals(0, CliRun.of("generate", "moons", "--rows", "400", "--noise", "0.3", "--seed", "0", "--out",
        b.toString()).exitCode());
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    assertEquals(401, Files.readAllLines(a).size());
    assertEquals("x1,x2,target", Files.readAllLines(a).get(0));
    CliRun bad = CliRun.of("generate", "spirals");
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("unknown data set 'spirals'"), bad.err());
  }
}
