package org.tunescope.store;

import java.time.Instant;

/**
 * Where a study's numbers came from, besides its data and settings: the software that made them and the
 * machine's size.
 */
public record Provenance(String tunescopeVersion, String smileVersion, String javaVersion, int cores,
                         Instant created) {

  /** TuneScope's version, recorded with every study and shown by {@code --version}. */
  public static final String TUNESCOPE_VERSION = "0.1.0";
}
