package org.tunescope.ui.studies;

import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.tunescope.ui.Notifications;

/** The Studies tab (StudiesView.fxml): the stored studies, to open, resume, export or delete. */
public final class StudiesView {

  private final StudiesViewModel studies;
  private final ObservableBooleanValue running;
  private final Consumer<StudyEntry> open;
  private final Consumer<StudyEntry> resume;
  private final Notifications notifications;

  @FXML private ListView<StudyEntry> studiesList;
  @FXML private Button openStudyButton;
  @FXML private Button resumeStudyButton;
  @FXML private Button exportStudyButton;
  @FXML private Button deleteStudyButton;
  @FXML private Button compareStudiesButton;
  @FXML private javafx.scene.control.MenuButton openComparisonButton;
  private Consumer<List<String>> compare = names -> { };
  private Consumer<String> openComparison = name -> { };
  private Runnable newComparison = () -> { };

  /** Opening and resuming are the window's: they restore every step's choices and run the study. */
  public StudiesView(StudiesViewModel studies, ObservableBooleanValue running, Consumer<StudyEntry> open,
      Consumer<StudyEntry> resume, Notifications notifications) {
    this.studies = studies;
    this.running = running;
    this.open = open;
    this.resume = resume;
    this.notifications = notifications;
  }

  /** What "New comparison..." does: the window opens the New comparison dialog on its setup. */
  public void setNewComparison(Runnable newComparison) {
    this.newComparison = newComparison;
  }

  /** Opens the Compare window on these studies, as "Compare selected" does. */
  public void compare(List<String> names) {
    compare.accept(names);
  }

  /** What an "Open comparison" item does with the comparison's name: the window opens a Compare window on it. */
  public void setOpenComparison(Consumer<String> openComparison) {
    this.openComparison = openComparison;
  }

  /**
   * One menu item per stored comparison: it opens the Compare window on that comparison, by its name (two
   * comparisons of the same studies keep their own ensembles).
   */
  private void comparisonItems() {
    openComparisonButton.getItems().setAll(studies.comparisons().stream().map(c -> {
      javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(c.name() + " (" + c.studies().size()
          + " studies" + (c.ensembles().isEmpty() ? "" : ", " + c.ensembles().size() + " ensembles") + ")");
      item.setOnAction(e -> openComparison.accept(c.name()));
      return item;
    }).toList());
    openComparisonButton.setDisable(studies.comparisons().isEmpty());
  }

  @FXML
  private void newComparison() {
    newComparison.run();
  }

  /** What "Compare selected" does with the selected studies' names: the window opens a Compare window. */
  public void setCompare(Consumer<List<String>> compare) {
    this.compare = compare;
  }

  /**
   * The studies selected, by name: the list is replaced under them (a refresh, a followed study's new counts
   * every few seconds) and the same studies stay selected.
   */
  private List<String> selectedNames = List.of();
  /** Whether the list is being replaced: selection changes meanwhile are not the user's. */
  private boolean replacing;

  private void keepSelection() {
    List<Integer> again = new java.util.ArrayList<>();
    for (int i = 0; i < studiesList.getItems().size(); i++) {
      if (selectedNames.contains(studiesList.getItems().get(i).name())) {
        again.add(i);
      }
    }
    var selection = studiesList.getSelectionModel();
    if (!again.equals(selection.getSelectedIndices())) {
      selection.clearSelection();
      again.forEach(selection::select);
    }
    replacing = false;
  }

  @FXML
  private void initialize() {
    // Registered before the list view's own listener, this one runs first: the selection changes that follow
    // come from the list being replaced, not from the user.
    studies.studies().addListener((ListChangeListener<StudyEntry>) c -> replacing = true);
    studiesList.setItems(studies.studies());
    // ...and this one after it: the studies selected before are selected again, by name.
    studies.studies().addListener((ListChangeListener<StudyEntry>) c -> keepSelection());
    // Several studies (of different models on the same data) can be selected to compare them.
    studiesList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    studiesList.getSelectionModel().getSelectedItems().addListener((ListChangeListener<StudyEntry>) c -> {
      if (!replacing) {
        selectedNames = studiesList.getSelectionModel().getSelectedItems().stream().map(StudyEntry::name).toList();
      }
    });
    compareStudiesButton.disableProperty().bind(Bindings.size(studiesList.getSelectionModel().getSelectedItems())
        .lessThan(2));
    studies.comparisons().addListener((javafx.collections.ListChangeListener<org.tunescope.store.ComparisonRecord>)
        change -> comparisonItems());
    comparisonItems();
    studiesList.setCellFactory(list -> new ListCell<>() {
      @Override
      protected void updateItem(StudyEntry s, boolean empty) {
        super.updateItem(s, empty);
        if (empty || s == null) {
          setText(null);
          setGraphic(null);
          return;
        }
        Label name = new Label(s.name());
        name.getStyleClass().add("model-name");
        Label summary = new Label(s.text());
        summary.getStyleClass().add("muted");
        setGraphic(new VBox(1, name, summary));
      }
    });
    studies.selectedProperty().bind(studiesList.getSelectionModel().selectedItemProperty());
    var none = studiesList.getSelectionModel().selectedItemProperty().isNull();
    openStudyButton.disableProperty().bind(none.or(running));
    resumeStudyButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
      StudyEntry s = studiesList.getSelectionModel().getSelectedItem();
      return s == null || !s.canResume() || running.get();
    }, studiesList.getSelectionModel().selectedItemProperty(), running));
    exportStudyButton.disableProperty().bind(none);
    deleteStudyButton.disableProperty().bind(none.or(running));
    studiesList.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2 && studiesList.getSelectionModel().getSelectedItem() != null) {
        openStudy();
      }
    });
  }

  @FXML
  private void openStudy() {
    selected(open);
  }

  @FXML
  private void resumeStudy() {
    selected(resume);
  }

  @FXML
  private void compareStudies() {
    compare.accept(studiesList.getSelectionModel().getSelectedItems().stream().map(StudyEntry::name).toList());
  }

  @FXML
  private void deleteStudy() {
    selected(studies::delete);
  }

  private void selected(Consumer<StudyEntry> action) {
    StudyEntry s = studiesList.getSelectionModel().getSelectedItem();
    if (s != null) {
      action.accept(s);
    }
  }

  /** Exports the selected study (else the first listed) as CSV or JSON: the Export button and File > Export. */
  @FXML
  public void exportSelected() {
    StudyEntry s = studiesList.getSelectionModel().getSelectedItem();
    if (s == null && !studies.studies().isEmpty()) {
      s = studies.studies().get(0);
    }
    if (s == null) {
      notifications.error("no study to export yet: run one first");
      return;
    }
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export " + s.name());
    chooser.setInitialFileName(s.name() + ".csv");
    chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV", "*.csv"),
        new FileChooser.ExtensionFilter("JSON", "*.json"));
    File file = chooser.showSaveDialog(studiesList.getScene().getWindow());
    if (file == null) {
      return;
    }
    studies.export(s, file.toPath());
  }
}
