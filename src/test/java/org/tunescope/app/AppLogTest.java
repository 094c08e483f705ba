package org.tunescope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.logging.ConsoleHandler;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Library logging (through SLF4J, as Smile logs) lands in the rotated, size-bounded log file, not the terminal. */
class AppLogTest {

  @TempDir
  Path home;

  private String homeBefore;

  @BeforeEach
  void useTempHome() {
    homeBefore = System.getProperty("tunescope.home");
    System.setProperty("tunescope.home", home.toString());
    AppLog.install();
  }

  @AfterEach
  void restoreHome() {
    if (homeBefore == null) {
      System.clearProperty("tunescope.home");
    } else {
      System.setProperty("tunescope.home", homeBefore);
    }
  }

  @Test
  void smileErrorsGoToTheLogFileAndNotToTheTerminal() throws Exception {
    LoggerFactory.getLogger("smile.classification.RandomForest").error("Decision tree trained without OOB samples");
    LoggerFactory.getLogger("smile.classification.RandomForest").info("a line per tree, not kept");
    AppLog.flush();
    assertEquals(home.resolve("logs").resolve("tunescope-0.log"), AppLog.file());
    String log = Files.readString(AppLog.file());
    assertTrue(log.contains("SEVERE smile.classification.RandomForest - Decision tree trained without OOB samples"), log);
    assertFalse(log.contains("a line per tree"), "library INFO is not kept");
    assertFalse(Arrays.stream(Logger.getLogger("").getHandlers()).anyMatch(h -> h instanceof ConsoleHandler),
        "nothing logged reaches the terminal");
  }

  @Test
  void theLogRotatesAndStaysBounded() throws Exception {
    Logger log = Logger.getLogger("org.tunescope.test");
    String line = "x".repeat(1000);
    for (int i = 0; i < 2 * AppLog.LIMIT_BYTES / 1000 + 10; i++) {
      log.warning(line);
    }
    AppLog.flush();
    Path logs = home.resolve("logs");
    assertTrue(Files.exists(logs.resolve("tunescope-1.log")), "rotated to a second file");
    try (var files = Files.list(logs)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
        assertTrue(Files.size(f) <= AppLog.LIMIT_BYTES + 2000, f + " is " + Files.size(f) + " bytes");
      }
    }
    try (var files = Files.list(logs)) {
      assertTrue(files.filter(p -> p.toString().endsWith(".log")).count() <= AppLog.FILES);
    }
  }

  @Test
  void aLibraryMessageRepeatedThousandsOfTimesIsCountedNotWrittenEachTime() throws Exception {
    org.slf4j.Logger forest = LoggerFactory.getLogger("smile.classification.RandomForest");
    for (int i = 0; i < 5000; i++) {
      forest.error("Decision tree trained without OOB samples");
    }
    Logger.getLogger("org.tunescope.test").warning("TuneScope's own line after them");
    AppLog.flush();
    java.util.List<String> lines = Files.readAllLines(AppLog.file());
    long written = lines.stream().filter(l -> l.contains("without OOB samples")).count();
    assertEquals(AppLog.REPEATS_WRITTEN + 5000 / AppLog.REPEAT_EVERY, written);
    assertTrue(lines.stream().anyMatch(l -> l.endsWith("without OOB samples (5000 times so far)")), "the count");
    assertTrue(lines.stream().anyMatch(l -> l.contains("TuneScope's own line after them")));
  }
}
