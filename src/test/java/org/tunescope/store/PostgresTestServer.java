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
final class PostgresTestServer {

  static final String URL_VARIABLE = "TUNESCOPE_TEST_PG_URL";
  static final String HOW_TO_RUN = "PostgreSQL tests need a server: run .ci/run";

  private static final AtomicBoolean TOLD = new AtomicBoolean();

  private PostgresTestServer() {}

  /** The server's URL; skips the calling test (or fails it under CI) when there is none. */
  static String url() {
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
