package org.tunescope.store;

import java.util.Optional;

/** The refusal to import over a study of the same name that came from elsewhere. */
final class ImportConflict {

  private ImportConflict() {
  }

  static StoreException of(ImportedStudy imported, Optional<ImportRecord> existing) {
    String name = imported.name();
    String was = existing.map(o -> "was imported from " + o.describe()).orElse("was run by TuneScope");
    return new StoreException("a study named " + name + " is already in the store and " + was
        + ": import under another name (--name), or delete it first (tunescope delete " + name + ")");
  }
}
