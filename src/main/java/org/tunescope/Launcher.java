package org.tunescope;

import org.tunescope.cli.TuneScopeCommand;

/**
 * Starts TuneScope: with no arguments the desktop app, with a command the headless command line.
 * A separate class from the JavaFX application so that the fat jar starts, and so that commands never
 * load JavaFX.
 */
public final class Launcher {

  private Launcher() {
  }

  public static void main(String[] args) {
    if (args.length == 0) {
      org.tunescope.ui.main.TuneScopeApp.launchApp(args);
    } else {
      System.exit(TuneScopeCommand.run(args));
    }
  }
}
