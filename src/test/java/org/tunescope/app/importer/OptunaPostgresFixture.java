package org.tunescope.app.importer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.tunescope.store.PostgresTestServer;

/**
 * An Optuna storage on the PostgreSQL test server: Optuna's schema as SQLAlchemy creates it there
 * (optuna_pg_schema.sql, compiled from Optuna 3.1's models by make_pg_schema.py) holding the rows Optuna wrote
 * into one of the SQLite fixtures.
 */
public final class OptunaPostgresFixture {

  /** Optuna's tables, parents first (SQLAlchemy's sorted_tables order, as in the schema script). */
  private static final List<String> TABLES = List.of("studies", "version_info", "study_directions",
      "study_system_attributes", "study_user_attributes", "trials", "trial_heartbeats", "trial_intermediate_values",
      "trial_params", "trial_system_attributes", "trial_user_attributes", "trial_values", "alembic_version");

  private OptunaPostgresFixture() {
  }

  /**
   * A fresh database holding Optuna's schema and the rows of an SQLite fixture (copied into {@code dir} first);
   * its address. {@link PostgresTestServer#drop} it when done.
   */
  public static String create(String fixture, Path dir) throws Exception {
    String url = PostgresTestServer.freshDatabase();
    Path file = Fixtures.copy(fixture, dir);
    try (Connection pg = connect(url); Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      try (Statement s = pg.createStatement()) {
        s.execute(schema());
      }
      for (String table : TABLES) {
        copy(sqlite, pg, table);
      }
    }
    return url;
  }

  private static String schema() throws IOException {
    try (InputStream in = OptunaPostgresFixture.class.getResourceAsStream("/import/optuna_pg_schema.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Every row of a table, column for column; text goes in untyped so that the server casts it (enums, times). */
  private static void copy(Connection from, Connection to, String table) throws SQLException {
    try (Statement s = from.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
      ResultSetMetaData m = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= m.getColumnCount(); i++) {
        columns.add(m.getColumnName(i));
      }
      String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
          + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
      try (PreparedStatement insert = to.prepareStatement(sql)) {
        while (rs.next()) {
          for (int i = 1; i <= columns.size(); i++) {
            insert.setObject(i, rs.getObject(i));
          }
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  private static Connection connect(String url) throws SQLException {
    URI uri = URI.create(url);
    Properties props = new Properties();
    props.setProperty("user", uri.getUserInfo());
    props.setProperty("stringtype", "unspecified");
    return DriverManager.getConnection("jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath(), props);
  }}
