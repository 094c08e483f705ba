package org.tunescope.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.jdbcurlresolver.PgPassParser;

/**
 * A PostgreSQL store's address, {@code postgresql://user@host:port/db}. The password never comes from the
 * address (it would end up in shell history and logs, and an address with one is refused): it comes from
 * {@code PGPASSWORD} or the password file ({@code ~/.pgpass}, or {@code PGPASSFILE}), as libpq reads them.
 * A front end may also ask the user for the password ({@link StudyStores#open(String, Optional)}): it is then
 * kept in memory only, by whoever asked. {@link #toString} is the address without any password, safe to print.
 */
public record PostgresUrl(String user, String host, int port, String database) {

  public static final int DEFAULT_PORT = 5432;

  /** Whether {@code text} is meant as a PostgreSQL address rather than a file. */
  public static boolean looksLike(String text) {
    return text.startsWith("postgresql://") || text.startsWith("postgres://");
  }

  /**
   * Reads an address.
   *
   * @throws StoreException with what is wrong, in one line (never repeating a password it held)
   */
  public static PostgresUrl parse(String text) {
    return parse(text, "store");
  }

  /**
   * Reads an address of a {@code role} ("store", or "storage" for an Optuna storage read by an import), the
   * word its messages use.
   *
   * @throws StoreException with what is wrong, in one line (never repeating a password it held)
   */
  public static PostgresUrl parse(String text, String role) {
    if (!looksLike(text)) {
      throw new StoreException("not a PostgreSQL address: " + text + " (expected postgresql://user@host:port/db)");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new StoreException("not a PostgreSQL address (expected postgresql://user@host:port/db)");
    }
    String info = uri.getRawUserInfo();
    if (info != null && info.contains(":")) {
      throw new StoreException("the " + role + " address holds a password: leave it out of the address (it would end up"
          + " in shell history and logs) and give it in PGPASSWORD or ~/.pgpass");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new StoreException("the " + role + " address " + text + " names no host (expected postgresql://user@host:port/db)");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    String db = path.startsWith("/") ? path.substring(1) : path;
    if (db.isBlank() || db.contains("/")) {
      throw new StoreException("the " + role + " address " + text + " names no database (expected postgresql://user@host:port/db)");
    }
    if (uri.getQuery() != null) {
      throw new StoreException("the " + role + " address " + text + " has options (?...): give postgresql://user@host:port/db");
    }
    String user = info != null && !info.isBlank() ? uri.getUserInfo() : System.getProperty("user.name");
    return new PostgresUrl(user, uri.getHost(), uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT, db);
  }

  /** The JDBC URL (no user, no password). */
  public String jdbcUrl() {
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "jdbc:postgresql://" + h + ":" + port + "/" + database;
  }

  /** The password from {@code PGPASSWORD}, else the password file's first matching line; empty when neither has one. */
  Optional<String> password() {
    String env = System.getenv("PGPASSWORD");
    if (env != null && !env.isEmpty()) {
      return Optional.of(env);
    }
    return Optional.ofNullable(PgPassParser.getPassword(host, String.valueOf(port), database, user));
  }

  /** Whether {@code PGPASSWORD} or the password file has a password for this address. */
  public boolean hasKnownPassword() {
    return password().isPresent();
  }

  /** The connection properties: user, password (if any), and what a store wants of the driver. */
  public Properties connectionProperties() {
    return connectionProperties(Optional.empty());
  }

  /**
   * The connection properties with {@code given} as the password (one the user typed), else the known one.
   */
  Properties connectionProperties(Optional<String> given) {
    Properties p = new Properties();
    p.setProperty("user", user);
    given.or(this::password).ifPresent(pw -> p.setProperty("password", pw));
    p.setProperty("ApplicationName", "TuneScope");
    p.setProperty("connectTimeout", "10");
    p.setProperty("reWriteBatchedInserts", "true");
    return p;
  }

  @Override
  public String toString() {
    return "postgresql://" + user + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + database;
  }
}
