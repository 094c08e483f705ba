package org.tunescope.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.tunescope.engine.study.FoldPredictions;
import org.tunescope.engine.study.FoldScore;

/**
 * The SQL of comparisons and kept predictions, shared by the database stores ({@link JdbcStudyStore} runs
 * each call inside its transaction or read). Members and ensembles are replaced whole on every save. An
 * ensemble's members are one JSON column (study, trial and weight each), so a weight needed no new column.
 */
final class JdbcComparisons {

  private JdbcComparisons() {
  }

  static void save(Connection c, ComparisonRecord comparison) throws SQLException {
    delete(c, comparison.name());
    Sql.update(c, "INSERT INTO comparisons (name, created, dataset, sha256, target, metric, folds, seed)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", comparison.name(), comparison.created(), comparison.dataset(),
        comparison.sha256(), comparison.target(), comparison.metric(), comparison.folds(), comparison.seed());
    for (int i = 0; i < comparison.studies().size(); i++) {
      Sql.update(c, "INSERT INTO comparison_studies (comparison, position, study_id) VALUES (?, ?, ?)",
          comparison.name(), i, JdbcStudyStore.studyId(c, comparison.studies().get(i)));
    }
    for (int i = 0; i < comparison.ensembles().size(); i++) {
      EnsembleRecord e = comparison.ensembles().get(i);
      Sql.update(c, "INSERT INTO comparison_ensembles (comparison, position, kind, members, fold_scores, test)"
          + " VALUES (?, ?, ?, ?, ?, ?)", comparison.name(), i, e.kind(), json(e.members().stream()
              .map(m -> Map.of("study", m.study(), "trial", m.trial(), "weight", m.weight())).toList()),
          json(e.folds().stream().map(f -> new Double[] {finite(f.train()), finite(f.validation())}).toList()),
          e.test().isPresent() ? e.test().getAsDouble() : null);
    }
  }

  static Optional<ComparisonRecord> find(Connection c, String name) throws SQLException {
    return all(c, name).stream().findFirst();
  }

  /** Every comparison (or the one of {@code nameOrNull}), oldest first. */
  static List<ComparisonRecord> all(Connection c, String nameOrNull) throws SQLException {
    List<ComparisonRecord> out = Sql.query(c, "SELECT name, created, dataset, sha256, target, metric, folds, seed"
        + " FROM comparisons" + (nameOrNull == null ? "" : " WHERE name = ?") + " ORDER BY created, name",
        rs -> new ComparisonRecord(rs.getString(1), Instant.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), List.of(), List.of()),
        nameOrNull == null ? new Object[0] : new Object[] {nameOrNull});
    List<ComparisonRecord> full = new ArrayList<>();
    for (ComparisonRecord r : out) {
      full.add(new ComparisonRecord(r.name(), r.created(), r.dataset(), r.sha256(), r.target(), r.metric(), r.folds(),
          r.seed(), studies(c, r.name()), ensembles(c, r.name())));
    }
    return full;
  }

  static boolean delete(Connection c, String name) throws SQLException {
    return Sql.update(c, "DELETE FROM comparisons WHERE name = ?", name) > 0;
  }

  static void savePredictions(Connection c, String study, int trial, List<FoldPredictions> folds)
      throws SQLException {
    Sql.update(c, "INSERT INTO trial_predictions (study_id, number, predictions) VALUES (?, ?, ?)"
        + " ON CONFLICT (study_id, number) DO UPDATE SET predictions = excluded.predictions",
        JdbcStudyStore.studyId(c, study), trial, PredictionBlob.encode(folds));
  }

  static Optional<List<FoldPredictions>> predictions(Connection c, String study, int trial) throws SQLException {
    return Sql.first(c, "SELECT p.predictions FROM trial_predictions p JOIN studies st ON st.id = p.study_id"
        + " WHERE st.name = ? AND p.number = ?", rs -> PredictionBlob.decode(rs.getBytes(1)), study, trial);
  }

  private static List<String> studies(Connection c, String comparison) throws SQLException {
    return Sql.query(c, "SELECT st.name FROM comparison_studies cs JOIN studies st ON st.id = cs.study_id"
        + " WHERE cs.comparison = ? ORDER BY cs.position", rs -> rs.getString(1), comparison);
  }

  private static List<EnsembleRecord> ensembles(Connection c, String comparison) throws SQLException {
    return Sql.query(c, "SELECT kind, members, fold_scores, test FROM comparison_ensembles WHERE comparison = ?"
        + " ORDER BY position", rs -> {
          List<EnsembleRecord.Member> members = new ArrayList<>();
          for (JsonNode m : tree(rs.getString(2))) {
            // Members kept before weights existed weigh 1, as they did.
            members.add(new EnsembleRecord.Member(m.get("study").asText(), m.get("trial").asInt(),
                m.has("weight") ? m.get("weight").asInt() : 1));
          }
          List<FoldScore> folds = new ArrayList<>();
          for (JsonNode f : tree(rs.getString(3))) {
            folds.add(new FoldScore(number(f.get(0)), number(f.get(1))));
          }
          double test = Sql.number(rs, 4);
          return new EnsembleRecord(rs.getString(1), members, folds,
              Double.isNaN(test) ? OptionalDouble.empty() : OptionalDouble.of(test));
        }, comparison);
  }

  /** Not-a-number goes in JSON as null and comes back as NaN, as fold scores do in their table. */
  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static double number(JsonNode n) {
    return n == null || n.isNull() ? Double.NaN : n.asDouble();
  }

  private static String json(Object value) {
    try {
      return JdbcStudyStore.JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode tree(String json) {
    try {
      return JdbcStudyStore.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new StoreException("a stored comparison is damaged: " + e.getOriginalMessage());
    }
  }
}
