package org.tunescope.ui.watch;

import java.io.File;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Asks where the store is: an SQLite file (typed, or chosen with Browse...) or a PostgreSQL address. */
final class OpenStoreDialog extends Dialog<String> {

  OpenStoreDialog(String current) {
    setTitle("Open store");
    setHeaderText("Where are the studies kept?");
    TextField where = new TextField(current);
    where.setId("storeAddress");
    where.setPromptText("postgresql://user@host:port/db, or an SQLite file (.db)");
    where.setPrefColumnCount(44);
    Button browse = new Button("Browse...");
    browse.setOnAction(e -> {
      FileChooser chooser = new FileChooser();
      chooser.setTitle("Open an SQLite study database");
      chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("TuneScope databases", "*.db"),
          new FileChooser.ExtensionFilter("All files", "*"));
      // Over this dialog, not behind it over the main window.
      File file = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
      if (file != null) {
        where.setText(file.getAbsolutePath());
      }
    });
    HBox row = new HBox(6, where, browse);
    HBox.setHgrow(where, Priority.ALWAYS);
    Label hint = new Label("A PostgreSQL server shared by several machines: postgresql://USER@HOST:PORT/DATABASE.\n"
        + "The password comes from PGPASSWORD or ~/.pgpass, or TuneScope asks for it; never put it in the address.");
    hint.getStyleClass().add("muted");
    hint.setWrapText(true);
    VBox content = new VBox(8, row, hint);
    content.setPadding(new Insets(4, 0, 0, 0));
    getDialogPane().setContent(content);
    getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    setResultConverter(b -> b == ButtonType.OK ? where.getText() : null);
    setOnShown(e -> where.requestFocus());
  }
}
