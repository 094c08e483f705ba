package org.tunescope.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The study store on a PostgreSQL server: one database that every worker, on any machine, shares; the
 * database is the coordinator. A claim locks the study's row ({@code SELECT ... FOR NO KEY UPDATE}) for its
 * transaction, so two workers never take the same trial number or grid point; trials of a worker on another
 * host that stops its heartbeat are marked interrupted as stale and handed out again. The password never
 * leaves the connection: it is not in the address, a message or the database.
 */
public final class PostgresStudyStore extends JdbcStudyStore {

  private final PostgresUrl url;

  private PostgresStudyStore(PostgresUrl url, Connection connection) {
    super(connection);
    this.url = url;
  }

  /** Opens the store at {@code postgresql://user@host:port/db}. */
  public static PostgresStudyStore open(String address) {
    return open(PostgresUrl.parse(address));
  }

  /**
   * Connects, brings the schema up to date (under an advisory lock, so that workers starting at once migrate
   * once) and marks interrupted the trials of owners that are gone.
   */
  public static PostgresStudyStore open(PostgresUrl url) {
    Connection c = null;
    try {
      c = DriverManager.getConnection(url.jdbcUrl(), url.connectionProperties());
      PostgresStudyStore store = new PostgresStudyStore(url, c);
      Migrations.migrate(c, "the PostgreSQL database " + url, Migrations.Dialect.POSTGRESQL);
      store.markInterruptedOfGoneOwners();
      return store;
    } catch (SQLException e) {
      closeQuietly(c);
      throw translate(e, url, "opening it");
    } catch (RuntimeException e) {
      closeQuietly(c);
      if (e instanceof StoreException) {
        throw e;
      }
      throw new StoreException("cannot open the store " + url + ": " + e.getMessage(), e);
    }
  }

  public PostgresUrl url() {
    return url;
  }

  @Override
  protected void begin() throws SQLException {
    connection.setAutoCommit(false);
  }

  @Override
  protected void commit() throws SQLException {
    connection.commit();
    connection.setAutoCommit(true);
  }

  @Override
  protected void rollback() throws SQLException {
    try {
      connection.rollback();
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /**
   * Locks the study's row until the transaction ends: claims on one study take turns, and each reads the
   * numbers the one before it took. NO KEY UPDATE, so that trial rows referring to the study still go in.
   */
  @Override
  protected void lockStudy(long study) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT id FROM studies WHERE id = ? FOR NO KEY UPDATE")) {
      s.setLong(1, study);
      s.executeQuery().close();
    }
  }

  @Override
  protected long[] newTrialIds(int count) throws SQLException {
    long[] ids = new long[count];
    if (count == 0) {
      return ids;
    }
    try (PreparedStatement s = connection.prepareStatement(
        "SELECT nextval(pg_get_serial_sequence('trials', 'id')) FROM generate_series(1, ?)")) {
      s.setInt(1, count);
      try (ResultSet rs = s.executeQuery()) {
        for (int i = 0; i < count && rs.next(); i++) {
          ids[i] = rs.getLong(1);
        }
      }
    }
    return ids;
  }

  @Override
  protected StoreException translate(SQLException e, String doing) {
    return translate(e, url, doing);
  }

  /** A readable account of a failure: the server's own message, without the password it never has. */
  public static StoreException translate(SQLException e, PostgresUrl url, String doing) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message;
    if (state.startsWith("08")) {
      message = "cannot reach the PostgreSQL server of " + url + " (" + doing + "): " + e.getMessage()
          + "; is it running and does it accept connections from here?";
    } else if (state.equals("28P01") || state.equals("28000")) {
      message = "the PostgreSQL server refused user " + url.user() + " for " + url
          + ": give the password in PGPASSWORD or ~/.pgpass (" + e.getMessage() + ")";
    } else if (state.equals("3D000")) {
      message = "the PostgreSQL database " + url.database() + " does not exist on " + url.host() + ":" + url.port()
          + " (create it: createdb -h " + url.host() + " -p " + url.port() + " -U " + url.user() + " "
          + url.database() + ")";
    } else {
      message = "store " + url + ": " + doing + " failed: " + e.getMessage();
    }
    return new StoreException(message, e);
  }
}
