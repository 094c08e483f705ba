package org.tunescope.app.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tunescope.engine.study.FoldScore;

/** The user attributes recognised as training and per-fold scores. */
class TrainScoresTest {

  @Test
  void aScalarTrainScoreGoesBesideTheValue() {
    assertEquals(List.of(new FoldScore(0.99, 0.9)), TrainScores.folds(0.9, Map.of("train_score", "0.99"), 0, "value"));
    assertEquals(List.of(new FoldScore(0.8, 0.7)), TrainScores.folds(0.7, Map.of("train_auc", "0.8"), 1, "auc"));
    // The generic names belong to the first objective only.
    assertEquals(List.of(new FoldScore(Double.NaN, 0.7)), TrainScores.folds(0.7, Map.of("train_score", "0.8"), 1, "auc"));
  }

  @Test
  void perFoldListsGiveFoldsOnlyWhenTheyAddUpToTheValue() {
    Map<String, String> attributes = Map.of("cv_scores", "[0.8, 0.9, 1.0]", "train_scores", "[0.9, 1.0, 1.0]");
    assertEquals(List.of(new FoldScore(0.9, 0.8), new FoldScore(1.0, 0.9), new FoldScore(1.0, 1.0)),
        TrainScores.folds(0.9, attributes, 0, "value"));
    // A value that is not their mean (mean minus std, say) stays the score: the lists are not its folds.
    assertEquals(List.of(new FoldScore((0.9 + 1.0 + 1.0) / 3, 0.85)), TrainScores.folds(0.85, attributes, 0, "value"));
    // Train scores of another number of folds count by their mean.
    assertEquals(List.of(new FoldScore(Double.NaN, 0.5), new FoldScore(Double.NaN, 0.7)),
        TrainScores.folds(0.6, Map.of("val_scores", "[0.5, 0.7]"), 0, "value"));
    assertEquals(List.of(new FoldScore(0.75, 0.6)),
        TrainScores.folds(0.6, Map.of("val_scores", "[0.5, 0.7]", "train_scores", "[0.7, 0.8, 0.75]"), 0, "value"));
  }
}
