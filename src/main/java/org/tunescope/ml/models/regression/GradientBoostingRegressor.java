package org.tunescope.ml.models.regression;

import static org.tunescope.ml.models.TreeParams.LEARNING_RATE;
import static org.tunescope.ml.models.TreeParams.MAX_DEPTH;
import static org.tunescope.ml.models.TreeParams.MAX_NODES;
import static org.tunescope.ml.models.TreeParams.NODE_SIZE;
import static org.tunescope.ml.models.TreeParams.SUBSAMPLE;
import static org.tunescope.ml.models.TreeParams.TREES;

import org.tunescope.ml.Task;
import org.tunescope.ml.models.BoostingTrainer;
import org.tunescope.ml.models.Fitted;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.SmileFrames;
import org.tunescope.ml.models.StagedModel;
import org.tunescope.ml.models.TreeParams;
import smile.base.cart.Loss;
import smile.regression.GradientTreeBoost;

/** Gradient-boosted regression trees on the squared error. */
public final class GradientBoostingRegressor {

  private GradientBoostingRegressor() {
  }

  public static ModelSpec spec() {
    return new ModelSpec("gradient_boosting", Task.REGRESSION, "Gradient boosting", "Trees",
        "Shallow trees added one by one, each fitting the remaining error",
        TreeParams.boosting(),
        false,
        (BoostingTrainer) (data, params) -> {
          GradientTreeBoost boost = GradientTreeBoost.fit(SmileFrames.FORMULA, SmileFrames.training(data),
              Loss.ls(), params.getInt(TREES), TreeParams.smileDepth(params), params.getInt(MAX_NODES),
              params.getInt(NODE_SIZE), params.getDouble(LEARNING_RATE), params.getDouble(SUBSAMPLE));
          return StagedModel.trimmedInPlace(Fitted.frameRegression(boost), boost.size(), boost::trim);
        });
  }
}
