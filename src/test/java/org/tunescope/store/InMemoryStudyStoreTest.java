package org.tunescope.store;

/** The store contract on the in-memory back end. */
class InMemoryStudyStoreTest extends StudyStoreContract {

  @Override
  protected StudyStore newStore() {
    return new InMemoryStudyStore();
  }
}
