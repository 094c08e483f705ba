package org.tunescope.ui.space;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tunescope.engine.space.Distribution;
import org.tunescope.engine.space.HyperParameter;
import org.tunescope.engine.space.SearchParameter;
import org.tunescope.engine.space.SearchSpace;
import org.tunescope.ml.models.ModelSpec;

/**
 * The search-space editor: one row per hyperparameter of the chosen model, in catalog order. A
 * conditional row applies only while its parent can take a value its condition names (gamma while rbf
 * is among the kernels).
 */
public final class SpaceViewModel {

  private final ReadOnlyObjectWrapper<ModelSpec> model = new ReadOnlyObjectWrapper<>(this, "model");
  private final ObservableList<ParameterRowModel> rows = FXCollections.observableArrayList(
      row -> new Observable[] {row.lowProperty(), row.highProperty(), row.valueProperty(), row.logProperty(),
          row.fixedProperty(), row.appliesProperty(), row.inputProblemProperty()});
  private final ReadOnlyObjectWrapper<SearchSpace> space = new ReadOnlyObjectWrapper<>(this, "space");

  public SpaceViewModel() {
    // Any edit of a row (its range, scale, fixed switch) re-derives the space.
    rows.addListener((javafx.collections.ListChangeListener<ParameterRowModel>) c -> refreshSpaceOnly());
  }

  /** Shows the rows of {@code spec}, at the catalog defaults. */
  public void setModel(ModelSpec spec) {
    model.set(spec);
    if (spec == null) {
      rows.clear();
      space.set(null);
      return;
    }
    List<ParameterRowModel> next = spec.hyperParameters().stream().map(ParameterRowModel::new).toList();
    for (ParameterRowModel row : next) {
      row.categories().values().forEach(p -> p.addListener((o, a, b) -> refresh()));
    }
    rows.setAll(next);
    refresh();
  }

  /** Every row back to its catalog default. */
  public void reset() {
    rows.forEach(ParameterRowModel::reset);
    refresh();
  }

  /** Sets rows from a stored space; parameters it does not name keep their defaults. */
  public void apply(Map<String, Distribution> ranges) {
    for (ParameterRowModel row : rows) {
      Distribution d = ranges.get(row.name());
      if (d != null) {
        row.apply(d);
      }
    }
    refresh();
  }

  private void refresh() {
    for (ParameterRowModel row : rows) {
      Optional<org.tunescope.engine.space.Condition> condition = row.parameter().condition();
      if (condition.isPresent()) {
        Optional<ParameterRowModel> parent = row(condition.get().parent());
        boolean applies = parent.isPresent() && parent.get().appliesProperty().get()
            && parent.get().possibleValues().stream().anyMatch(condition.get().values()::contains);
        row.setApplies(applies);
      }
    }
    refreshSpaceOnly();
  }

  private void refreshSpaceOnly() {
    space.set(problems().isEmpty() ? buildSpace() : null);
  }

  private SearchSpace buildSpace() {
    return new SearchSpace(rows.stream()
        .map(r -> new SearchParameter(r.name(), r.distribution(), r.parameter().condition()))
        .toList());
  }

  /** Every row's problem, in row order; empty when the space is valid. */
  public List<String> problems() {
    return rows.stream().filter(r -> r.appliesProperty().get()).map(ParameterRowModel::problem)
        .flatMap(Optional::stream).collect(Collectors.toList());
  }

  public Optional<ParameterRowModel> row(String name) {
    return rows.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  public ObservableList<ParameterRowModel> rows() {
    return rows;
  }

  public ReadOnlyObjectProperty<ModelSpec> modelProperty() {
    return model.getReadOnlyProperty();
  }

  /** The space the rows describe, or null while a row is invalid. */
  public ReadOnlyObjectProperty<SearchSpace> spaceProperty() {
    return space.getReadOnlyProperty();
  }

  /** The rows as ranges by name, for a study's request: every parameter, searched or fixed. */
  public Map<String, Distribution> ranges() {
    Map<String, Distribution> out = new java.util.LinkedHashMap<>();
    rows.forEach(r -> out.put(r.name(), r.distribution()));
    return out;
  }

  /** Meaning of a parameter for its tooltip: what it does, its domain and which way is more complex. */
  public static String tooltip(HyperParameter p) {
    String direction = switch (p.complexity()) {
      case MORE_WHEN_RAISED -> "Raising it makes the model more complex.";
      case LESS_WHEN_RAISED -> "Raising it makes the model simpler.";
      case NONE -> "";
    };
    return p.meaning() + "\nValid: " + p.domainText() + ". Default: " + p.defaultValue() + ". " + direction
        + p.condition().map(c -> "\nApplies only when " + c.parent() + " is "
            + c.values().stream().map(String::valueOf).sorted().collect(Collectors.joining(" or ")) + ".").orElse("");
  }
}
