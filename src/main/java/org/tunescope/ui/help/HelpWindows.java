package org.tunescope.ui.help;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Help menu's windows. Each is a small stage of its own over the main window, carrying its stylesheets
 * (so the dark theme reaches it) and its icons, and closed with Escape or its Close button.
 */
public final class HelpWindows {

  /** Ways in that no menu item shows. */
  private static final List<String[]> OTHER_SHORTCUTS = List.of(
      new String[] {"Drop a file on the window", "Open it as data"},
      new String[] {"Drag along a parallel-coordinates axis", "Brush a range"},
      new String[] {"Double-click a brush", "Clear it"},
      new String[] {"Click a line or a point in a chart", "Select its trial"});

  private HelpWindows() {
  }

  /** The keyboard shortcuts: every menu item with an accelerator, read from the menu bar itself. */
  public static Stage shortcuts(Window owner, MenuBar menus) {
    GridPane grid = grid();
    int row = 0;
    for (String[] entry : menuShortcuts(menus)) {
      grid.addRow(row++, key(entry[0]), new Label(entry[1]));
    }
    for (String[] entry : OTHER_SHORTCUTS) {
      grid.addRow(row++, key(entry[0]), new Label(entry[1]));
    }
    return window(owner, "Keyboard shortcuts", grid, "shortcutsWindow");
  }

  /** Shortcut text and "Menu > Item" for each accelerator in the menu bar. */
  public static List<String[]> menuShortcuts(MenuBar menus) {
    List<String[]> entries = new ArrayList<>();
    for (Menu menu : menus.getMenus()) {
      collect(menu, strip(menu.getText()), entries);
    }
    return entries;
  }

  private static void collect(Menu menu, String path, List<String[]> entries) {
    for (MenuItem item : menu.getItems()) {
      String name = path + " > " + strip(item.getText());
      if (item instanceof Menu sub) {
        collect(sub, name, entries);
      } else if (item.getAccelerator() != null) {
        entries.add(new String[] {item.getAccelerator().getDisplayText(), name});
      }
    }
  }

  private static String strip(String menuText) {
    return menuText == null ? "" : menuText.replace("_", "").replace("...", "");
  }

  /** The offline guide, scrollable. */
  public static Stage guide(Window owner) {
    VBox text = Guide.render(Guide.text());
    text.setPadding(new Insets(12, 18, 18, 18));
    ScrollPane scroll = new ScrollPane(text);
    scroll.setFitToWidth(true);
    scroll.setId("guideScroll");
    Stage stage = window(owner, "TuneScope guide", scroll, "guideWindow");
    stage.setWidth(720);
    stage.setHeight(640);
    return stage;
  }

  /** About: versions, where the studies and the log are, the licence; Copy puts it all on the clipboard. */
  public static Stage about(Window owner, AboutInfo info) {
    GridPane grid = grid();
    int row = 0;
    StringBuilder all = new StringBuilder();
    for (Map.Entry<String, String> e : info.rows().entrySet()) {
      Label value = new Label(e.getValue());
      value.setId("about-" + e.getKey().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
      value.setWrapText(true);
      grid.addRow(row++, key(e.getKey()), value);
      all.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
    }
    Label title = new Label("TuneScope");
    title.getStyleClass().add("guide-h1");
    Label blurb = new Label("Explore hyperparameter tuning: live train and validation scores for every trial.");
    blurb.setWrapText(true);
    Button copy = new Button("Copy");
    copy.setId("aboutCopy");
    copy.setOnAction(ev -> {
      ClipboardContent content = new ClipboardContent();
      content.putString(all.toString());
      javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    });
    VBox box = new VBox(8, title, blurb, grid, new HBox(copy));
    box.setPadding(new Insets(12));
    return window(owner, "About TuneScope", box, "aboutWindow");
  }

  private static GridPane grid() {
    GridPane grid = new GridPane();
    grid.setHgap(16);
    grid.setVgap(6);
    grid.setPadding(new Insets(12));
    return grid;
  }

  private static Label key(String text) {
    Label label = new Label(text);
    label.setStyle("-fx-font-weight: bold;");
    label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    return label;
  }

  private static Stage window(Window owner, String title, javafx.scene.Node content, String id) {
    Button close = new Button("Close");
    close.setCancelButton(true);
    close.setDefaultButton(true);
    HBox buttons = new HBox(close);
    buttons.setPadding(new Insets(8, 12, 12, 12));
    buttons.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
    HBox.setHgrow(buttons, Priority.ALWAYS);
    BorderPane root = new BorderPane(content, null, null, buttons, null);
    root.setId(id);
    root.getStyleClass().add("ts-root");
    Scene scene = new Scene(root);
    Stage stage = new Stage();
    stage.setTitle(title);
    stage.setScene(scene);
    org.tunescope.ui.Windows.ownedBy(stage, owner);
    stage.initModality(Modality.NONE);
    close.setOnAction(e -> stage.close());
    scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::close);
    return stage;
  }
}
