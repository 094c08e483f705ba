package org.tunescope.ml.models;

/** The version of Smile this process fits models with, recorded in every study's provenance. */
public final class SmileVersion {

  private SmileVersion() {
  }

  /** Smile's version as its jar names it, else the one TuneScope was built with, else "unknown". */
  public static String bundled() {
    Package smile = smile.classification.DecisionTree.class.getPackage();
    // In the runnable jar every class shares TuneScope's manifest: only Smile's own jar names its version,
    // and the version Maven built TuneScope with stands in for it there.
    if (smile != null && "smile-core".equals(smile.getImplementationTitle())
        && smile.getImplementationVersion() != null) {
      return smile.getImplementationVersion();
    }
    return builtWith();
  }

  /** The Smile version TuneScope was built with (from the build), or "unknown". */
  static String builtWith() {
    try (java.io.InputStream in = SmileVersion.class.getResourceAsStream("versions.properties")) {
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
