package org.tunescope.store;

/**
 * A store that cannot do what was asked, for a reason the user can act on: the file is not a database,
 * it is locked, the disk is full, no study has that name. The message is one readable sentence that names
 * no front end's commands: a front end adds its own hint by {@link #reason()}.
 */
public final class StoreException extends RuntimeException {

  /** What went wrong, for the errors a front end words its own way: no study of that name, or another thing. */
  public enum Reason {
    UNKNOWN_STUDY, OTHER,
    /** The server asks for a password and none was given (none in PGPASSWORD or ~/.pgpass): a front end may ask for one. */
    PASSWORD_NEEDED,
    /** The server cannot be reached, or the connection to it was lost: trying again later may work. */
    UNREACHABLE
  }

  private final Reason reason;

  public StoreException(String message) {
    this(message, null);
  }

  public StoreException(String message, Throwable cause) {
    this(Reason.OTHER, message, cause);
  }

  public StoreException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** No study of that name. */
  public static StoreException unknownStudy(String name) {
    return new StoreException(Reason.UNKNOWN_STUDY, "no study named '" + name + "'", null);
  }
}
