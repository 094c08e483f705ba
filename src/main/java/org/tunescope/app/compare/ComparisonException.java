package org.tunescope.app.compare;

/** Why studies cannot be compared, in one sentence for the user. */
public final class ComparisonException extends RuntimeException {

  public ComparisonException(String message) {
    super(message);
  }
}
