package org.tunescope.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a database to the newest schema by running, in order and each once, the versioned SQL scripts in
 * {@code org/tunescope/store/migrations} ({@code V<n>__<what>.sql}). The applied versions are recorded in
 * {@code schema_version}. A database of a newer version than this build knows is refused, never changed.
 */
final class Migrations {

  /** Every migration, oldest first; script {@code i} brings the schema to version {@code i + 1}. */
  static final List<String> SCRIPTS = List.of("V1__studies_trials_fold_scores.sql", "V2__trial_budget.sql",
      "V3__held_out_test.sql", "V4__imports.sql", "V5__trial_attributes.sql");

  static final int LATEST = SCRIPTS.size();

  private Migrations() {
  }

  /**
   * Migrates in one immediate transaction, so that two processes opening a new file at once do not both
   * create it.
   *
   * @param where the file, for messages
   */
  static void migrate(Connection c, String where) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      try {
        int current = currentVersion(c, where);
        if (current > LATEST) {
          throw new StoreException(where + " was written by a newer TuneScope (schema version " + current
              + "; this version reads up to " + LATEST + "): update TuneScope to open it");
        }
        for (int v = current + 1; v <= LATEST; v++) {
          String script = SCRIPTS.get(v - 1);
          for (String statement : statements(read(script))) {
            s.execute(statement);
          }
          try (PreparedStatement p = c.prepareStatement(
              "INSERT INTO schema_version (version, script, applied) VALUES (?, ?, ?)")) {
            p.setInt(1, v);
            p.setString(2, script);
            p.setString(3, Instant.now().toString());
            p.executeUpdate();
          }
        }
        s.execute("COMMIT");
      } catch (SQLException | RuntimeException e) {
        try {
          s.execute("ROLLBACK");
        } catch (SQLException ignored) {
          // The failure that made us roll back is the one to report.
        }
        throw e;
      }
    }
  }

  private static int currentVersion(Connection c, String where) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    if (!tables.contains("schema_version")) {
      if (!tables.isEmpty()) {
        throw new StoreException(where + " is an SQLite database of another program, not a TuneScope store");
      }
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL,"
            + " applied TEXT NOT NULL)");
      }
      return 0;
    }
    try (Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static String read(String script) {
    try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + script)) {
      if (in == null) {
        throw new IllegalStateException("migration script " + script + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration script " + script, e);
    }
  }

  /** The statements of a script: comments dropped, split at semicolons that end a line. */
  static List<String> statements(String script) {
    StringBuilder sql = new StringBuilder();
    for (String line : script.split("\n")) {
      int comment = line.indexOf("--");
      sql.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
    }
    List<String> out = new ArrayList<>();
    for (String part : sql.toString().split(";\\s*\n")) {
      String statement = part.strip();
      if (statement.endsWith(";")) {
        statement = statement.substring(0, statement.length() - 1);
      }
      if (!statement.isEmpty()) {
        out.add(statement);
      }
    }
    return out;
  }
}
