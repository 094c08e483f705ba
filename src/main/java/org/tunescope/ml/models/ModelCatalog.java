package org.tunescope.ml.models;

import java.util.List;
import java.util.Optional;
import org.tunescope.ml.Task;
import org.tunescope.ml.models.classification.KnnClassifier;
import org.tunescope.ml.models.classification.LdaClassifier;
import org.tunescope.ml.models.classification.LogisticRegressionClassifier;
import org.tunescope.ml.models.classification.MlpClassifier;
import org.tunescope.ml.models.classification.RdaClassifier;
import org.tunescope.ml.models.classification.SvmClassifier;
import org.tunescope.ml.models.regression.ElasticNetRegressor;
import org.tunescope.ml.models.regression.GaussianProcessRegressor;
import org.tunescope.ml.models.regression.LassoRegressor;
import org.tunescope.ml.models.regression.LinearRegressor;
import org.tunescope.ml.models.regression.MlpRegressor;
import org.tunescope.ml.models.regression.PolynomialRegressor;
import org.tunescope.ml.models.regression.RidgeRegressor;
import org.tunescope.ml.models.regression.SvmRegressor;
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
        LogisticRegressionClassifier.spec(),
        LdaClassifier.spec(),
        RdaClassifier.spec(),
        KnnClassifier.spec(),
        SvmClassifier.spec(),
        TreeModels.decisionTreeClassifier(),
        TreeModels.randomForestClassifier(),
        TreeModels.gradientBoostingClassifier(),
        XGBoostModels.classifier(),
        TreeModels.adaBoostClassifier(),
        MlpClassifier.spec(),
        LinearRegressor.spec(),
        RidgeRegressor.spec(),
        LassoRegressor.spec(),
        ElasticNetRegressor.spec(),
        PolynomialRegressor.spec(),
        SvmRegressor.spec(),
        GaussianProcessRegressor.spec(),
        TreeModels.decisionTreeRegressor(),
        TreeModels.randomForestRegressor(),
        TreeModels.gradientBoostingRegressor(),
        XGBoostModels.regressor(),
        MlpRegressor.spec()));
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
