package org.tunescope.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
      int created = Sql.update(connection, "INSERT INTO studies (name, model, task, metric, direction, search,"
          + " grid_points, seed, folds, fold_method, dataset_path, dataset_sha256, dataset_rows, dataset_columns, target,"
          + " space, request, budget_trials, budget_seconds, planned_trials, tunescope_version, smile_version,"
          + " java_version, cores, created, finished)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (name) DO NOTHING", i.name(), i.model(), i.task(), i.metric(), i.direction(), i.search(),
          i.gridPoints(), i.seed(), i.folds(), i.foldMethod(), i.dataset(), i.sha256(), i.rows(), i.features(),
          i.target(), spaceJson(i.space()), r.toJson(), r.maxTrials(),
          r.maxTime().map(t -> t.toMillis() / 1000.0), study.plannedTrials(), p.tunescopeVersion(),
          p.smileVersion(), p.javaVersion(), p.cores(), p.created(), study.finished());
      // None when another process created it since we looked: theirs is the study.
      return created > 0 ? study
          : findRecord(study.name()).orElseThrow(() -> StoreException.unknownStudy(study.name()));
    });
  }

  @Override
  public Optional<StudyRecord> find(String name) {
    return read("reading study " + name, () -> findRecord(name));
  }

  private Optional<StudyRecord> findRecord(String name) throws SQLException {
    return Sql.first(connection, "SELECT * FROM studies WHERE name = ?", JdbcStudyStore::record, name);
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
    return Sql.query(connection, "SELECT s.*,"
        + " (SELECT COUNT(*) FROM trials t WHERE t.study_id = s.id"
        + "   AND t.state IN ('complete', 'failed', 'pruned')) AS done_count,"
        + " (SELECT COUNT(*) FROM trials t WHERE t.study_id = s.id AND t.state = 'running') AS running_count,"
        + " (SELECT MAX(validation_mean) FROM trials t WHERE t.study_id = s.id AND t.state = 'complete') AS best_max,"
        + " (SELECT MIN(validation_mean) FROM trials t WHERE t.study_id = s.id AND t.state = 'complete') AS best_min"
        + " FROM studies s" + (name.isPresent() ? " WHERE s.name = ?" : "") + " ORDER BY s.id", rs -> {
          StudyRecord r = record(rs);
          int running = rs.getInt("running_count");
          double best = rs.getDouble(r.info().direction().equals("maximize") ? "best_max" : "best_min");
          OptionalDouble bestScore = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(best);
          return new StudySummary(r.name(), r.info().model(), r.info().dataset(), rs.getInt("done_count"), running,
              r.plannedTrials(), bestScore, StudySummary.state(r, running));
        }, name.stream().toArray());
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
      boolean deleted = Sql.update(connection, "DELETE FROM studies WHERE name = ?", name) > 0;
      // The copies of data files no study uses any more go with it.
      Sql.update(connection, "DELETE FROM study_data WHERE sha256 NOT IN (SELECT dataset_sha256 FROM studies)");
      return deleted;
    });
  }

  @Override
  public void markFinished(String name) {
    write("finishing study " + name, () -> {
      if (Sql.update(connection, "UPDATE studies SET finished = ? WHERE name = ?", Instant.now(), name) == 0) {
        throw StoreException.unknownStudy(name);
      }
      return null;
    });
  }

  @Override
  public void saveTestScore(String name, TestScore score) {
    write("saving the held-out test score of " + name, () -> {
      Sql.update(connection, "INSERT INTO held_out_tests (study_id, trial, metric, fraction, seed, tuning_rows,"
          + " test_rows, params, train, validation, score, computed)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (study_id) DO UPDATE SET trial = excluded.trial,"
          + " metric = excluded.metric, fraction = excluded.fraction, seed = excluded.seed,"
          + " tuning_rows = excluded.tuning_rows, test_rows = excluded.test_rows, params = excluded.params,"
          + " train = excluded.train, validation = excluded.validation, score = excluded.score,"
          + " computed = excluded.computed", studyId(name), score.trial(), score.metric(), score.fraction(),
          score.seed(), score.tuningRows(), score.testRows(), paramsJson(score.params()), score.train(),
          score.validation(), score.test(), Instant.now());
      return null;
    });
  }

  @Override
  public Optional<TestScore> testScore(String name) {
    return read("reading the held-out test score of " + name, () -> Sql.first(connection, "SELECT trial, metric,"
        + " fraction, seed, tuning_rows, test_rows, params, train, validation, score FROM held_out_tests"
        + " WHERE study_id = ?", rs -> new TestScore(rs.getString(2), rs.getInt(1), params(rs.getString(7)),
            number(rs, 8), number(rs, 9), number(rs, 10), rs.getInt(5), rs.getInt(6), rs.getDouble(3),
            rs.getLong(4)), studyId(name)));
  }

  private long studyId(String name) throws SQLException {
    return studyId(connection, name);
  }

  /** The row id of the study of that name; {@link StoreException} when there is none. */
  static long studyId(Connection connection, String name) throws SQLException {
    return Sql.first(connection, "SELECT id FROM studies WHERE name = ?", rs -> rs.getLong(1), name)
        .orElseThrow(() -> StoreException.unknownStudy(name));
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
      List<Object> values = new ArrayList<>(only);
      values.add(0, study);
      Sql.bind(s, values.toArray());
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

  private static double number(ResultSet rs, int column) throws SQLException {
    return Sql.number(rs, column);
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
        Sql.bind(delete, study, t.number());
        delete.addBatch();
      }
      delete.executeBatch();
      int folds = 0;
      for (Trial t : trials) {
        long id = ids[next++];
        Sql.bind(insert, id, study, t.number(), t.state().id(), t.seed(), t.fitSeconds(), t.bytesAllocated(),
            t.error(), paramsJson(t.params()), t.train().mean(), t.validation().mean(), t.started(), now, t.budget(),
            attributesJson(t.attributes()));
        insert.addBatch();
        for (int f = 0; f < t.folds().size(); f++) {
          Sql.bind(fold, id, f, t.folds().get(f).train(), t.folds().get(f).validation());
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
    write("keeping a copy of " + data.fileName(), () -> Sql.update(connection, "INSERT INTO study_data (sha256,"
        + " file_name, format, size, compressed, stored) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
        data.sha256(), data.fileName(), data.format(), data.size(), data.compressed(), Instant.now()));
  }

  @Override
  public boolean hasData(String sha256) {
    return read("looking for a copy of data " + sha256, () -> Sql.first(connection,
        "SELECT 1 FROM study_data WHERE sha256 = ?", rs -> true, sha256).isPresent());
  }

  @Override
  public Optional<StoredData> data(String sha256) {
    return read("reading the copy of data " + sha256, () -> Sql.first(connection,
        "SELECT file_name, format, size, compressed FROM study_data WHERE sha256 = ?",
        rs -> new StoredData(sha256, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBytes(4)), sha256));
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
      Sql.update(connection, "INSERT INTO study_imports (study_id, origin, source, source_study, objective,"
          + " objectives, space, declarations, imported)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (study_id) DO UPDATE SET origin = excluded.origin,"
          + " source = excluded.source, source_study = excluded.source_study, objective = excluded.objective,"
          + " objectives = excluded.objectives, space = excluded.space, declarations = excluded.declarations,"
          + " imported = excluded.imported", study, o.origin(), o.source(), o.sourceStudy(), o.objective(),
          ImportJson.objectives(o.objectives()), ImportJson.space(o.space()), ImportJson.texts(o.declarations()),
          o.imported());
      // The source is the truth: its trials replace the ones imported before, so none is kept twice.
      Sql.update(connection, "DELETE FROM trials WHERE study_id = ?", study);
      Sql.update(connection, "DELETE FROM imported_trials WHERE study_id = ?", study);
      writeTrials(study, imported.trials());
      try (PreparedStatement s = connection.prepareStatement("INSERT INTO imported_trials (study_id, number,"
          + " source_id, completed, trial_values, intermediate, user_attributes) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (ImportedTrial t : imported.extras()) {
          Sql.bind(s, study, t.number(), t.sourceId(), t.completed(), ImportJson.numbers(t.values()),
              ImportJson.steps(t.intermediate()), ImportJson.texts(t.userAttributes()));
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
    Sql.update(connection, "UPDATE studies SET model = ?, task = ?, metric = ?, direction = ?, search = ?,"
        + " folds = ?, fold_method = ?, dataset_path = ?, dataset_sha256 = ?, dataset_rows = ?, dataset_columns = ?,"
        + " target = ?, space = ?, request = ?, planned_trials = ?, finished = ? WHERE id = ?", i.model(), i.task(),
        i.metric(), i.direction(), i.search(), i.folds(), i.foldMethod(), i.dataset(), i.sha256(), i.rows(),
        i.features(), i.target(), spaceJson(i.space()), study.request().toJson(), study.plannedTrials(),
        study.finished(), id);
  }

  private static String spaceJson(Map<String, String> space) {
    try {
      return JSON.writeValueAsString(space);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Optional<ImportRecord> importRecord(String name) {
    return read("reading where study " + name + " was imported from", () -> importOf(studyId(name)));
  }

  private Optional<ImportRecord> importOf(long study) throws SQLException {
    return Sql.first(connection, "SELECT origin, source, source_study, objective, objectives, space, declarations,"
        + " imported FROM study_imports WHERE study_id = ?", rs -> new ImportRecord(rs.getString(1), rs.getString(2),
            Optional.ofNullable(rs.getString(3)), rs.getInt(4), ImportJson.objectives(rs.getString(5)),
            ImportJson.space(rs.getString(6)), ImportJson.texts(rs.getString(7)), Instant.parse(rs.getString(8))),
        study);
  }

  @Override
  public List<ImportedTrial> importedTrials(String name) {
    return read("reading the imported trials of " + name, () -> Sql.query(connection, "SELECT number, source_id,"
        + " completed, trial_values, intermediate, user_attributes FROM imported_trials WHERE study_id = ?"
        + " ORDER BY number", rs -> new ImportedTrial(rs.getInt(1), Optional.ofNullable(rs.getString(2)),
            ImportJson.instant(rs.getString(3)), ImportJson.numbers(rs.getString(4)),
            ImportJson.steps(rs.getString(5)), ImportJson.texts(rs.getString(6))), studyId(name)));
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
      Set<Long> rows = new HashSet<>(Sql.query(connection,
          "SELECT id FROM trials WHERE study_id = ? AND state <> 'running'", rs -> rs.getLong(1), study));
      List<Long> fresh = rows.stream().filter(id -> !seen.contains(id)).toList();
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
    Instant now = Instant.now();
    return read("counting the workers of " + name, () -> (int) Sql.query(connection, "SELECT DISTINCT t.owner,"
        + " o.heartbeat FROM trials t JOIN owners o ON o.id = t.owner WHERE t.study_id = ? AND t.state = 'running'",
        rs -> {
          Instant beat = Instant.ofEpochMilli(rs.getLong(2));
          return Owner.parse(rs.getString(1)).filter(o -> !o.isGone(beat, now));
        }, studyId(name)).stream().filter(Optional::isPresent).count());
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
    Sql.update(connection, "INSERT INTO owners (id, pid, host, started, heartbeat) VALUES (?, ?, ?, ?, ?)"
        + " ON CONFLICT (id) DO UPDATE SET heartbeat = excluded.heartbeat", owner.id(), owner.pid(), owner.host(),
        owner.started(), System.currentTimeMillis());
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
      List<Map.Entry<String, Long>> running = Sql.query(connection, "SELECT DISTINCT t.owner, o.heartbeat"
          + " FROM trials t LEFT JOIN owners o ON o.id = t.owner WHERE t.state = 'running'",
          rs -> Map.entry(String.valueOf(rs.getString(1)), rs.getLong(2)));
      int marked = 0;
      Instant now = Instant.now();
      for (Map.Entry<String, Long> e : running) {
        Optional<Owner> owner = Owner.parse(e.getKey());
        if (owner.isPresent() && !owner.get().isGone(Instant.ofEpochMilli(e.getValue()), now)) {
          continue;
        }
        boolean none = e.getKey().equals("null");
        String reason = owner.map(o -> Interrupted.reason(o, Instant.ofEpochMilli(e.getValue()), now))
            .orElse("the process running it stopped");
        marked += Sql.update(connection, "UPDATE trials SET state = 'interrupted', error = ?, finished = ?,"
            + " owner = NULL WHERE state = 'running' AND " + (none ? "owner IS NULL" : "owner = ?"),
            none ? new Object[] {reason, now} : new Object[] {reason, now, e.getKey()});
        Sql.update(connection, "DELETE FROM owners WHERE id = ?", e.getKey());
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
        Set<Integer> taken = new HashSet<>(Sql.query(connection,
            "SELECT number FROM trials WHERE study_id = ? AND state <> 'interrupted'", rs -> rs.getInt(1), study));
        OptionalInt next = TrialLedger.nextNumber(s, deadline, taken, 0);
        if (next.isEmpty()) {
          return next;
        }
        int number = next.getAsInt();
        Sql.update(connection, "DELETE FROM trials WHERE study_id = ? AND number = ?", study, number);
        Sql.update(connection, "INSERT INTO trials (study_id, number, state, seed, params, started, owner)"
            + " VALUES (?, ?, 'running', ?, '{}', ?, ?)", study, number, Seeds.derive(s.seed(), number),
            Instant.now(), owner.id());
        return next;
      });
    }

    @Override
    public void release(int number) {
      write("releasing trial " + number, () -> Sql.update(connection, "DELETE FROM trials WHERE study_id = ?"
          + " AND number = ? AND state = 'running' AND owner = ?", study, number, owner.id()));
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
      write("starting trial " + number, () -> Sql.update(connection, "UPDATE trials SET params = ?, budget = ?"
          + " WHERE study_id = ? AND number = ? AND state = 'running' AND owner = ?", paramsJson(params), budget,
          study, number, owner.id()));
    }

    @Override
    public List<RunningTrial> running() {
      return read("reading running trials", () -> Sql.query(connection, "SELECT number, params, budget FROM trials"
          + " WHERE study_id = ? AND state = 'running' ORDER BY number", rs -> {
            double budget = number(rs, 3);
            return new RunningTrial(rs.getInt(1), params(rs.getString(2)), Double.isNaN(budget) ? 1.0 : budget);
          }, study).stream().filter(t -> !t.params().isEmpty()).toList()); // empty: claimed, not chosen yet
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
