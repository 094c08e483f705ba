package org.tunescope.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The study store in one SQLite file (the default: {@code ~/.tunescope/tunescope.db}). WAL journal, foreign
 * keys on, every commit synced to disk; a write that finds the file locked by another process waits a
 * bounded time and then fails with a message saying so. Several processes may share one file: trial
 * numbers are claimed in immediate transactions, so none is run twice. The processes must be on one machine:
 * SQLite's WAL mode does not work over a network file system (several machines share a PostgreSQL store,
 * {@link PostgresStudyStore}). One connection per store, used by one thread at a time.
 */
public final class SqliteStudyStore extends JdbcStudyStore {

  public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private final Path file;
  private final Duration busyTimeout;

  private SqliteStudyStore(Path file, Duration busyTimeout, Connection connection) {
    super(connection);
    this.file = file;
    this.busyTimeout = busyTimeout;
  }

  /** The default file: {@code tunescope.db} in {@code ~/.tunescope} (or in the folder of system property {@code tunescope.home}). */
  public static Path defaultFile() {
    return HomeFolder.path().resolve("tunescope.db");
  }

  /** Opens the default file, creating its folder if needed. */
  public static SqliteStudyStore openDefault() {
    Path file = defaultFile();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new StoreException("cannot create the folder " + file.toAbsolutePath().getParent() + " for the store: "
          + e.getMessage(), e);
    }
    return open(file);
  }

  public static SqliteStudyStore open(Path file) {
    return open(file, DEFAULT_BUSY_TIMEOUT);
  }

  /**
   * Loads what opening a store needs first (SQLite's native library, extracted from the jar, and the JSON
   * mapper's classes) on the calling thread, so that a command can do it while it reads its data. Opens
   * nothing on disk; any failure is left for {@link #open} to report.
   */
  public static void warmUp() {
    try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite::memory:")) {
      c.createStatement().close();
      JSON.readTree(JSON.writeValueAsString(Map.of("C", 1.0, "kernel", "rbf")));
    } catch (SQLException | java.io.IOException | RuntimeException e) {
      // open() meets the same problem and says what it is
    }
  }

  /**
   * Opens (or creates) a store file, brings its schema up to date and marks interrupted the trials that
   * processes now gone left running.
   *
   * @param busyTimeout how long a write waits for another process's write to end
   */
  public static SqliteStudyStore open(Path file, Duration busyTimeout) {
    Path absolute = file.toAbsolutePath();
    checkFile(absolute);
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
    config.enforceForeignKeys(true);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    Connection c = null;
    try {
      c = config.createConnection("jdbc:sqlite:" + absolute);
      SqliteStudyStore store = new SqliteStudyStore(absolute, busyTimeout, c);
      Migrations.migrate(c, absolute.toString(), Migrations.Dialect.SQLITE);
      store.markInterruptedOfGoneOwners();
      return store;
    } catch (SQLException e) {
      closeQuietly(c);
      throw translate(e, absolute, busyTimeout, "opening it");
    } catch (RuntimeException e) {
      closeQuietly(c);
      if (e instanceof StoreException) {
        throw e;
      }
      throw new StoreException("cannot open the store " + absolute + ": " + e.getMessage(), e);
    }
  }

  private static void checkFile(Path file) {
    Path dir = file.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new StoreException("cannot open the store " + file + ": the folder " + dir + " does not exist");
    }
    if (Files.isDirectory(file)) {
      throw new StoreException("cannot open the store " + file + ": it is a folder");
    }
    if (!Files.exists(file)) {
      if (!Files.isWritable(dir)) {
        throw new StoreException("cannot create the store " + file + ": the folder " + dir + " is read-only");
      }
      return;
    }
    if (!Files.isWritable(file) || !Files.isWritable(dir)) {
      throw new StoreException("cannot write to the store " + file + ": "
          + (Files.isWritable(file) ? "its folder" : "the file") + " is read-only");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(SQLITE_HEADER.length);
      if (head.length > 0 && !Arrays.equals(head, SQLITE_HEADER)) {
        throw new StoreException(file + " is not a TuneScope store (not an SQLite database file)");
      }
    } catch (IOException e) {
      throw new StoreException("cannot read the store " + file + ": " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  // --- the SQLite dialect

  @Override
  protected void begin() throws SQLException {
    // Immediate: the write lock is taken now, so two claims never both read the same free numbers.
    Sql.update(connection, "BEGIN IMMEDIATE");
  }

  @Override
  protected void commit() throws SQLException {
    Sql.update(connection, "COMMIT");
  }

  @Override
  protected void rollback() throws SQLException {
    Sql.update(connection, "ROLLBACK");
  }

  @Override
  protected void lockStudy(long study) {
    // The immediate transaction holds the whole file.
  }

  /** Ids after the largest: the immediate transaction keeps every other writer out meanwhile. */
  @Override
  protected long[] newTrialIds(int count) throws SQLException {
    long last = Sql.first(connection, "SELECT COALESCE(MAX(id), 0) FROM trials", rs -> rs.getLong(1)).orElseThrow();
    return java.util.stream.LongStream.rangeClosed(last + 1, last + count).toArray();
  }

  @Override
  protected StoreException translate(SQLException e, String doing) {
    return translate(e, file, busyTimeout, doing);
  }

  /** A readable account of an SQLite failure. */
  static StoreException translate(SQLException e, Path file, Duration busyTimeout, String doing) {
    SQLiteErrorCode code = e instanceof SQLiteException s ? s.getResultCode() : SQLiteErrorCode.UNKNOWN_ERROR;
    int primary = code.code & 0xff;
    String message;
    if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
      message = "the store " + file + " is locked by another process (waited " + seconds(busyTimeout)
          + "); try again when it is done";
    } else if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
      message = "the disk is full: cannot write to the store " + file + " (" + doing + ")";
    } else if (primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
      message = file + " is not a TuneScope store (not an SQLite database file)";
    } else if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_CANTOPEN.code
        || primary == SQLiteErrorCode.SQLITE_PERM.code) {
      message = "cannot write to the store " + file + ": it or its folder is read-only";
    } else if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code) {
      message = "the store " + file + " is damaged (" + doing + ")";
    } else if (primary == SQLiteErrorCode.SQLITE_IOERR.code) {
      message = "cannot write to the store " + file + ": input/output error (" + doing + ")";
    } else {
      message = "store " + file + ": " + doing + " failed: " + e.getMessage();
    }
    return new StoreException(message, e);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** Caps the file at its present size plus {@code extraPages} pages: a full disk, for tests. */
  synchronized void limitGrowth(int extraPages) {
    try (Statement s = connection.createStatement()) {
      int pages;
      try (ResultSet rs = s.executeQuery("PRAGMA page_count")) {
        rs.next();
        pages = rs.getInt(1);
      }
      s.executeQuery("PRAGMA max_page_count = " + (pages + extraPages)).close();
    } catch (SQLException e) {
      throw translate(e, file, busyTimeout, "limiting the file's size");
    }
  }
}
