package org.tunescope.ml;

import java.util.Locale;

/** What a model predicts: a class or a number. */
public enum Task {
  CLASSIFICATION,
  REGRESSION;

  /** The lower-case name used on the command line and in results. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses "classification"/"regression" (any case, or their first letters). */
  public static Task parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("c")) {
      return CLASSIFICATION;
    }
    if (t.startsWith("r")) {
      return REGRESSION;
    }
    throw new IllegalArgumentException("unknown task '" + text + "': use classification or regression");
  }
}
