package org.tunescope.app.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tunescope.engine.study.FoldScore;

/**
 * Finds a trial's training score, and its per-fold scores, in the user attributes people record in Optuna,
 * so that an imported study's overfitting views work. Recognised names (README, "Open an Optuna study"):
 * <ul>
 *   <li>per-fold lists of validation scores: {@link #VALIDATION_LISTS}; used when their mean is the trial's
 *       value, so that the value Optuna optimised stays the trial's score;</li>
 *   <li>per-fold lists of training scores: {@link #TRAIN_LISTS}; per fold when there are as many as validation
 *       folds, else their mean;</li>
 *   <li>one training score: {@link #TRAIN_SCALARS}, or {@code train_} followed by the objective's name
 *       ({@code train_auc} for an objective named {@code auc}).</li>
 * </ul>
 * The generic names apply to the first objective only; {@code train_<name>} to the objective of that name.
 */
final class TrainScores {

  static final List<String> VALIDATION_LISTS = List.of("validation_scores", "val_scores", "valid_scores",
      "cv_scores", "test_scores", "fold_scores", "split_test_scores");
  static final List<String> TRAIN_LISTS = List.of("train_scores", "split_train_scores", "fold_train_scores");
  static final List<String> TRAIN_SCALARS = List.of("train_score", "mean_train_score", "train_accuracy",
      "train_value");

  private static final ObjectMapper JSON = new ObjectMapper();

  private TrainScores() {
  }

  /**
   * The folds of a trial whose value (for the chosen objective) is {@code value}.
   *
   * @param attributes     the trial's user attributes, key to JSON text
   * @param objective      the chosen objective's index
   * @param objectiveName  its name
   */
  static List<FoldScore> folds(double value, Map<String, String> attributes, int objective, String objectiveName) {
    boolean generic = objective == 0;
    Optional<List<Double>> validation = generic ? firstList(attributes, VALIDATION_LISTS) : Optional.empty();
    if (validation.isPresent() && !sameNumber(mean(validation.get()), value)) {
      validation = Optional.empty();
    }
    Optional<List<Double>> trainList = generic ? firstList(attributes, TRAIN_LISTS) : Optional.empty();
    if (validation.isPresent() && trainList.isPresent() && trainList.get().size() == validation.get().size()) {
      List<FoldScore> folds = new ArrayList<>();
      for (int i = 0; i < validation.get().size(); i++) {
        folds.add(new FoldScore(trainList.get().get(i), validation.get().get(i)));
      }
      return folds;
    }
    double train = trainList.map(TrainScores::mean).orElse(Double.NaN);
    if (Double.isNaN(train)) {
      List<String> names = new ArrayList<>(generic ? TRAIN_SCALARS : List.of());
      names.add("train_" + objectiveName);
      train = names.stream().map(attributes::get).filter(java.util.Objects::nonNull).map(TrainScores::number)
          .filter(v -> !Double.isNaN(v)).findFirst().orElse(Double.NaN);
    }
    if (validation.isPresent() && Double.isNaN(train)) {
      return validation.get().stream().map(v -> new FoldScore(Double.NaN, v)).toList();
    }
    return List.of(new FoldScore(train, value));
  }

  private static Optional<List<Double>> firstList(Map<String, String> attributes, List<String> names) {
    for (String name : names) {
      String json = attributes.get(name);
      if (json != null) {
        Optional<List<Double>> list = list(json);
        if (list.isPresent()) {
          return list;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<List<Double>> list(String json) {
    JsonNode n = read(json);
    if (n == null || !n.isArray() || n.isEmpty()) {
      return Optional.empty();
    }
    List<Double> out = new ArrayList<>();
    for (JsonNode v : n) {
      if (!v.isNumber()) {
        return Optional.empty();
      }
      out.add(v.asDouble());
    }
    return Optional.of(out);
  }

  /** A number, or the mean of a list of numbers; NaN for anything else. */
  private static double number(String json) {
    JsonNode n = read(json);
    if (n != null && n.isNumber()) {
      return n.asDouble();
    }
    return list(json).map(TrainScores::mean).orElse(Double.NaN);
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      return null;
    }
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  private static boolean sameNumber(double a, double b) {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  }
}
