package org.tunescope.store;

/**
 * A store that cannot do what was asked, for a reason the user can act on: the file is not a database,
 * it is locked, the disk is full, no study has that name. The message is one readable sentence.
 */
public final class StoreException extends RuntimeException {

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** No study of that name. */
  public static StoreException unknownStudy(String name) {
    return new StoreException("no study named '" + name + "' (see: tunescope studies)");
  }
}
