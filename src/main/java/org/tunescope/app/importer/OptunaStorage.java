package org.tunescope.app.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.tunescope.store.ImportedTrial;
import org.tunescope.store.PostgresStudyStore;
import org.tunescope.store.PostgresUrl;

/**
 * An Optuna RDB storage, read with plain SQL over Optuna's schema ({@code optuna/storages/_rdb/models.py}):
 * no Python at run time. It reads the schemas of Optuna 2.0 to 4.x (alembic revisions v1.3.0.a to v3.2.0.a,
 * told apart by {@code alembic_version} and by the columns present). Before v2.4.0.a (Optuna 2.0 to 2.3) a
 * study had one direction ({@code studies.direction}), a trial its value in {@code trials.value}, and
 * {@code trial_values} held the intermediate values. The SQL is portable (no SQLite
 * pragmas): an SQLite file and a PostgreSQL database are read by the same queries.
 */
public final class OptunaStorage implements AutoCloseable {

  /** The alembic revisions read, oldest first; v3.2.0.a is still the head of Optuna 4.x. */
  static final List<String> REVISIONS = List.of("v1.3.0.a", "v2.4.0.a", "v2.6.0.a", "v3.0.0.a", "v3.0.0.b", "v3.0.0.c",
      "v3.0.0.d", "v3.2.0.a");
  /** Revisions of Optuna 1.x: trial numbers were still system attributes. */
  static final List<String> OLD_REVISIONS = List.of("v0.9.0.a", "v1.2.0.a");
  /** The last revision with one direction per study and intermediate values in trial_values (Optuna 2.0-2.3). */
  private static final String SINGLE_OBJECTIVE = "v1.3.0.a";

  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String where;
  private final Connection connection;
  private final String revision;
  private final String libraryVersion;
  private final ZoneId datetimeZone;
  private final boolean valueTypes;
  private final boolean intermediateTypes;
  private final boolean singleObjective;

  private OptunaStorage(String where, Connection connection, String revision, String libraryVersion,
      boolean valueTypes, boolean intermediateTypes) {
    this.where = where;
    this.connection = connection;
    this.revision = revision;
    this.libraryVersion = libraryVersion;
    // Optuna before 5.0 stored naive local times of the process that ran the trial; 5.0 and later naive UTC.
    this.datetimeZone = major(libraryVersion) >= 5 ? ZoneOffset.UTC : ZoneId.systemDefault();
    this.valueTypes = valueTypes;
    this.intermediateTypes = intermediateTypes;
    this.singleObjective = revision.equals(SINGLE_OBJECTIVE);
  }

  /**
   * Opens a storage read-only.
   *
   * @param storage a file path, {@code sqlite:///FILE}, or {@code postgresql://user@host:port/db}
   * @throws ImportException when it is not an Optuna storage or its schema version is unknown
   */
  public static OptunaStorage open(String storage) {
    StorageLocation location = StorageLocation.parse(storage);
    if (location.server().isPresent()) {
      return openPostgres(location.server().get());
    }
    Path file = location.file().orElseThrow();
    checkSqlite(file);
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(5000);
    Connection c = null;
    try {
      c = config.createConnection("jdbc:sqlite:" + file);
      return check(file.toString(), c);
    } catch (SQLException e) {
      closeQuietly(c);
      throw new ImportException("cannot read " + file + " as an Optuna storage: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /**
   * Connects read-only, the password from PGPASSWORD or ~/.pgpass as for a PostgreSQL store; all reads of
   * one import see one snapshot (a repeatable-read transaction), even while Optuna writes trials.
   */
  private static OptunaStorage openPostgres(PostgresUrl url) {
    Connection c = null;
    try {
      c = DriverManager.getConnection(url.jdbcUrl(), url.connectionProperties());
      c.setReadOnly(true);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setAutoCommit(false);
      return check(url.toString(), c);
    } catch (SQLException e) {
      closeQuietly(c);
      throw new ImportException(PostgresStudyStore.translate(e, url, "reading it as an Optuna storage").getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  private static void checkSqlite(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      if (!Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER)) {
        throw new ImportException(file + " is not an Optuna storage (not an SQLite database file)");
      }
    } catch (IOException e) {
      throw new ImportException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Checks that the connection holds an Optuna storage of a known schema. */
  static OptunaStorage check(String where, Connection c) throws SQLException {
    Set<String> tables = new HashSet<>();
    DatabaseMetaData meta = c.getMetaData();
    // On PostgreSQL, only the tables the connection's search path sees (Optuna's are in the default schema).
    String schema = c.getSchema();
    try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    if (!tables.containsAll(List.of("studies", "trials", "trial_params"))) {
      throw new ImportException(where + " is not an Optuna storage (it has no studies, trials and trial_params"
          + " tables" + (tables.contains("schema_version") ? "; it looks like a TuneScope store" : "") + ")");
    }
    String library = tables.contains("version_info") ? single(c, "SELECT library_version FROM version_info") : null;
    String revision = tables.contains("alembic_version") ? single(c, "SELECT version_num FROM alembic_version") : null;
    String madeBy = library == null ? "" : " (written by Optuna " + library + ")";
    if (revision == null || OLD_REVISIONS.contains(revision)) {
      throw new ImportException(where + " is an Optuna storage from before Optuna 2.0 (schema "
          + (revision == null ? "before alembic" : "revision " + revision) + madeBy + "): upgrade it with"
          + " 'optuna storage upgrade --storage " + (where.startsWith("postgresql:") ? where : "sqlite:///" + where)
          + "' and import it again");
    }
    if (!REVISIONS.contains(revision)) {
      throw new ImportException(where + " has Optuna schema revision " + revision + madeBy + ", which this"
          + " TuneScope does not know: it reads revisions " + REVISIONS.get(0) + " to "
          + REVISIONS.get(REVISIONS.size() - 1) + " (Optuna 2.0 to 4.x)");
    }
    boolean legacy = revision.equals(SINGLE_OBJECTIVE);
    return new OptunaStorage(where, c, revision, library == null ? "unknown" : library,
        !legacy && columns(c, "trial_values").contains("value_type"),
        !legacy && columns(c, "trial_intermediate_values").contains("intermediate_value_type"));
  }

  private static String single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** A table's columns, from an empty query's metadata: portable, unlike SQLite's table_info pragma. */
  private static Set<String> columns(Connection c, String table) throws SQLException {
    Set<String> out = new HashSet<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
      ResultSetMetaData m = rs.getMetaData();
      for (int i = 1; i <= m.getColumnCount(); i++) {
        out.add(m.getColumnName(i).toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  private static int major(String version) {
    try {
      return Integer.parseInt(version.split("\\.")[0]);
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /** The storage as given, for messages and the import record. */
  public String where() {
    return where;
  }

  /** The schema's alembic revision. */
  public String revision() {
    return revision;
  }

  /** The Optuna version recorded in {@code version_info}, or "unknown". */
  public String libraryVersion() {
    return libraryVersion;
  }

  /** The names of the storage's studies, oldest first. */
  public List<String> studyNames() {
    return query("listing studies", () -> {
      List<String> out = new ArrayList<>();
      try (Statement s = connection.createStatement();
           ResultSet rs = s.executeQuery("SELECT study_name FROM studies ORDER BY study_id")) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    });
  }

  /**
   * Reads one study: its directions, parameters' distributions and every trial.
   *
   * @throws ImportException when there is no study of that name (the line lists the names there are)
   */
  public OptunaStudy read(String name) {
    return query("reading study " + name, () -> {
      long id;
      try (PreparedStatement s = connection.prepareStatement("SELECT study_id FROM studies WHERE study_name = ?")) {
        s.setString(1, name);
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            List<String> names = studyNames();
            throw new ImportException("no study named " + name + " in " + where + (names.isEmpty() ? " (it has none)"
                : "; it has " + String.join(", ", names)));
          }
          id = rs.getLong(1);
        }
      }
      return new OptunaStudy(name, directions(id), metricNames(id), declarations(id), trials(id));
    });
  }

  /**
   * One study's objectives as "name (direction)", in the storage's order, without reading its trials: what a
   * window asks the user to choose from before importing a multi-objective study.
   *
   * @throws ImportException when there is no study of that name
   */
  public List<String> objectives(String name) {
    return query("reading study " + name, () -> {
      OptunaStudy heads;
      try (PreparedStatement s = connection.prepareStatement("SELECT study_id FROM studies WHERE study_name = ?")) {
        s.setString(1, name);
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            throw new ImportException("no study named " + name + " in " + where);
          }
          long id = rs.getLong(1);
          heads = new OptunaStudy(name, directions(id), metricNames(id), Map.of(), List.of());
        }
      }
      List<String> out = new ArrayList<>();
      for (int k = 0; k < heads.directions().size(); k++) {
        out.add(heads.objectiveName(k) + " (" + heads.directions().get(k) + ")");
      }
      return out;
    });
  }

  private List<String> directions(long study) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement s = connection.prepareStatement(singleObjective
        ? "SELECT direction FROM studies WHERE study_id = ?"
        : "SELECT direction FROM study_directions WHERE study_id = ? ORDER BY objective")) {
      s.setLong(1, study);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          // NOT_SET is what studies made before directions existed carry: Optuna minimizes those.
          out.add(rs.getString(1).equalsIgnoreCase("MAXIMIZE") ? "maximize" : "minimize");
        }
      }
    }
    if (out.isEmpty()) {
      out.add("minimize");
    }
    return out;
  }

  /** The objectives' names the user set (Optuna 3.4+: {@code study.set_metric_names}), else empty. */
  private List<String> metricNames(long study) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT value_json FROM study_system_attributes"
        + " WHERE study_id = ? AND key = 'study:metric_names'")) {
      s.setLong(1, study);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          List<String> names = new ArrayList<>();
          JSON.readTree(rs.getString(1)).forEach(n -> names.add(n.asText()));
          return names;
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    return List.of();
  }

  /** Each parameter's declaration, in the order parameters first appear, as the union of every trial's. */
  private Map<String, OptunaDistribution> declarations(long study) throws SQLException {
    Map<String, OptunaDistribution> out = new LinkedHashMap<>();
    Map<String, OptunaDistribution> parsed = new HashMap<>();
    try (PreparedStatement s = connection.prepareStatement("SELECT p.param_name, p.distribution_json"
        + " FROM trial_params p JOIN trials t ON t.trial_id = p.trial_id WHERE t.study_id = ?"
        + " GROUP BY p.param_name, p.distribution_json ORDER BY MIN(p.param_id)")) {
      s.setLong(1, study);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          OptunaDistribution d = parsed.computeIfAbsent(rs.getString(2), OptunaDistribution::parse);
          out.merge(rs.getString(1), d, OptunaDistribution::union);
        }
      }
    }
    return out;
  }

  private List<OptunaTrial> trials(long study) throws SQLException {
    Map<Long, OptunaTrial.Builder> byId = new LinkedHashMap<>();
    try (PreparedStatement s = connection.prepareStatement("SELECT trial_id, number, state, datetime_start,"
        + " datetime_complete FROM trials WHERE study_id = ? ORDER BY number, trial_id")) {
      s.setLong(1, study);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          byId.put(id, new OptunaTrial.Builder(id, rs.getInt(2), rs.getString(3).toUpperCase(Locale.ROOT),
              instant(rs.getString(4)), instant(rs.getString(5))));
        }
      }
    }
    Map<String, OptunaDistribution> parsed = new HashMap<>();
    forEachRow("SELECT p.trial_id, p.param_name, p.param_value, p.distribution_json FROM trial_params p"
        + " JOIN trials t ON t.trial_id = p.trial_id WHERE t.study_id = ? ORDER BY p.param_id", study, rs -> {
          OptunaDistribution d = parsed.computeIfAbsent(rs.getString(4), OptunaDistribution::parse);
          byId.get(rs.getLong(1)).params.put(rs.getString(2), d.external(rs.getDouble(3)));
        });
    forEachRow(singleObjective ? "SELECT trial_id, 0, value FROM trials WHERE study_id = ? AND value IS NOT NULL"
        : "SELECT v.trial_id, v.objective, v.value" + (valueTypes ? ", v.value_type" : "")
        + " FROM trial_values v JOIN trials t ON t.trial_id = v.trial_id WHERE t.study_id = ?", study, rs -> {
          byId.get(rs.getLong(1)).values.put(rs.getInt(2), number(rs, 3, valueTypes ? rs.getString(4) : null));
        });
    forEachRow(singleObjective ? "SELECT i.trial_id, i.step, i.value FROM trial_values i JOIN trials t"
        + " ON t.trial_id = i.trial_id WHERE t.study_id = ? ORDER BY i.trial_id, i.step"
        : "SELECT i.trial_id, i.step, i.intermediate_value" + (intermediateTypes ? ", i.intermediate_value_type"
        : "") + " FROM trial_intermediate_values i JOIN trials t ON t.trial_id = i.trial_id WHERE t.study_id = ?"
        + " ORDER BY i.trial_id, i.step", study, rs -> {
          byId.get(rs.getLong(1)).intermediate.add(new ImportedTrial.Step(rs.getLong(2),
              number(rs, 3, intermediateTypes ? rs.getString(4) : null)));
        });
    forEachRow("SELECT a.trial_id, a.key, a.value_json FROM trial_user_attributes a JOIN trials t"
        + " ON t.trial_id = a.trial_id WHERE t.study_id = ? ORDER BY a.trial_user_attribute_id", study, rs -> {
          byId.get(rs.getLong(1)).userAttributes.put(rs.getString(2), rs.getString(3));
        });
    // Optuna 2.x kept why a trial failed as a system attribute; 3.x only logs it.
    forEachRow("SELECT a.trial_id, a.value_json FROM trial_system_attributes a JOIN trials t"
        + " ON t.trial_id = a.trial_id WHERE t.study_id = ? AND a.key = 'fail_reason'", study, rs -> {
          byId.get(rs.getLong(1)).failReason = Optional.of(text(rs.getString(2)));
        });
    return byId.values().stream().map(OptunaTrial.Builder::build).toList();
  }

  @FunctionalInterface
  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private void forEachRow(String sql, long study, Row row) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setLong(1, study);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          row.accept(rs);
        }
      }
    }
  }

  /** A stored float with Optuna's type column (3.x): infinities and NaN are stored as NULL plus a type. */
  private static double number(ResultSet rs, int column, String type) throws SQLException {
    if (type != null) {
      switch (type.toUpperCase(Locale.ROOT)) {
        case "INF_POS":
          return Double.POSITIVE_INFINITY;
        case "INF_NEG":
          return Double.NEGATIVE_INFINITY;
        case "NAN":
          return Double.NaN;
        default:
          break;
      }
    }
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }

  private Optional<Instant> instant(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(text.trim().replace(' ', 'T')).atZone(datetimeZone).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String text(String json) {
    try {
      return JSON.readTree(json).asText();
    } catch (IOException e) {
      return json;
    }
  }

  @FunctionalInterface
  private interface Query<T> {
    T run() throws SQLException;
  }

  private <T> T query(String doing, Query<T> q) {
    try {
      return q.run();
    } catch (SQLException e) {
      throw new ImportException("cannot read " + where + " (" + doing + "): " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    closeQuietly(connection);
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // Read-only: nothing to lose.
      }
    }
  }
}
