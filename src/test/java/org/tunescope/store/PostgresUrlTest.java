package org.tunescope.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Store addresses: what a user types, what is refused, and a database of a newer TuneScope. */
class PostgresUrlTest {

  @Test
  void anAddressGivesUserHostPortAndDatabase() {
    PostgresUrl url = PostgresUrl.parse("postgresql://ana@db.lab:6543/tuning");
    assertEquals(new PostgresUrl("ana", "db.lab", 6543, "tuning"), url);
    assertEquals("jdbc:postgresql://db.lab:6543/tuning", url.jdbcUrl());
    assertEquals(5432, PostgresUrl.parse("postgresql://ana@db.lab/tuning").port());
    assertTrue(PostgresUrl.looksLike("postgres://ana@db.lab/tuning"));
    assertFalse(PostgresUrl.looksLike("studies/tunescope.db"));
  }

  @Test
  void anAddressWithAPasswordIsRefusedWithoutRepeatingIt() {
    StoreException e = assertThrows(StoreException.class,
        () -> PostgresUrl.parse("postgresql://ana:s3cret@db.lab:5432/tuning"));
    assertTrue(e.getMessage().contains("PGPASSWORD or ~/.pgpass"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
  }

  @Test
  void anAddressWithoutADatabaseSaysWhatItExpects() {
    StoreException e = assertThrows(StoreException.class, () -> PostgresUrl.parse("postgresql://ana@db.lab:5432"));
    assertTrue(e.getMessage().contains("postgresql://user@host:port/db"), e.getMessage());
  }

  @Test
  void aDatabaseOfANewerTuneScopeIsRefusedAndLeftAsItIs() throws Exception {
    String db = PostgresTestServer.freshDatabase();
    try {
      PostgresStudyStore.open(db).close();
      try (Connection c = java.sql.DriverManager.getConnection(PostgresUrl.parse(db).jdbcUrl(),
          PostgresUrl.parse(db).connectionProperties()); Statement s = c.createStatement()) {
        s.execute("INSERT INTO schema_version (version, script, applied) VALUES (99, 'V99__future.sql', 'now')");
      }
      StoreException e = assertThrows(StoreException.class, () -> PostgresStudyStore.open(db));
      assertTrue(e.getMessage().contains("was written by a newer TuneScope (schema version 99"), e.getMessage());
    } finally {
      PostgresTestServer.drop(db);
    }
  }
}
