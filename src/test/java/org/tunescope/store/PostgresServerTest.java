package org.tunescope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The server {@code .ci/run} starts is reachable through the JDBC driver the PostgreSQL store will use. */
class PostgresServerTest {

  @Test
  void theTestServerAnswersOverJdbc() throws Exception {
    try (Connection c = PostgresTestServer.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_user, current_setting('server_version_num')::int")) {
      assertTrue(rs.next());
      // The user named in the URL, logged in without a password on the loopback server .ci/run starts.
      assertEquals(java.net.URI.create(PostgresTestServer.url()).getUserInfo(), rs.getString(1));
      assertTrue(rs.getInt(2) >= 150000, "PostgreSQL 15 or newer: " + rs.getInt(2));
    }
  }
}
