package org.tunescope.cli;

/** Version strings shown by {@code --version}. */
final class Versions {

  static final String TUNESCOPE = "0.1.0";

  private Versions() {
  }
}
