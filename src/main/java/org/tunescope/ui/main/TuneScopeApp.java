package org.tunescope.ui.main;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.tunescope.app.Settings;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.store.InMemoryStudyStore;
import org.tunescope.store.SqliteStudyStore;
import org.tunescope.store.StoreException;
import org.tunescope.store.StudyStore;
import org.tunescope.ui.Theme;
import org.tunescope.ui.UiScheduler;
import org.tunescope.ui.data.RecentFiles;

/** The desktop application window. */
public class TuneScopeApp extends Application {

  public static final String TITLE = "TuneScope";

  /** The window icon sizes under {@code org/tunescope/ui/main/icon-N.png} (drawn by resources/icon/draw_icon.py). */
  static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256};

  private MainViewModel viewModel;
  private StudyStore store;
  private Settings settings;

  /** Starts the JavaFX runtime and opens the main window. */
  public static void launchApp(String[] args) {
    Application.launch(TuneScopeApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    org.tunescope.app.AppLog.install();
    ErrorReport.install(stage);
    settings = Settings.load();
    List<Path> files = getParameters().getRaw().stream().map(Path::of).toList();
    // A store passed in (a .db opened from the desktop) is used, and remembered as the last store.
    Optional<Path> passed = files.stream().filter(TuneScopeApp::isStore).reduce((a, b) -> b);
    // A PostgreSQL server last time: the window opens on the default file, then connects in the background.
    Optional<String> server = settings.get("store").filter(s -> passed.isEmpty())
        .filter(org.tunescope.store.PostgresUrl::looksLike);
    Optional<Path> storeFile = passed.or(() -> settings.get("store").filter(s -> server.isEmpty()).map(Path::of)
        .filter(java.nio.file.Files::isRegularFile));
    String storeProblem = null;
    try {
      store = storeFile.isPresent() ? SqliteStudyStore.open(storeFile.get()) : SqliteStudyStore.openDefault();
      if (server.isEmpty()) {
        settings.put("store", ((SqliteStudyStore) store).file().toAbsolutePath());
      }
    } catch (StoreException e) {
      // The app still works; studies then last only until it closes.
      store = new InMemoryStudyStore();
      storeProblem = e.getMessage() + " Studies will not be kept after TuneScope closes.";
    }
    viewModel = new MainViewModel(UiScheduler.fx(), ModelCatalog.standard(),
        // The node of the package this class lived in first: the recent files survive the move.
        new RecentFiles(Preferences.userRoot().node("/org/tunescope/ui")),
        Path.of(System.getProperty("user.home"), ".tunescope", "samples"), store);
    if (storeProblem != null) {
      viewModel.notifications().error(storeProblem);
    }
    viewModel.useSettings(settings);
    stage.setScene(createScene(viewModel));
    restoreWindow(stage);
    stage.setOnHiding(e -> rememberWindow(stage));
    stage.setTitle(TITLE);
    stage.setMinWidth(900);
    stage.setMinHeight(600);
    setIcons(stage);
    stage.show();
    // A data file passed by the desktop (file association) or on the command line is opened at once.
    files.stream().filter(f -> !isStore(f)).reduce((a, b) -> b).ifPresent(viewModel.data()::load);
    server.ifPresent(viewModel.stores()::open);
  }

  /** Puts the window where it was, if that place is still on a screen. */
  private void restoreWindow(Stage stage) {
    Optional<Double> x = settings.getDouble("window.x");
    Optional<Double> y = settings.getDouble("window.y");
    Optional<Double> w = settings.getDouble("window.width");
    Optional<Double> h = settings.getDouble("window.height");
    if (x.isPresent() && y.isPresent() && w.isPresent() && h.isPresent()
        && !javafx.stage.Screen.getScreensForRectangle(x.get(), y.get(), w.get(), h.get()).isEmpty()) {
      stage.setX(x.get());
      stage.setY(y.get());
      stage.setWidth(Math.max(w.get(), 900));
      stage.setHeight(Math.max(h.get(), 600));
    }
    stage.setMaximized(settings.getBoolean("window.maximized", false));
  }

  private void rememberWindow(Stage stage) {
    // one write of the settings file for the whole window
    java.util.Map<String, Object> window = new java.util.HashMap<>();
    window.put("window.maximized", stage.isMaximized());
    if (!stage.isMaximized() && !stage.isIconified()) {
      window.put("window.x", stage.getX());
      window.put("window.y", stage.getY());
      window.put("window.width", stage.getWidth());
      window.put("window.height", stage.getHeight());
    }
    settings.putAll(window);
  }

  /** A study database (TuneScope's store, {@code .db}) rather than data to load. */
  private static boolean isStore(Path file) {
    return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".db");
  }

  /** Sets the application icon, at every size drawn, on a window (title bar, task bar, Alt+Tab). */
  public static void setIcons(Stage stage) {
    // The same stage may be started again (tests reuse it): its icons are these, not these added again.
    stage.getIcons().clear();
    for (int size : ICON_SIZES) {
      try (InputStream in = TuneScopeApp.class.getResourceAsStream("/org/tunescope/ui/main/icon-" + size + ".png")) {
        if (in != null) {
          stage.getIcons().add(new Image(in));
        }
      } catch (IOException e) {
        // An icon missing from a build leaves the platform's default: nothing to tell the user.
      }
    }
  }

  @Override
  public void stop() {
    if (settings != null) {
      // Closing through Quit or the platform: the window may not have been hidden first.
      javafx.stage.Window.getWindows().stream().filter(w -> w instanceof Stage && w.isShowing()).map(w -> (Stage) w)
          .filter(s -> TITLE.equals(s.getTitle())).findFirst().ifPresent(this::rememberWindow);
    }
    if (viewModel != null) {
      viewModel.cancel();
    }
    StudyStore inUse = viewModel != null ? viewModel.store() : store;
    if (inUse != null) {
      try {
        inUse.close();
      } catch (RuntimeException e) {
        // Closing at exit: a trial still being written is marked interrupted on the next open.
      }
    }
  }

  /** The view model of the window, once started (tests use it to wait for background work). */
  public MainViewModel viewModel() {
    return viewModel;
  }

  /** The main window's scene for a view model. */
  public static Scene createScene(MainViewModel vm) {
    FXMLLoader loader = new FXMLLoader(TuneScopeApp.class.getResource("/org/tunescope/ui/main/MainView.fxml"));
    MainView view = new MainView(vm);
    loader.setControllerFactory(view::controller);
    Parent root;
    try {
      root = loader.load();
    } catch (IOException e) {
      throw new UncheckedIOException("the main window's layout is missing from this build", e);
    }
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    Scene scene = new Scene(root, Math.min(1360, screen.getWidth() * 0.95), Math.min(860, screen.getHeight() * 0.92));
    Theme.apply(scene, view.theme());
    return scene;
  }
}
