package org.tunescope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.tunescope.ml.data.LoadedData;
import org.tunescope.ui.main.TuneScopeApp;

/**
 * Window or command line: no arguments open the window; the installed launcher (tunescope.window=true)
 * opens the window for files the desktop passes it (and the app loads the file); commands stay commands.
 */
class LauncherTest {

  @TempDir
  Path dir;

  private TuneScopeApp app;

  @AfterEach
  void close() throws Exception {
    if (app != null) {
      FxToolkit.cleanupApplication(app);
    }
  }

  @Test
  void noArgumentsOpenTheWindowWhereverItStarts() {
    assertTrue(Launcher.opensWindow(new String[0], false));
    assertTrue(Launcher.opensWindow(new String[0], true));
  }

  @Test
  void commandsRunHeadlessEvenFromTheInstalledLauncher() throws Exception {
    Path csv = Files.writeString(dir.resolve("data.csv"), "x,y\n1,a\n2,b\n");
    assertFalse(Launcher.opensWindow(new String[] {"models"}, true));
    assertFalse(Launcher.opensWindow(new String[] {"tune", "--data", csv.toString()}, true));
    assertFalse(Launcher.opensWindow(new String[] {"--help"}, true));
    // From the jar, a file is not a command to guess at: the command line says what it expects.
    assertFalse(Launcher.opensWindow(new String[] {csv.toString()}, false));
  }

  @Test
  void theInstalledLauncherOpensExistingFilesInTheWindow() throws Exception {
    Path csv = Files.writeString(dir.resolve("data.csv"), "x,y\n1,a\n2,b\n");
    assertTrue(Launcher.opensWindow(new String[] {csv.toString()}, true));
    assertFalse(Launcher.opensWindow(new String[] {dir.resolve("missing.csv").toString()}, true));
    assertFalse(Launcher.opensWindow(new String[] {dir.toString()}, true), "a folder is not a file to open");
  }

  @Test
  void theAppLoadsTheCsvItWasStartedWith() throws Exception {
    Path csv = Files.writeString(dir.resolve("passed.csv"), "x1,x2,label\n1,2,a\n2,3,b\n3,1,a\n4,4,b\n5,0,a\n6,2,b\n");
    FxToolkit.registerPrimaryStage();
    app = (TuneScopeApp) FxToolkit.setupApplication(TuneScopeApp.class, csv.toString());
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.viewModel().data().data().isPresent());
    LoadedData loaded = app.viewModel().data().data().orElseThrow();
    assertEquals(6, loaded.table().rowCount());
    assertEquals(java.util.List.of("x1", "x2", "label"), app.viewModel().data().columns());
  }

  @Test
  void theAppLoadsAnArffItWasStartedWith() throws Exception {
    Path arff = Files.writeString(dir.resolve("passed.arff"), """
        @relation t
        @attribute a numeric
        @attribute c {yes,no}
        @data
        1,yes
        2,no
        3,yes
        4,no
        """);
    FxToolkit.registerPrimaryStage();
    app = (TuneScopeApp) FxToolkit.setupApplication(TuneScopeApp.class, arff.toString());
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.viewModel().data().data().isPresent());
    assertEquals(java.util.List.of("a", "c"), app.viewModel().data().columns());
  }
}
