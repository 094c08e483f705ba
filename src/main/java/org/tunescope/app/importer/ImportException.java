package org.tunescope.app.importer;

/**
 * A source that cannot be imported as asked, with one line saying why (not an Optuna storage, an unknown
 * schema version or study, a multi-metric file without a metric chosen). Nothing is written when it is thrown.
 */
public final class ImportException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public ImportException(String message) {
    super(message);
  }

  public ImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
