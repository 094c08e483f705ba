package org.tunescope.ml.data;

/** A data file or column the user chose cannot be used; the message says why, in plain words. */
public class DataException extends RuntimeException {

  public DataException(String message) {
    super(message);
  }

  public DataException(String message, Throwable cause) {
    super(message, cause);
  }
}
