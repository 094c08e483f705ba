package org.tunescope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.StudyInfo;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;

/** A trial's attributes (early stopping's best round) are kept by the store and written to results files. */
class TrialAttributesTest {

  private static final Trial STOPPED = new Trial(0, TrialState.COMPLETE, Map.of("trees", 300L),
      List.of(new FoldScore(0.99, 0.95)), 7, 0.5, 100, Optional.empty(), Instant.EPOCH, 1.0,
      Map.of("best_round", 57.0));
  private static final Trial PLAIN = new Trial(1, TrialState.COMPLETE, Map.of("trees", 100L),
      List.of(new FoldScore(0.98, 0.94)), 8, 0.5, 100, Optional.empty(), Instant.EPOCH);

  @Test
  void theStoreKeepsATrialsAttributes(@TempDir Path dir) {
    try (SqliteStudyStore store = SqliteStudyStore.open(dir.resolve("s.db"))) {
      store.createIfAbsent(StudyStoreContract.record("stop", OptionalInt.empty()));
      store.addTrials("stop", List.of(STOPPED, PLAIN));
      List<Trial> back = store.trials("stop");
      assertEquals(Map.of("best_round", 57.0), back.get(0).attributes());
      assertEquals(Map.of(), back.get(1).attributes());
    }
  }

  @Test
  void resultsFilesShowTheAttributes() throws Exception {
    StudyInfo info = StudyStoreContract.record("stop", OptionalInt.empty()).info();
    JsonNode trials = ResultsFile.toJson(info, List.of(STOPPED, PLAIN),
        Optional.empty(), Optional.empty()).get("trials");
    assertEquals(57, trials.get(0).get("attributes").get("best_round").asInt());
    assertTrue(trials.get(0).get("attributes").get("best_round").isIntegralNumber());
    assertFalse(trials.get(1).has("attributes"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultsFile.writeCsv(out, info, List.of(STOPPED, PLAIN));
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    List<String> header = List.of(lines.get(0).split(","));
    int column = header.indexOf("attr_best_round");
    assertTrue(column > 0, lines.get(0));
    assertEquals("57", lines.get(1).split(",")[column]);
    assertEquals("", lines.get(2).split(",", -1)[column]);
  }
}
