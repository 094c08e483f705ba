package org.tunescope.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the SQLite back end. */
class SqliteStudyStoreTest extends StudyStoreContract {

  @TempDir
  Path dir;

  @Override
  protected StudyStore newStore() {
    return SqliteStudyStore.open(dir.resolve("contract.db"));
  }
}
