package org.tunescope.store;

import java.nio.file.Path;

/**
 * TuneScope's own folder: {@code ~/.tunescope}, or the folder named by system property
 * {@code tunescope.home} (tests point it into {@code target/}). The default store, the settings and the
 * log live there.
 */
public final class HomeFolder {

  private HomeFolder() {
  }

  public static Path path() {
    String home = System.getProperty("tunescope.home");
    return home != null && !home.isBlank() ? Path.of(home)
        : Path.of(System.getProperty("user.home"), ".tunescope");
  }
}
