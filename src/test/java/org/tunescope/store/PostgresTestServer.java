package org.tunescope.store;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The PostgreSQL server the tests run against: {@code .ci/run} starts one and passes its URL in
 * {@code TUNESCOPE_TEST_PG_URL} ({@code postgresql://user@host:port/db}). Without it the PostgreSQL tests
 * are skipped with one printed line, except under {@code CI=true}, where a missing server is a failure:
 * CI must not go green without having run them.
 */
public final class PostgresTestServer {

  static final String URL_VARIABLE = "TUNESCOPE_TEST_PG_URL";
  static final String HOW_TO_RUN = "PostgreSQL tests need a server: run .ci/run";

  private static final AtomicBoolean TOLD = new AtomicBoolean();

  private PostgresTestServer() {}

  /** The server's URL; skips the calling test (or fails it under CI) when there is none. */
  public static String url() {
    String url = System.getenv(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(HOW_TO_RUN + " (" + URL_VARIABLE + " is not set but CI=true)");
      }
      // One line for the whole run, not a stack trace per skipped test.
      if (TOLD.compareAndSet(false, true)) {
        System.out.println("Skipping the PostgreSQL tests: " + URL_VARIABLE + " is not set ("
            + HOW_TO_RUN + ", or set it to postgresql://user@host:port/db)");
      }
      assumeTrue(false, HOW_TO_RUN);
    }
    return url;
  }

  /**
   * A new, empty database on the test server, for one test: its address ({@code postgresql://user@host:port/db}).
   * {@link #drop} it when done.
   */
  public static String freshDatabase() {
    String base = url();
    String name = "tunescope_test_" + Long.toHexString(System.nanoTime()) + "_"
        + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt() & 0xffff);
    try (Connection c = connect(); java.sql.Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
    }
    return base.substring(0, base.lastIndexOf('/') + 1) + name;
  }

  /** Drops a database made by {@link #freshDatabase}, closing whatever connections it still has. */
  public static void drop(String address) {
    if (address == null) {
      return;
    }
    String name = address.substring(address.lastIndexOf('/') + 1);
    try (Connection c = connect(); java.sql.Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test database " + name + ": " + e.getMessage(), e);
    }
  }

  /** A connection to the test server; the password, if any, comes from PGPASSWORD or ~/.pgpass. */
  static Connection connect() throws SQLException {
    URI uri = URI.create(url());
    Properties props = new Properties();
    if (uri.getUserInfo() != null) {
      props.setProperty("user", uri.getUserInfo());
    }
    String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
        + uri.getPath();
    return DriverManager.getConnection(jdbc, props);
  }
}
