package org.tunescope.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

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
    return open(url, Optional.empty());
  }

  /**
   * Opens the store with {@code password} (one the user typed, kept in memory by the caller), or the one in
   * {@code PGPASSWORD} or {@code ~/.pgpass} when it is empty.
   *
   * @throws StoreException of reason {@link StoreException.Reason#PASSWORD_NEEDED} when the server asks for a
   *     password and none was given or known; {@link StoreException.Reason#UNREACHABLE} when the server cannot
   *     be reached
   */
  public static PostgresStudyStore open(PostgresUrl url, Optional<String> password) {
    Connection c = null;
    try {
      c = DriverManager.getConnection(url.jdbcUrl(), url.connectionProperties(password));
      PostgresStudyStore store = new PostgresStudyStore(url, c);
      Migrations.migrate(c, "the PostgreSQL database " + url, Migrations.Dialect.POSTGRESQL);
      store.markInterruptedOfGoneOwners();
      return store;
    } catch (SQLException e) {
      closeQuietly(c);
      if (password.isEmpty() && !url.hasKnownPassword() && asksForPassword(e)) {
        throw new StoreException(StoreException.Reason.PASSWORD_NEEDED, "the PostgreSQL server of " + url
            + " asks for the password of user " + url.user() + "; none is in PGPASSWORD or ~/.pgpass", e);
      }
      if (password.isPresent() && isRefused(e)) {
        throw new StoreException("the PostgreSQL server refused the password of user " + url.user() + " for " + url
            + " (" + e.getMessage() + ")", e);
      }
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
    Sql.first(connection, "SELECT id FROM studies WHERE id = ? FOR NO KEY UPDATE", rs -> true, study);
  }

  @Override
  protected long[] newTrialIds(int count) throws SQLException {
    return count == 0 ? new long[0] : Sql.query(connection,
        "SELECT nextval(pg_get_serial_sequence('trials', 'id')) FROM generate_series(1, ?)", rs -> rs.getLong(1),
        count).stream().mapToLong(Long::longValue).toArray();
  }

  @Override
  protected StoreException translate(SQLException e, String doing) {
    return translate(e, url, doing);
  }

  /** Whether the server turned the connection down for want of a (right) password. */
  private static boolean isRefused(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return state.equals("28P01") || state.equals("28000");
  }

  /** Whether the server asked for a password that was not given (the driver says so, or the server refused). */
  private static boolean asksForPassword(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String text = String.valueOf(e.getMessage());
    return isRefused(e) || state.equals("08004") && text.contains("no password was provided");
  }

  /**
   * Whether the failure is the connection's, not the query's: the server is down or unreachable, or it ended
   * this session (restarted, {@code pg_terminate_backend}). Another connection may work.
   */
  private static boolean isConnectionLost(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return state.startsWith("08") || state.startsWith("57P");
  }

  /** A readable account of a failure: the server's own message, without the password it never has. */
  public static StoreException translate(SQLException e, PostgresUrl url, String doing) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (isConnectionLost(e)) {
      return new StoreException(StoreException.Reason.UNREACHABLE, "cannot reach the PostgreSQL server of " + url
          + " (" + doing + "): " + e.getMessage() + "; is it running and does it accept connections from here?", e);
    }
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
