package org.tunescope.store;

import org.junit.jupiter.api.AfterEach;

/** The store contract on the PostgreSQL back end: each test on a database of its own. */
class PostgresStudyStoreTest extends StudyStoreContract {

  private String database;

  @Override
  protected StudyStore newStore() {
    database = PostgresTestServer.freshDatabase();
    return PostgresStudyStore.open(database);
  }

  @AfterEach
  void dropDatabase() {
    if (store != null) {
      store.close();
    }
    PostgresTestServer.drop(database);
  }
}
