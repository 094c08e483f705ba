package org.tunescope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.StudyInfo;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialState;

/** The results files' {@code gap}: how much worse validation is than train, positive when a model overfits. */
class ResultsFileTest {

  private static StudyInfo info(String metric, String direction) {
    return new StudyInfo("tree-diabetes", "decision_tree", "regression", metric, direction, "random", 5, 2,
        "2-fold", 0, "sample-datasets/diabetes.csv", "ab".repeat(32), 442, 10, "target", Map.of());
  }

  /** A deep tree: rmse 20 on its training rows, 96 on the validation rows. */
  private static final Trial OVERFIT_RMSE = new Trial(0, TrialState.COMPLETE, Map.of("max_depth", 20L),
      List.of(new FoldScore(18, 90), new FoldScore(22, 102)), 0, 0.1, 0, Optional.empty(), Instant.EPOCH);

  @Test
  void anOverfitRmseTrialHasAPositiveGapInTheJson() {
    JsonNode trial = ResultsFile.toJson(info("rmse", "minimize"), List.of(OVERFIT_RMSE),
        Optional.empty(), Optional.empty())
        .get("trials").get(0);
    assertEquals(76, trial.get("gap").asDouble(), 1e-12, "validation rmse 96 is 76 worse than train rmse 20");
  }

  @Test
  void anAccuracyTrialsGapIsStillTrainMinusValidation() {
    Trial overfit = new Trial(0, TrialState.COMPLETE, Map.of(), List.of(new FoldScore(1.0, 0.9)), 0, 0.1, 0,
        Optional.empty(), Instant.EPOCH);
    JsonNode trial = ResultsFile.toJson(info("accuracy", "maximize"), List.of(overfit),
        Optional.empty(), Optional.empty())
        .get("trials").get(0);
    assertEquals(0.1, trial.get("gap").asDouble(), 1e-12);
  }

  @Test
  void theCsvGapColumnAgreesWithTheJson() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultsFile.writeCsv(out, info("rmse", "minimize"), List.of(OVERFIT_RMSE));
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    int gap = List.of(lines.get(0).split(",")).indexOf("gap");
    assertEquals(76, Double.parseDouble(lines.get(1).split(",")[gap]), 1e-12);
  }

  /** The states are written in lower case, in the JSON and the CSV alike: a contract, as the README says. */
  @Test
  void trialStatesAreWrittenInLowerCase() throws Exception {
    List<Trial> trials = List.of(OVERFIT_RMSE, new Trial(1, TrialState.FAILED, Map.of(), List.of(), 0, 0.1, 0,
        Optional.of("no fit"), Instant.EPOCH));
    JsonNode json = ResultsFile.toJson(info("rmse", "minimize"), trials,
        Optional.empty(), Optional.empty()).get("trials");
    assertEquals(List.of("complete", "failed"), List.of(json.get(0).get("state").asText(),
        json.get(1).get("state").asText()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultsFile.writeCsv(out, info("rmse", "minimize"), trials);
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    int state = List.of(lines.get(0).split(",")).indexOf("state");
    assertEquals("complete", lines.get(1).split(",")[state]);
    assertEquals("failed", lines.get(2).split(",")[state]);
  }
}
