package org.tunescope.ui.model;

import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import org.tunescope.ml.models.ModelSpec;

/**
 * The model step (ModelView.fxml): the catalog's models for the task, grouped, each with a line saying what
 * it is. Its state is the window's ({@code MainViewModel.models()} and {@code modelProperty()}): the task
 * chooses the models, the model the search space.
 */
public final class ModelView {

  private final ObservableList<ModelSpec> models;
  private final ObjectProperty<ModelSpec> model;

  @FXML private ListView<ModelSpec> modelList;

  public ModelView(ObservableList<ModelSpec> models, ObjectProperty<ModelSpec> model) {
    this.models = models;
    this.model = model;
  }

  @FXML
  private void initialize() {
    modelList.setItems(models);
    modelList.setCellFactory(list -> new ListCell<>() {
      @Override
      protected void updateItem(ModelSpec m, boolean empty) {
        super.updateItem(m, empty);
        if (empty || m == null) {
          setText(null);
          setGraphic(null);
          setId(null);
          return;
        }
        Label title = new Label(m.name() + "   ·  " + m.group());
        title.getStyleClass().add("model-name");
        Label description = new Label(m.description());
        description.getStyleClass().add("muted");
        description.setWrapText(true);
        description.setMaxWidth(360);
        setText(null);
        setGraphic(new VBox(1, title, description));
        setId("model-" + m.id());
      }
    });
    model.addListener((o, a, m) -> modelList.getSelectionModel().select(m));
    modelList.getSelectionModel().selectedItemProperty().addListener((o, a, m) -> {
      if (m != null) {
        model.set(m);
      }
    });
  }
}
