package org.tunescope.cli;

/** Version strings shown by {@code --version}. */
final class Versions {

  static final String TUNESCOPE = org.tunescope.store.Provenance.TUNESCOPE_VERSION;

  private Versions() {
  }
}
