package org.tunescope.ui.watch;

import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.tunescope.ui.Windows;

/**
 * The foot of the window while a study is followed: which study, in which store, how many workers run it;
 * above it the banner of a lost connection. Also File > Open store...'s dialogs (address, password).
 */
public final class WatchBar {

  private final WatchViewModel watch;
  private final StoreViewModel stores;

  @FXML private VBox root;
  @FXML private HBox lostBanner;
  @FXML private Label lostLabel;
  @FXML private HBox followBar;
  @FXML private Label watchLabel;
  @FXML private Button stopFollowingButton;

  public WatchBar(WatchViewModel watch, StoreViewModel stores) {
    this.watch = watch;
    this.stores = stores;
  }

  @FXML
  private void initialize() {
    lostLabel.textProperty().bind(watch.lostProperty());
    lostBanner.visibleProperty().bind(watch.lostProperty().isNotEmpty());
    lostBanner.managedProperty().bind(lostBanner.visibleProperty());
    watchLabel.textProperty().bind(watch.statusProperty());
    followBar.visibleProperty().bind(watch.followingProperty());
    followBar.managedProperty().bind(followBar.visibleProperty());
    stores.setPasswordPrompt(this::askPassword);
  }

  @FXML
  private void stopFollowing() {
    watch.stop();
  }

  /** File > Open store...: asks for an SQLite file or a PostgreSQL address, then opens it in the background. */
  public void openStore() {
    OpenStoreDialog dialog = new OpenStoreDialog(stores.address());
    Windows.ownedBy(dialog, window());
    dialog.showAndWait().ifPresent(stores::open);
  }

  /** Asks for the password of a server that wants one; it goes nowhere but into the connection. */
  private Optional<String> askPassword(String address) {
    Dialog<String> dialog = new Dialog<>();
    Windows.ownedBy(dialog, window());
    dialog.setTitle("Password");
    dialog.setHeaderText("The server of " + address + " asks for a password.\nIt is kept in memory only, until"
        + " TuneScope closes.");
    PasswordField field = new PasswordField();
    field.setId("storePassword");
    field.setPromptText("password");
    dialog.getDialogPane().setContent(field);
    dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText() : null);
    dialog.setOnShown(e -> field.requestFocus());
    return dialog.showAndWait().filter(p -> !p.isEmpty());
  }

  private Window window() {
    return root.getScene() == null ? null : root.getScene().getWindow();
  }
}
