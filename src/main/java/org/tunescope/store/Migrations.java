package org.tunescope.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a database to the newest schema by running, in order and each once, the versioned SQL scripts of
 * its dialect: {@code org/tunescope/store/migrations} ({@code V<n>__<what>.sql}) for SQLite and
 * {@code migrations/postgresql} (the same versions, in PostgreSQL's types) for PostgreSQL. The applied
 * versions are recorded in {@code schema_version}. A database of a newer version than this build knows is
 * refused, never changed.
 */
final class Migrations {

  /** Every migration, oldest first; script {@code i} brings the schema to version {@code i + 1}. */
  static final List<String> SCRIPTS = List.of("V1__studies_trials_fold_scores.sql", "V2__trial_budget.sql",
      "V3__held_out_test.sql", "V4__imports.sql", "V5__trial_attributes.sql", "V6__study_data.sql",
      "V7__comparisons.sql");

  static final int LATEST = SCRIPTS.size();

  private Migrations() {
  }

  /** The SQL a back end speaks, as far as migrating goes. */
  enum Dialect {
    SQLITE("migrations/", "SELECT name FROM sqlite_master WHERE type = 'table'", "an SQLite database"),
    POSTGRESQL("migrations/postgresql/",
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()",
        "a PostgreSQL database");

    private final String folder;
    private final String tables;
    private final String what;

    Dialect(String folder, String tables, String what) {
      this.folder = folder;
      this.tables = tables;
      this.what = what;
    }
  }

  /** Any number, the same in every TuneScope: the advisory lock that serialises migrations on a server. */
  private static final long MIGRATION_LOCK = 0x7475_6e65_7363_6f70L;

  /**
   * Migrates in one transaction that holds the database to itself (SQLite: an immediate transaction;
   * PostgreSQL: a transaction-scoped advisory lock, DDL being transactional there), so that two processes
   * opening a new store at once do not both create it, and a failed migration leaves nothing behind.
   *
   * @param where the file or server, for messages
   */
  static void migrate(Connection c, String where, Dialect dialect) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    try (Statement s = c.createStatement()) {
      if (dialect == Dialect.SQLITE) {
        s.execute("BEGIN IMMEDIATE");
      } else {
        c.setAutoCommit(false);
        s.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
      }
      try {
        int current = currentVersion(c, where, dialect);
        if (current > LATEST) {
          throw new StoreException(where + " was written by a newer TuneScope (schema version " + current
              + "; this version reads up to " + LATEST + "): update TuneScope to open it");
        }
        for (int v = current + 1; v <= LATEST; v++) {
          String script = SCRIPTS.get(v - 1);
          for (String statement : statements(read(dialect.folder + script))) {
            s.execute(statement);
          }
          Sql.update(c, "INSERT INTO schema_version (version, script, applied) VALUES (?, ?, ?)", v, script,
              Instant.now());
        }
        if (dialect == Dialect.SQLITE) {
          s.execute("COMMIT");
        } else {
          c.commit();
        }
      } catch (SQLException | RuntimeException e) {
        try {
          if (dialect == Dialect.SQLITE) {
            s.execute("ROLLBACK");
          } else {
            c.rollback();
          }
        } catch (SQLException ignored) {
          // The failure that made us roll back is the one to report.
        }
        throw e;
      }
    } finally {
      if (dialect != Dialect.SQLITE) {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  private static int currentVersion(Connection c, String where, Dialect dialect) throws SQLException {
    List<String> tables = Sql.query(c, dialect.tables, rs -> rs.getString(1));
    if (!tables.contains("schema_version")) {
      if (!tables.isEmpty()) {
        throw new StoreException(where + " is " + dialect.what + " of another program, not a TuneScope store"
            + (dialect == Dialect.SQLITE ? "" : " (give TuneScope a database of its own: createdb tunescope)"));
      }
      Sql.update(c, "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL,"
          + " applied TEXT NOT NULL)");
      return 0;
    }
    return Sql.first(c, "SELECT COALESCE(MAX(version), 0) FROM schema_version", rs -> rs.getInt(1)).orElse(0);
  }

  private static String read(String script) {
    try (InputStream in = Migrations.class.getResourceAsStream(script)) {
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
