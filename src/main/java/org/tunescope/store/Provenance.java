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


  /** This process's versions and cores, now. */
  public static Provenance current(String tunescopeVersion) {
    return new Provenance(tunescopeVersion, bundledSmileVersion(), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), Instant.now());
  }

  private static String bundledSmileVersion() {
    Package smile = smile.classification.DecisionTree.class.getPackage();
    // In the runnable jar every class shares TuneScope's manifest: only Smile's own jar names its version,
    // and the version Maven built TuneScope with stands in for it there.
    if (smile != null && "smile-core".equals(smile.getImplementationTitle())
        && smile.getImplementationVersion() != null) {
      return smile.getImplementationVersion();
    }
    return builtWithSmile();
  }

  /** The Smile version TuneScope was built with (from the build), or "unknown". */
  static String builtWithSmile() {
    try (java.io.InputStream in = Provenance.class.getResourceAsStream("versions.properties")) {
      if (in == null) {
        return "unknown";
      }
      java.util.Properties versions = new java.util.Properties();
      versions.load(in);
      String v = versions.getProperty("smile", "");
      return v.isBlank() || v.startsWith("${") ? "unknown" : v;
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
