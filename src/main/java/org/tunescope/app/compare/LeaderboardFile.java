package org.tunescope.app.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.store.EnsembleRecord;

/**
 * A comparison's leaderboard written as CSV (one row per candidate: each model's best trial and each ensemble,
 * the fold scores in columns) or JSON (with the metric, the per-fold validation and train scores of each
 * candidate, an ensemble's kind and members, and the paired comparison of the two best in words), by the file's
 * extension. The fold scores are there so that anyone can check the
 * paired comparison from the file alone.
 */
public final class LeaderboardFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LeaderboardFile() {
  }

  public static void write(Path file, ComparedStudies comparison) throws IOException {
    String text = org.tunescope.store.ResultsFile.isCsv(file) ? csv(comparison) : json(comparison);
    org.tunescope.store.AtomicFile.writeString(file, text);
  }

  static String csv(ComparedStudies comparison) {
    List<LeaderboardRow> rows = comparison.leaderboard();
    int folds = rows.stream().mapToInt(r -> r.folds().size()).max().orElse(0);
    StringBuilder s = new StringBuilder("rank,model,study,trial,validation_mean,validation_std,train_mean,gap,"
        + "fit_seconds,megabytes");
    for (int i = 0; i < folds; i++) {
      s.append(",validation_fold_").append(i);
    }
    s.append(",ensemble,members");
    s.append('\n');
    int rank = 1;
    for (LeaderboardRow r : rows) {
      s.append(rank++).append(',').append(quoted(r.model())).append(',').append(quoted(r.study())).append(',')
          .append(r.trial().map(t -> String.valueOf(t.number())).orElse(""));
      for (double v : new double[] {r.validationMean(), r.validationStd(), r.trainMean(), r.gap(), r.fitSeconds(),
          r.megabytes()}) {
        s.append(',').append(v);
      }
      for (FoldScore f : r.folds()) {
        s.append(',').append(f.validation());
      }
      // Columns after the fold scores, so that the file's first columns stay where they were: the ensemble's
      // kind and members ("knn-iris #3 tree-iris #1"), empty for a trial.
      s.append(',').append(r.ensemble().map(EnsembleRecord::kind).orElse("")).append(',')
          .append(quoted(r.ensemble().map(e -> String.join(" ", e.members().stream()
              .map(EnsembleRecord.Member::label).toList())).orElse("")));
      s.append('\n');
    }
    return s.toString();
  }

  private static String quoted(String v) {
    return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }

  static String json(ComparedStudies comparison) {
    ObjectNode root = JSON.createObjectNode();
    root.put("metric", comparison.metric());
    root.put("direction", comparison.direction().id());
    ArrayNode board = root.putArray("leaderboard");
    for (LeaderboardRow r : comparison.leaderboard()) {
      ObjectNode n = board.addObject();
      n.put("model", r.model());
      n.put("study", r.study());
      if (r.trial().isPresent()) {
        n.put("trial", r.trial().get().number());
      } else {
        n.putNull("trial");
      }
      r.ensemble().ifPresent(e -> {
        n.put("ensemble", e.kind());
        ArrayNode members = n.putArray("members");
        e.members().forEach(m -> members.addObject().put("study", m.study()).put("trial", m.trial())
            .put("weight", m.weight()));
      });
      if (r.test().isPresent()) {
        n.put("test", r.test().getAsDouble());
      }
      n.put("validation_mean", r.validationMean());
      n.put("validation_std", r.validationStd());
      n.put("train_mean", r.trainMean());
      n.put("gap", r.gap());
      n.put("fit_seconds", r.fitSeconds());
      n.put("megabytes", r.megabytes());
      ArrayNode v = n.putArray("validation_folds");
      ArrayNode t = n.putArray("train_folds");
      r.folds().forEach(f -> {
        v.add(f.validation());
        t.add(f.train());
      });
    }
    comparison.pairedBest().ifPresent(p -> {
      ObjectNode n = root.putObject("paired");
      n.put("first", p.first());
      n.put("second", p.second());
      n.put("mean_difference", p.mean());
      n.put("std", p.std());
      n.put("interval_half_width", p.halfWidth());
      n.put("first_ahead_folds", p.firstAhead());
      n.put("clear", p.isClear());
      n.put("sentence", p.sentence());
    });
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a leaderboard could not be written as JSON", e);
    }
  }
}
