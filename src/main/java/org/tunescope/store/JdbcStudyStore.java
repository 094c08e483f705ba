package org.tunescope.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tunescope.engine.study.RunningTrial;
import org.tunescope.engine.study.Seeds;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.engine.study.Study;
import org.tunescope.engine.study.StudyInfo;
import org.tunescope.engine.study.TestScore;
import org.tunescope.engine.study.Trial;
import org.tunescope.engine.study.TrialLedger;
import org.tunescope.engine.study.TrialState;

/**
 * The study store in a relational database over JDBC: every query, the trial ledger and the owners'
 * heartbeats, shared by the SQLite and PostgreSQL back ends, which say how a transaction begins, how trial
 * ids are drawn, how a study is locked for a claim and how a failure reads. One connection per store, used
 * by one thread at a time.
 */
public abstract class JdbcStudyStore implements StudyStore {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final String TRIAL_COLUMNS =
      "t.id, t.number, t.state, t.seed, t.fit_seconds, t.bytes_allocated, t.error, t.params, t.started, t.budget,"
      + " t.attributes";

  protected final Connection connection;
  private final Map<String, Owner> owners = new ConcurrentHashMap<>();
  private ScheduledExecutorService heartbeat;

  protected JdbcStudyStore(Connection connection) {
    this.connection = connection;
  }

  /** Begins a transaction that will write, holding whatever the back end needs so that claims are serial. */
  protected abstract void begin() throws SQLException;

  protected abstract void commit() throws SQLException;

  protected abstract void rollback() throws SQLException;

  /**
   * Inside a transaction: makes every other claim on the study wait for this transaction to end (SQLite's
   * immediate transactions already do; a server locks the study's row).
   */
  protected abstract void lockStudy(long study) throws SQLException;

  /** Inside a transaction: {@code count} fresh ids for new trial rows. */
  protected abstract long[] newTrialIds(int count) throws SQLException;

  /** A readable, one-line account of a failure of the database. */
  protected abstract StoreException translate(SQLException e, String doing);

  // --- studies

  @Override
  public StudyRecord createIfAbsent(StudyRecord study) {
    return write("creating study " + study.name(), () -> {
      Optional<StudyRecord> existing = findRecord(study.name());
      if (existing.isPresent()) {
        return existing.get();
      }
      StudyInfo i = study.info();
      Provenance p = study.provenance();
      StoredRequest r = study.request();
      try (PreparedStatement s = connection.prepareStatement("INSERT INTO studies (name, model, task, metric,"
          + " direction, search, grid_points, seed, folds, fold_method, dataset_path, dataset_sha256, dataset_rows,"
          + " dataset_columns, target, space, request, budget_trials, budget_seconds, planned_trials,"
          + " tunescope_version, smile_version, java_version, cores, created, finished)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (name) DO NOTHING")) {
        int k = 1;
        s.setString(k++, i.name());
        s.setString(k++, i.model());
        s.setString(k++, i.task());
        s.setString(k++, i.metric());
        s.setString(k++, i.direction());
        s.setString(k++, i.search());
        s.setInt(k++, i.gridPoints());
        s.setLong(k++, i.seed());
        s.setInt(k++, i.folds());
        s.setString(k++, i.foldMethod());
        s.setString(k++, i.dataset());
        s.setString(k++, i.sha256());
        s.setInt(k++, i.rows());
        s.setInt(k++, i.features());
        s.setString(k++, i.target());
        s.setString(k++, JSON.writeValueAsString(i.space()));
        s.setString(k++, r.toJson());
        setInt(s, k++, r.maxTrials());
        if (r.maxTime().isPresent()) {
          s.setDouble(k++, r.maxTime().get().toMillis() / 1000.0);
        } else {
          s.setNull(k++, Types.DOUBLE);
        }
        setInt(s, k++, study.plannedTrials());
        s.setString(k++, p.tunescopeVersion());
        s.setString(k++, p.smileVersion());
        s.setString(k++, p.javaVersion());
        s.setInt(k++, p.cores());
        s.setString(k++, p.created().toString());
        s.setString(k, study.finished().map(Instant::toString).orElse(null));
        if (s.executeUpdate() == 0) {
          // Another process created it since we looked: theirs is the study.
          return findRecord(study.name()).orElseThrow(() -> StoreException.unknownStudy(study.name()));
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      return study;
    });
  }

  @Override
  public Optional<StudyRecord> find(String name) {
    return read("reading study " + name, () -> findRecord(name));
  }

  private Optional<StudyRecord> findRecord(String name) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT * FROM studies WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(record(rs)) : Optional.empty();
      }
    }
  }

  private static StudyRecord record(ResultSet rs) throws SQLException {
    Map<String, String> space = new LinkedHashMap<>();
    try {
      JSON.readTree(rs.getString("space")).fields().forEachRemaining(e -> space.put(e.getKey(), e.getValue().asText()));
    } catch (IOException e) {
      throw new StoreException("the search space of study " + rs.getString("name") + " cannot be read", e);
    }
    StudyInfo info = new StudyInfo(rs.getString("name"), rs.getString("model"), rs.getString("task"),
        rs.getString("metric"), rs.getString("direction"), rs.getString("search"), rs.getInt("grid_points"),
        rs.getInt("folds"), rs.getString("fold_method"), rs.getLong("seed"), rs.getString("dataset_path"),
        rs.getString("dataset_sha256"), rs.getInt("dataset_rows"), rs.getInt("dataset_columns"),
        rs.getString("target"), space);
    Provenance provenance = new Provenance(rs.getString("tunescope_version"), rs.getString("smile_version"),
        rs.getString("java_version"), rs.getInt("cores"), Instant.parse(rs.getString("created")));
    int planned = rs.getInt("planned_trials");
    OptionalInt plannedTrials = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(planned);
    Optional<Instant> finished = Optional.ofNullable(rs.getString("finished")).map(Instant::parse);
    return new StudyRecord(info, StoredRequest.fromJson(rs.getString("request")), provenance, plannedTrials, finished);
  }

  @Override
  public List<StudySummary> list() {
    return read("listing studies", () -> summaries(Optional.empty()));
  }

  @Override
  public StudySummary summary(String name) {
    return read("reading the counts of " + name, () -> summaries(Optional.of(name)).stream().findFirst()
        .orElseThrow(() -> StoreException.unknownStudy(name)));
  }

  /** The list's lines of every study, or of the one named. */
  private List<StudySummary> summaries(Optional<String> name) throws SQLException {
    List<StudySummary> out = new ArrayList<>();
    try (PreparedStatement s = connection.prepareStatement("SELECT s.*,"
        + " (SELECT COUNT(*) FROM trials t WHERE t.study_id = s.id"
        + "   AND t.state IN ('complete', 'failed', 'pruned')) AS done_count,"
        + " (SELECT COUNT(*) FROM trials t WHERE t.study_id = s.id AND t.state = 'running') AS running_count,"
        + " (SELECT MAX(validation_mean) FROM trials t WHERE t.study_id = s.id AND t.state = 'complete') AS best_max,"
        + " (SELECT MIN(validation_mean) FROM trials t WHERE t.study_id = s.id AND t.state = 'complete') AS best_min"
        + " FROM studies s" + (name.isPresent() ? " WHERE s.name = ?" : "") + " ORDER BY s.id")) {
      if (name.isPresent()) {
        s.setString(1, name.get());
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          StudyRecord r = record(rs);
          int running = rs.getInt("running_count");
          double best = rs.getDouble(r.info().direction().equals("maximize") ? "best_max" : "best_min");
          OptionalDouble bestScore = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(best);
          out.add(new StudySummary(r.name(), r.info().model(), r.info().dataset(), rs.getInt("done_count"), running,
              r.plannedTrials(), bestScore, StudySummary.state(r, running)));
        }
      }
    }
    return out;
  }

  @Override
  public List<Trial> trials(String name) {
    return read("reading the trials of " + name, () -> trialsOf(studyId(name)));
  }

  @Override
  public void addTrials(String name, List<Trial> trials) {
    write("saving " + trials.size() + " trials of " + name, () -> {
      writeTrials(studyId(name), trials);
      return null;
    });
  }

  @Override
  public boolean delete(String name) {
    return write("deleting study " + name, () -> {
      try (PreparedStatement s = connection.prepareStatement("DELETE FROM studies WHERE name = ?")) {
        s.setString(1, name);
        boolean deleted = s.executeUpdate() > 0;
        deleteUnusedData();
        return deleted;
      }
    });
  }

  @Override
  public void markFinished(String name) {
    write("finishing study " + name, () -> {
      try (PreparedStatement s = connection.prepareStatement("UPDATE studies SET finished = ? WHERE name = ?")) {
        s.setString(1, Instant.now().toString());
        s.setString(2, name);
        if (s.executeUpdate() == 0) {
          throw StoreException.unknownStudy(name);
        }
      }
      return null;
    });
  }

  @Override
  public void saveTestScore(String name, TestScore score) {
    write("saving the held-out test score of " + name, () -> {
      long study = studyId(name);
      try (PreparedStatement s = connection.prepareStatement("INSERT INTO held_out_tests (study_id, trial,"
          + " metric, fraction, seed, tuning_rows, test_rows, params, train, validation, score, computed)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (study_id) DO UPDATE SET trial = excluded.trial,"
          + " metric = excluded.metric, fraction = excluded.fraction, seed = excluded.seed,"
          + " tuning_rows = excluded.tuning_rows, test_rows = excluded.test_rows, params = excluded.params,"
          + " train = excluded.train, validation = excluded.validation, score = excluded.score,"
          + " computed = excluded.computed")) {
        int k = 1;
        s.setLong(k++, study);
        s.setInt(k++, score.trial());
        s.setString(k++, score.metric());
        s.setDouble(k++, score.fraction());
        s.setLong(k++, score.seed());
        s.setInt(k++, score.tuningRows());
        s.setInt(k++, score.testRows());
        s.setString(k++, paramsJson(score.params()));
        setDouble(s, k++, score.train());
        setDouble(s, k++, score.validation());
        setDouble(s, k++, score.test());
        s.setString(k, Instant.now().toString());
        s.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<TestScore> testScore(String name) {
    return read("reading the held-out test score of " + name, () -> {
      try (PreparedStatement s = connection.prepareStatement("SELECT trial, metric, fraction, seed, tuning_rows,"
          + " test_rows, params, train, validation, score FROM held_out_tests WHERE study_id = ?")) {
        s.setLong(1, studyId(name));
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          return Optional.of(new TestScore(rs.getString(2), rs.getInt(1), params(rs.getString(7)), number(rs, 8),
              number(rs, 9), number(rs, 10), rs.getInt(5), rs.getInt(6), rs.getDouble(3), rs.getLong(4)));
        }
      }
    });
  }

  private long studyId(String name) throws SQLException {
    return studyId(connection, name);
  }

  /** The row id of the study of that name; {@link StoreException} when there is none. */
  static long studyId(Connection connection, String name) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT id FROM studies WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw StoreException.unknownStudy(name);
        }
        return rs.getLong(1);
      }
    }
  }

  // --- trials

  private List<Trial> trialsOf(long study) throws SQLException {
    return trialsOf(study, List.of());
  }

  /** The study's finished trials, those of the rows {@code only} when it is not empty. */
  private List<Trial> trialsOf(long study, List<Long> only) throws SQLException {
    List<Trial> out = new ArrayList<>();
    String rows = only.isEmpty() ? "" : " AND t.id IN (" + String.join(", ", java.util.Collections.nCopies(only.size(), "?"))
        + ")";
    try (PreparedStatement s = connection.prepareStatement("SELECT " + TRIAL_COLUMNS + ", f.fold, f.train, f.validation"
        + " FROM trials t LEFT JOIN fold_scores f ON f.trial_id = t.id"
        + " WHERE t.study_id = ? AND t.state <> 'running'" + rows + " ORDER BY t.number, f.fold")) {
      s.setLong(1, study);
      for (int i = 0; i < only.size(); i++) {
        s.setLong(i + 2, only.get(i));
      }
      try (ResultSet rs = s.executeQuery()) {
        long currentId = -1;
        Object[] head = null;
        List<FoldScore> folds = new ArrayList<>();
        while (rs.next()) {
          long id = rs.getLong(1);
          if (id != currentId) {
            if (head != null) {
              out.add(trial(head, folds));
            }
            currentId = id;
            head = new Object[] {rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getDouble(5), rs.getLong(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getDouble(10), rs.getString(11)};
            folds = new ArrayList<>();
          }
          rs.getInt(12);
          if (!rs.wasNull()) {
            folds.add(new FoldScore(number(rs, 13), number(rs, 14)));
          }
        }
        if (head != null) {
          out.add(trial(head, folds));
        }
      }
    }
    return out;
  }

  /** A REAL column, NULL read as NaN. */
  private static double number(ResultSet rs, int column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }

  private static Trial trial(Object[] h, List<FoldScore> folds) {
    return new Trial((Integer) h[0], TrialState.valueOf(((String) h[1]).toUpperCase(java.util.Locale.ROOT)),
        params((String) h[6]), folds, (Long) h[2], (Double) h[3], (Long) h[4], Optional.ofNullable((String) h[5]),
        Instant.parse((String) h[7]), (Double) h[8], attributes((String) h[9]));
  }

  /** A trial's attributes from their JSON object; none for NULL (trials stored before schema version 5). */
  private static Map<String, Double> attributes(String json) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (json == null) {
      return out;
    }
    try {
      JSON.readTree(json).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asDouble()));
    } catch (IOException e) {
      throw new StoreException("a trial's attributes are not valid JSON: " + json, e);
    }
    return out;
  }

  private static String attributesJson(Map<String, Double> attributes) {
    if (attributes.isEmpty()) {
      return null;
    }
    ObjectNode node = JSON.createObjectNode();
    attributes.forEach(node::put);
    return node.toString();
  }

  private static Map<String, Object> params(String json) {
    Map<String, Object> params = new LinkedHashMap<>();
    try {
      JSON.readTree(json).fields().forEachRemaining(e -> {
        JsonNode v = e.getValue();
        Object value = v.isIntegralNumber() ? (Object) v.asLong()
            : v.isNumber() ? (Object) v.asDouble()
            : v.isBoolean() ? (Object) v.asBoolean()
            : v.isNull() ? null : v.asText();
        params.put(e.getKey(), value);
      });
    } catch (IOException e) {
      throw new StoreException("the parameters of a trial cannot be read: " + e.getMessage(), e);
    }
    return params;
  }

  private static String paramsJson(Map<String, Object> params) {
    ObjectNode n = JSON.createObjectNode();
    params.forEach((k, v) -> {
      if (v instanceof Long l) {
        n.put(k, l);
      } else if (v instanceof Integer i) {
        n.put(k, (long) i);
      } else if (v instanceof Double d) {
        n.put(k, d);
      } else if (v instanceof Boolean b) {
        n.put(k, b);
      } else if (v == null) {
        n.putNull(k);
      } else {
        n.put(k, String.valueOf(v));
      }
    });
    return n.toString();
  }

  /**
   * Writes finished trials inside the caller's transaction, replacing any row of the same numbers (a
   * running claim, an interrupted trial). Trial ids are given here, so that trials and fold scores go in
   * as two batches: one native call each, whatever the number of trials.
   */
  private void writeTrials(long study, List<Trial> trials) throws SQLException {
    String now = Instant.now().toString();
    try (PreparedStatement delete = connection.prepareStatement(
             "DELETE FROM trials WHERE study_id = ? AND number = ?");
         PreparedStatement insert = connection.prepareStatement("INSERT INTO trials (id, study_id, number, state,"
             + " seed, fit_seconds, bytes_allocated, error, params, train_mean, validation_mean, started, finished,"
             + " budget, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
         PreparedStatement fold = connection.prepareStatement(
             "INSERT INTO fold_scores (trial_id, fold, train, validation) VALUES (?, ?, ?, ?)")) {
      long[] ids = newTrialIds(trials.size());
      int next = 0;
      for (Trial t : trials) {
        delete.setLong(1, study);
        delete.setInt(2, t.number());
        delete.addBatch();
      }
      delete.executeBatch();
      int folds = 0;
      for (Trial t : trials) {
        long id = ids[next++];
        int k = 1;
        insert.setLong(k++, id);
        insert.setLong(k++, study);
        insert.setInt(k++, t.number());
        insert.setString(k++, t.state().id());
        insert.setLong(k++, t.seed());
        setDouble(insert, k++, t.fitSeconds());
        insert.setLong(k++, t.bytesAllocated());
        insert.setString(k++, t.error().orElse(null));
        insert.setString(k++, paramsJson(t.params()));
        setDouble(insert, k++, t.train().mean());
        setDouble(insert, k++, t.validation().mean());
        insert.setString(k++, t.started().toString());
        insert.setString(k++, now);
        insert.setDouble(k++, t.budget());
        insert.setString(k, attributesJson(t.attributes()));
        insert.addBatch();
        for (int f = 0; f < t.folds().size(); f++) {
          fold.setLong(1, id);
          fold.setInt(2, f);
          setDouble(fold, 3, t.folds().get(f).train());
          setDouble(fold, 4, t.folds().get(f).validation());
          fold.addBatch();
          folds++;
        }
      }
      insert.executeBatch();
      if (folds > 0) {
        fold.executeBatch();
      }
    }
  }

  // --- imported studies

  // --- data files

  @Override
  public void saveData(StoredData data) {
    write("keeping a copy of " + data.fileName(), () -> {
      try (PreparedStatement s = connection.prepareStatement("INSERT INTO study_data (sha256, file_name, format,"
          + " size, compressed, stored) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING")) {
        s.setString(1, data.sha256());
        s.setString(2, data.fileName());
        s.setString(3, data.format());
        s.setLong(4, data.size());
        s.setBytes(5, data.compressed());
        s.setString(6, Instant.now().toString());
        s.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public boolean hasData(String sha256) {
    return read("looking for a copy of data " + sha256, () -> {
      try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM study_data WHERE sha256 = ?")) {
        s.setString(1, sha256);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  @Override
  public Optional<StoredData> data(String sha256) {
    return read("reading the copy of data " + sha256, () -> {
      try (PreparedStatement s = connection.prepareStatement(
          "SELECT file_name, format, size, compressed FROM study_data WHERE sha256 = ?")) {
        s.setString(1, sha256);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next()
              ? Optional.of(new StoredData(sha256, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBytes(4)))
              : Optional.empty();
        }
      }
    });
  }

  /** Inside a transaction: drops the copies of data files no study uses any more. */
  private void deleteUnusedData() throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(
        "DELETE FROM study_data WHERE sha256 NOT IN (SELECT dataset_sha256 FROM studies)")) {
      s.executeUpdate();
    }
  }

  @Override
  public void saveImport(ImportedStudy imported) {
    String name = imported.name();
    boolean created = createIfAbsent(imported.study()) == imported.study();
    try {
      saveImportOver(imported, created);
    } catch (RuntimeException e) {
      if (created) {
        // Nothing of a failed first import stays: not even its empty study.
        delete(name);
      }
      throw e;
    }
  }

  private void saveImportOver(ImportedStudy imported, boolean created) {
    String name = imported.name();
    write("importing study " + name, () -> {
      long study = studyId(name);
      if (!created) {
        Optional<ImportRecord> was = importOf(study);
        if (!was.map(o -> o.sameSource(imported.origin())).orElse(false)) {
          throw ImportConflict.of(imported, was);
        }
        updateImportedStudy(study, imported.study());
      }
      ImportRecord o = imported.origin();
      try (PreparedStatement s = connection.prepareStatement("INSERT INTO study_imports (study_id, origin,"
          + " source, source_study, objective, objectives, space, declarations, imported)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (study_id) DO UPDATE SET origin = excluded.origin,"
          + " source = excluded.source, source_study = excluded.source_study, objective = excluded.objective,"
          + " objectives = excluded.objectives, space = excluded.space, declarations = excluded.declarations,"
          + " imported = excluded.imported")) {
        int k = 1;
        s.setLong(k++, study);
        s.setString(k++, o.origin());
        s.setString(k++, o.source());
        s.setString(k++, o.sourceStudy().orElse(null));
        s.setInt(k++, o.objective());
        s.setString(k++, ImportJson.objectives(o.objectives()));
        s.setString(k++, ImportJson.space(o.space()));
        s.setString(k++, ImportJson.texts(o.declarations()));
        s.setString(k, o.imported().toString());
        s.executeUpdate();
      }
      // The source is the truth: its trials replace the ones imported before, so none is kept twice.
      try (PreparedStatement t = connection.prepareStatement("DELETE FROM trials WHERE study_id = ?");
           PreparedStatement x = connection.prepareStatement("DELETE FROM imported_trials WHERE study_id = ?")) {
        t.setLong(1, study);
        t.executeUpdate();
        x.setLong(1, study);
        x.executeUpdate();
      }
      writeTrials(study, imported.trials());
      try (PreparedStatement s = connection.prepareStatement("INSERT INTO imported_trials (study_id, number,"
          + " source_id, completed, trial_values, intermediate, user_attributes) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (ImportedTrial t : imported.extras()) {
          int k = 1;
          s.setLong(k++, study);
          s.setInt(k++, t.number());
          s.setString(k++, t.sourceId().orElse(null));
          s.setString(k++, t.completed().map(Instant::toString).orElse(null));
          s.setString(k++, ImportJson.numbers(t.values()));
          s.setString(k++, ImportJson.steps(t.intermediate()));
          s.setString(k, ImportJson.texts(t.userAttributes()));
          s.addBatch();
        }
        if (!imported.extras().isEmpty()) {
          s.executeBatch();
        }
      }
      return null;
    });
  }

  /** Rewrites what an import describes of a study; its provenance (when it was first imported) stays. */
  private void updateImportedStudy(long id, StudyRecord study) throws SQLException {
    StudyInfo i = study.info();
    try (PreparedStatement s = connection.prepareStatement("UPDATE studies SET model = ?, task = ?, metric = ?,"
        + " direction = ?, search = ?, folds = ?, fold_method = ?, dataset_path = ?, dataset_sha256 = ?,"
        + " dataset_rows = ?, dataset_columns = ?, target = ?, space = ?, request = ?, planned_trials = ?,"
        + " finished = ? WHERE id = ?")) {
      int k = 1;
      s.setString(k++, i.model());
      s.setString(k++, i.task());
      s.setString(k++, i.metric());
      s.setString(k++, i.direction());
      s.setString(k++, i.search());
      s.setInt(k++, i.folds());
      s.setString(k++, i.foldMethod());
      s.setString(k++, i.dataset());
      s.setString(k++, i.sha256());
      s.setInt(k++, i.rows());
      s.setInt(k++, i.features());
      s.setString(k++, i.target());
      s.setString(k++, JSON.writeValueAsString(i.space()));
      s.setString(k++, study.request().toJson());
      setInt(s, k++, study.plannedTrials());
      s.setString(k++, study.finished().map(Instant::toString).orElse(null));
      s.setLong(k, id);
      s.executeUpdate();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Optional<ImportRecord> importRecord(String name) {
    return read("reading where study " + name + " was imported from", () -> importOf(studyId(name)));
  }

  private Optional<ImportRecord> importOf(long study) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT origin, source, source_study, objective,"
        + " objectives, space, declarations, imported FROM study_imports WHERE study_id = ?")) {
      s.setLong(1, study);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new ImportRecord(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
            rs.getInt(4), ImportJson.objectives(rs.getString(5)), ImportJson.space(rs.getString(6)),
            ImportJson.texts(rs.getString(7)), Instant.parse(rs.getString(8))));
      }
    }
  }

  @Override
  public List<ImportedTrial> importedTrials(String name) {
    return read("reading the imported trials of " + name, () -> {
      List<ImportedTrial> out = new ArrayList<>();
      try (PreparedStatement s = connection.prepareStatement("SELECT number, source_id, completed, trial_values,"
          + " intermediate, user_attributes FROM imported_trials WHERE study_id = ? ORDER BY number")) {
        s.setLong(1, studyId(name));
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.add(new ImportedTrial(rs.getInt(1), Optional.ofNullable(rs.getString(2)),
                ImportJson.instant(rs.getString(3)), ImportJson.numbers(rs.getString(4)),
                ImportJson.steps(rs.getString(5)), ImportJson.texts(rs.getString(6))));
          }
        }
      }
      return out;
    });
  }

  // --- following a study

  /** At most this many rows are read by id in one query (SQLite allows 999 parameters in old versions). */
  private static final int ROWS_PER_QUERY = 500;

  /**
   * Reads the ids of the study's finished trial rows (a trial written again gets a new row), then only the
   * rows not seen: a follower of a long study reads a few trials per poll, not all of them. Ids are compared
   * as sets, not as "greater than the last": two workers' transactions may commit in another order than
   * their ids were taken.
   */
  @Override
  public TrialsSince trialsSince(String name, Set<Long> seen) {
    return read("reading the new trials of " + name, () -> {
      long study = studyId(name);
      Set<Long> rows = new HashSet<>();
      List<Long> fresh = new ArrayList<>();
      try (PreparedStatement s = connection.prepareStatement(
          "SELECT id FROM trials WHERE study_id = ? AND state <> 'running'")) {
        s.setLong(1, study);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            long id = rs.getLong(1);
            rows.add(id);
            if (!seen.contains(id)) {
              fresh.add(id);
            }
          }
        }
      }
      if (fresh.size() > ROWS_PER_QUERY) {
        // Mostly new (the first look): one plain read of them all is cheaper than many lists of ids.
        return new TrialsSince(trialsOf(study), rows);
      }
      return new TrialsSince(fresh.isEmpty() ? List.of() : trialsOf(study, fresh), rows);
    });
  }

  /** The owners of the study's running trials that are not gone, as {@link #markInterruptedOfGoneOwners} judges. */
  @Override
  public int activeWorkers(String name) {
    return read("counting the workers of " + name, () -> {
      int active = 0;
      Instant now = Instant.now();
      try (PreparedStatement s = connection.prepareStatement("SELECT DISTINCT t.owner, o.heartbeat FROM trials t"
          + " JOIN owners o ON o.id = t.owner WHERE t.study_id = ? AND t.state = 'running'")) {
        s.setLong(1, studyId(name));
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            Instant beat = Instant.ofEpochMilli(rs.getLong(2));
            if (Owner.parse(rs.getString(1)).filter(o -> !o.isGone(beat, now)).isPresent()) {
              active++;
            }
          }
        }
      }
      return active;
    });
  }

  // --- owners and ledgers

  @Override
  public TrialLedger ledger(String name, Owner owner) {
    long study = read("opening study " + name, () -> studyId(name));
    beat(owner);
    return new Ledger(study, owner);
  }

  private void beat(Owner owner) {
    write("registering this process", () -> {
      upsertOwner(owner);
      return null;
    });
    synchronized (this) {
      owners.put(owner.id(), owner);
      if (heartbeat == null) {
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "tunescope-store-heartbeat");
          t.setDaemon(true);
          return t;
        });
        long every = Owner.HEARTBEAT.toMillis();
        heartbeat.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
      }
    }
  }

  /** Says the owner is alive now; registers it again if another process took it for gone meanwhile. */
  private void upsertOwner(Owner owner) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("INSERT INTO owners (id, pid, host, started, heartbeat)"
        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET heartbeat = excluded.heartbeat")) {
      s.setString(1, owner.id());
      s.setLong(2, owner.pid());
      s.setString(3, owner.host());
      s.setString(4, owner.started().toString());
      s.setLong(5, System.currentTimeMillis());
      s.executeUpdate();
    }
  }

  /**
   * Every {@link Owner#HEARTBEAT}: renews the heartbeat of this store's owners, which vouches for their running
   * trials (a trial whose owner on another host stops beating is marked interrupted as stale).
   */
  private void heartbeat() {
    try {
      write("heartbeat", () -> {
        for (Owner o : owners.values()) {
          upsertOwner(o);
        }
        return null;
      });
    } catch (RuntimeException e) {
      // A missed heartbeat is harmless: the next one comes soon, and the process's pid speaks for it.
    }
  }

  @Override
  public int markInterruptedOfGoneOwners() {
    return write("marking interrupted trials", () -> {
      Map<String, Long> running = new LinkedHashMap<>();
      try (Statement s = connection.createStatement();
           ResultSet rs = s.executeQuery("SELECT DISTINCT t.owner, o.heartbeat FROM trials t"
               + " LEFT JOIN owners o ON o.id = t.owner WHERE t.state = 'running'")) {
        while (rs.next()) {
          running.put(String.valueOf(rs.getString(1)), rs.getLong(2));
        }
      }
      int marked = 0;
      Instant now = Instant.now();
      for (Map.Entry<String, Long> e : running.entrySet()) {
        Optional<Owner> owner = Owner.parse(e.getKey());
        if (owner.isPresent() && !owner.get().isGone(Instant.ofEpochMilli(e.getValue()), now)) {
          continue;
        }
        boolean none = e.getKey().equals("null");
        try (PreparedStatement u = connection.prepareStatement("UPDATE trials SET state = 'interrupted',"
            + " error = ?, finished = ?, owner = NULL WHERE state = 'running' AND "
            + (none ? "owner IS NULL" : "owner = ?"))) {
          u.setString(1, owner.map(o -> Interrupted.reason(o, Instant.ofEpochMilli(e.getValue()), now))
              .orElse("the process running it stopped"));
          u.setString(2, now.toString());
          if (!none) {
            u.setString(3, e.getKey());
          }
          marked += u.executeUpdate();
        }
        try (PreparedStatement d = connection.prepareStatement("DELETE FROM owners WHERE id = ?")) {
          d.setString(1, e.getKey());
          d.executeUpdate();
        }
      }
      return marked;
    });
  }

  /** The ledger of one owner on one study: claims are immediate transactions, so processes never share a number. */
  private final class Ledger implements TrialLedger {
    private final long study;
    private final Owner owner;

    Ledger(long study, Owner owner) {
      this.study = study;
      this.owner = owner;
    }

    @Override
    public OptionalInt claim(Study s, Instant deadline) {
      return write("claiming a trial", () -> {
        lockStudy(study);
        Set<Integer> taken = new HashSet<>();
        try (PreparedStatement q = connection.prepareStatement(
            "SELECT number FROM trials WHERE study_id = ? AND state <> 'interrupted'")) {
          q.setLong(1, study);
          try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
              taken.add(rs.getInt(1));
            }
          }
        }
        OptionalInt next = TrialLedger.nextNumber(s, deadline, taken, 0);
        if (next.isEmpty()) {
          return next;
        }
        int number = next.getAsInt();
        try (PreparedStatement d = connection.prepareStatement(
            "DELETE FROM trials WHERE study_id = ? AND number = ?")) {
          d.setLong(1, study);
          d.setInt(2, number);
          d.executeUpdate();
        }
        try (PreparedStatement i = connection.prepareStatement("INSERT INTO trials (study_id, number, state, seed,"
            + " params, started, owner) VALUES (?, ?, 'running', ?, '{}', ?, ?)")) {
          i.setLong(1, study);
          i.setInt(2, number);
          i.setLong(3, Seeds.derive(s.seed(), number));
          i.setString(4, Instant.now().toString());
          i.setString(5, owner.id());
          i.executeUpdate();
        }
        return OptionalInt.of(number);
      });
    }

    @Override
    public void release(int number) {
      write("releasing trial " + number, () -> {
        try (PreparedStatement d = connection.prepareStatement("DELETE FROM trials WHERE study_id = ? AND number = ?"
            + " AND state = 'running' AND owner = ?")) {
          d.setLong(1, study);
          d.setInt(2, number);
          d.setString(3, owner.id());
          d.executeUpdate();
        }
        return null;
      });
    }

    @Override
    public void finish(Trial trial) {
      write("saving trial " + trial.number(), () -> {
        writeTrials(study, List.of(trial));
        return null;
      });
    }

    @Override
    public List<Trial> finished() {
      return read("reading trials", () -> trialsOf(study));
    }

    /** The running row gets its parameters and budget, for other workers' samplers ({@link #running}). */
    @Override
    public void started(int number, Map<String, Object> params, double budget) {
      write("starting trial " + number, () -> {
        try (PreparedStatement u = connection.prepareStatement("UPDATE trials SET params = ?, budget = ?"
            + " WHERE study_id = ? AND number = ? AND state = 'running' AND owner = ?")) {
          u.setString(1, paramsJson(params));
          u.setDouble(2, budget);
          u.setLong(3, study);
          u.setInt(4, number);
          u.setString(5, owner.id());
          u.executeUpdate();
        }
        return null;
      });
    }

    @Override
    public List<RunningTrial> running() {
      return read("reading running trials", () -> {
        List<RunningTrial> out = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT number, params, budget FROM trials"
            + " WHERE study_id = ? AND state = 'running' ORDER BY number")) {
          q.setLong(1, study);
          try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
              Map<String, Object> params = params(rs.getString(2));
              double budget = number(rs, 3);
              if (!params.isEmpty()) { // claimed, its parameters not chosen yet
                out.add(new RunningTrial(rs.getInt(1), params, Double.isNaN(budget) ? 1.0 : budget));
              }
            }
          }
        }
        return out;
      });
    }
  }

  // --- comparisons and kept predictions (the SQL is in JdbcComparisons)

  @Override
  public void saveComparison(ComparisonRecord comparison) {
    write("saving comparison " + comparison.name(), () -> {
      JdbcComparisons.save(connection, comparison);
      return null;
    });
  }

  @Override
  public Optional<ComparisonRecord> findComparison(String name) {
    return read("reading comparison " + name, () -> JdbcComparisons.find(connection, name));
  }

  @Override
  public List<ComparisonRecord> comparisons() {
    return read("listing comparisons", () -> JdbcComparisons.all(connection, null));
  }

  @Override
  public boolean deleteComparison(String name) {
    return write("deleting comparison " + name, () -> JdbcComparisons.delete(connection, name));
  }

  @Override
  public void savePredictions(String study, int trial, List<org.tunescope.engine.study.FoldPredictions> folds) {
    write("saving the predictions of trial " + trial + " of " + study, () -> {
      JdbcComparisons.savePredictions(connection, study, trial, folds);
      return null;
    });
  }

  @Override
  public Optional<List<org.tunescope.engine.study.FoldPredictions>> predictions(String study, int trial) {
    return read("reading the predictions of trial " + trial + " of " + study,
        () -> JdbcComparisons.predictions(connection, study, trial));
  }

  // --- transactions and errors

  @FunctionalInterface
  protected interface Work<T> {
    T run() throws SQLException;
  }

  /** Runs {@code work} in one transaction that writes: all of it is kept, or none. */
  protected final synchronized <T> T write(String doing, Work<T> work) {
    try {
      begin();
      try {
        T result = work.run();
        commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          rollback();
        } catch (SQLException ignored) {
          // The database may have rolled back already (SQLite on a full disk does); the first failure is
          // the one to report.
        }
        throw e;
      }
    } catch (SQLException e) {
      throw translate(e, doing);
    }
  }

  protected final synchronized <T> T read(String doing, Work<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw translate(e, doing);
    }
  }

  private static void setInt(PreparedStatement s, int index, OptionalInt value) throws SQLException {
    if (value.isPresent()) {
      s.setInt(index, value.getAsInt());
    } else {
      s.setNull(index, Types.INTEGER);
    }
  }

  /** Not-a-number is stored as NULL, which SQLite would do anyway, and read back as NaN. */
  private static void setDouble(PreparedStatement s, int index, double value) throws SQLException {
    if (Double.isFinite(value)) {
      s.setDouble(index, value);
    } else {
      s.setNull(index, Types.REAL);
    }
  }

  @Override
  public synchronized void close() {
    if (heartbeat != null) {
      heartbeat.shutdownNow();
    }
    closeQuietly(connection);
  }

  protected static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // Nothing left to save.
      }
    }
  }
}
