package org.tunescope;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.tunescope.cli.TuneScopeCommand;

/**
 * Starts TuneScope: with no arguments the desktop app, with a command the headless command line.
 * A separate class from the JavaFX application so that the fat jar starts, and so that commands never
 * load JavaFX.
 *
 * <p>The installed launcher (jpackage's, {@code /usr/bin/tunescope}) passes {@code -Dtunescope.window=true}:
 * the desktop opens a file with it (file association, {@code tunescope data.csv}), so there arguments that
 * are all existing files open the window with them. Anything else is a command, also there.
 */
public final class Launcher {

  /** The system property the installed launcher sets. */
  public static final String WINDOW_PROPERTY = "tunescope.window";

  private Launcher() {
  }

  public static void main(String[] args) {
    // Libraries' logging (Smile, SQLite, XGBoost) goes to the log file, not between the progress lines.
    org.tunescope.app.AppLog.install();
    if (opensWindow(args, Boolean.getBoolean(WINDOW_PROPERTY))) {
      org.tunescope.ui.main.TuneScopeApp.launchApp(args);
    } else {
      System.exit(TuneScopeCommand.run(args));
    }
  }

  /**
   * Whether these arguments open the window: none at all, or, from the installed launcher, files to open
   * (every argument an existing regular file).
   */
  public static boolean opensWindow(String[] args, boolean installedLauncher) {
    if (args.length == 0) {
      return true;
    }
    return installedLauncher && Arrays.stream(args).allMatch(Launcher::isFile);
  }

  private static boolean isFile(String arg) {
    if (arg.startsWith("-")) {
      return false;
    }
    try {
      return Files.isRegularFile(Path.of(arg));
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }
}
