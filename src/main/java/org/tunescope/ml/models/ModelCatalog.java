package org.tunescope.ml.models;

import java.util.List;
import java.util.Optional;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.xgboost.XGBoostModels;

/** Every model TuneScope can tune, each declared once. */
public final class ModelCatalog {

  private final List<ModelSpec> models;

  public ModelCatalog(List<ModelSpec> models) {
    this.models = List.copyOf(models);
  }

  /** The catalog of models shipped with TuneScope (Smile's, and XGBoost). */
  public static ModelCatalog standard() {
    return new ModelCatalog(List.of(
        LinearModels.logisticRegression(),
        LinearModels.lda(),
        LinearModels.rda(),
        NeighbourVote.spec(),
        SupportVectorMachines.classifier(),
        TreeModels.decisionTreeClassifier(),
        TreeModels.randomForestClassifier(),
        TreeModels.gradientBoostingClassifier(),
        XGBoostModels.classifier(),
        TreeModels.adaBoostClassifier(),
        NeuralNets.classifier(),
        LinearModels.linear(),
        LinearModels.ridge(),
        LinearModels.lasso(),
        LinearModels.elasticNet(),
        PolynomialRegressor.spec(),
        SupportVectorMachines.regressor(),
        Kernels.gaussianProcess(),
        TreeModels.decisionTreeRegressor(),
        TreeModels.randomForestRegressor(),
        TreeModels.gradientBoostingRegressor(),
        XGBoostModels.regressor(),
        NeuralNets.regressor()));
  }

  public List<ModelSpec> models() {
    return models;
  }

  public List<ModelSpec> forTask(Task task) {
    return models.stream().filter(m -> m.task() == task).toList();
  }

  public Optional<ModelSpec> find(String id, Task task) {
    return models.stream().filter(m -> m.task() == task && m.id().equals(id)).findFirst();
  }

  /** Whether any task has a model of this id (to tell "unknown model" from "wrong task"). */
  public boolean knows(String id) {
    return models.stream().anyMatch(m -> m.id().equals(id));
  }
}
