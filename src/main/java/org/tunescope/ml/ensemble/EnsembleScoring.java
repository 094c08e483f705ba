package org.tunescope.ml.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tunescope.engine.study.FoldPredictions;
import org.tunescope.engine.study.FoldScore;
import org.tunescope.ml.cv.Fold;
import org.tunescope.ml.cv.FoldPlan;
import org.tunescope.ml.metrics.Metric;
import org.tunescope.ml.models.FittedModel;
import org.tunescope.ml.models.LinearModels;
import org.tunescope.ml.models.ModelSpec;
import org.tunescope.ml.models.TrainingData;

/**
 * Scores ensembles of trials on the folds their members were scored on, from the members' kept fold
 * predictions alone (nothing is fitted again but the stacking meta-model), with a train and a validation
 * score per fold like a trial's:
 * <ul>
 *   <li>{@link #vote}: soft voting, the mean of the members' class probabilities (regression: of their
 *       predictions);</li>
 *   <li>{@link #stack}: a logistic (regression: ridge) meta-model on the members' predictions, fitted for
 *       each fold on out-of-fold predictions of rows outside that fold's validation rows, so the fold's
 *       validation rows judge a meta-model that never saw them.</li>
 * </ul>
 * Every member must have been evaluated on {@code plan} (the same rows in every fold).
 *
 * @param plan       the folds every member was scored on
 * @param y          the target of every row the plan indexes (class index as a double, or the value)
 * @param numClasses number of classes, 0 for regression
 */
public record EnsembleScoring(FoldPlan plan, double[] y, int numClasses, Metric metric) {

  /** The meta-model's seed: it has no random choice, but a fit needs one. */
  private static final long META_SEED = 0;

  /** The soft-voting ensemble's fold scores: each row's members' predictions averaged. */
  public List<FoldScore> vote(List<List<FoldPredictions>> members) {
    return vote(members, ones(members.size()));
  }

  /**
   * A weighted soft-voting ensemble's fold scores: each row's members' predictions averaged with these weights
   * (a greedy selection's counts; {@link #vote(List)} gives every member 1).
   */
  public List<FoldScore> vote(List<List<FoldPredictions>> members, double[] weights) {
    check(members);
    List<FoldScore> scores = new ArrayList<>();
    for (int f = 0; f < plan.size(); f++) {
      scores.add(voteFold(members, weights, f));
    }
    return scores;
  }

  /** The weighted soft vote's train and validation score on fold f. */
  FoldScore voteFold(List<List<FoldPredictions>> members, double[] weights, int f) {
    Fold fold = plan.folds().get(f);
    return new FoldScore(score(fold.train(), mean(members, weights, f, true)),
        score(fold.validation(), mean(members, weights, f, false)));
  }

  /**
   * The stacked ensemble's fold scores. For fold f the meta-model is fitted on the out-of-fold predictions of
   * the folds whose validation rows all lie in f's training rows (every other fold of plain k-fold; the other
   * folds of f's round in repeated k-fold), with those rows' targets; it then predicts from the members'
   * predictions on f's validation rows (the validation score) and on f's training rows (the train score: the
   * stacked model of fold f on the rows its members were fitted on).
   */
  public List<FoldScore> stack(List<List<FoldPredictions>> members) {
    check(members);
    List<FoldScore> scores = new ArrayList<>();
    for (int f = 0; f < plan.size(); f++) {
      Fold fold = plan.folds().get(f);
      try (FittedModel meta = fitMeta(members, f)) {
        double[][] trainFeatures = features(members, f, true);
        double[][] validationFeatures = features(members, f, false);
        scores.add(new FoldScore(score(fold.train(), predictions(meta, trainFeatures)),
            score(fold.validation(), predictions(meta, validationFeatures))));
      }
    }
    return scores;
  }

  /**
   * The soft-voting ensemble's score on held-out test rows, from its members refitted on every tuning row.
   *
   * @param test   each member's predictions of the test rows (in the members' order)
   * @param yTest  the test rows' targets
   */
  public double voteTest(List<double[][]> test, double[] yTest) {
    return voteTest(test, ones(test.size()), yTest);
  }

  /** A weighted soft-voting ensemble's score on held-out test rows (see {@link #vote(List, double[])}). */
  public double voteTest(List<double[][]> test, double[] weights, double[] yTest) {
    double total = Arrays.stream(weights).sum();
    double[][] mean = new double[yTest.length][test.get(0)[0].length];
    for (int m = 0; m < test.size(); m++) {
      double[][] member = test.get(m);
      for (int i = 0; i < mean.length; i++) {
        for (int j = 0; j < mean[i].length; j++) {
          mean[i][j] += weights[m] * member[i][j] / total;
        }
      }
    }
    return metric(yTest, mean);
  }

  /**
   * The stacked ensemble's score on held-out test rows: its meta-model fitted on the out-of-fold predictions of
   * one round of folds (every tuning row once), applied to the refitted members' predictions of the test rows.
   */
  public double stackTest(List<List<FoldPredictions>> members, List<double[][]> test, double[] yTest) {
    check(members);
    boolean[] seen = new boolean[y.length];
    List<double[]> x = new ArrayList<>();
    List<Double> target = new ArrayList<>();
    for (int g = 0; g < plan.size(); g++) {
      int[] rows = plan.folds().get(g).validation();
      if (Arrays.stream(rows).anyMatch(r -> seen[r])) {
        continue;
      }
      double[][] features = features(members, g, false);
      for (int i = 0; i < rows.length; i++) {
        seen[rows[i]] = true;
        x.add(features[i]);
        target.add(y[rows[i]]);
      }
    }
    double[][] testFeatures = new double[yTest.length][];
    for (int i = 0; i < yTest.length; i++) {
      List<double[]> perMember = new ArrayList<>();
      for (double[][] member : test) {
        perMember.add(numClasses == 2 ? new double[] {member[i][1]} : member[i]);
      }
      testFeatures[i] = perMember.stream().flatMapToDouble(Arrays::stream).toArray();
    }
    try (FittedModel meta = fit(x, target, -1)) {
      return metric(yTest, predictions(meta, testFeatures));
    }
  }

  /** The meta-model of fold f, fitted on the out-of-fold predictions of the folds outside f's validation rows. */
  private FittedModel fitMeta(List<List<FoldPredictions>> members, int f) {
    List<double[]> x = new ArrayList<>();
    List<Double> target = new ArrayList<>();
    for (int g : outside(f)) {
      int[] rows = plan.folds().get(g).validation();
      double[][] features = features(members, g, false);
      for (int i = 0; i < rows.length; i++) {
        x.add(features[i]);
        target.add(y[rows[i]]);
      }
    }
    if (x.isEmpty()) {
      throw new IllegalArgumentException("fold " + f + " shares its validation rows with every other fold:"
          + " no out-of-fold predictions are left to fit a stacking meta-model on");
    }
    return fit(x, target, f);
  }

  /**
   * The folds whose out-of-fold predictions may judge something that fold f then scores: every other fold whose
   * validation rows are none of f's (every other fold of plain k-fold; the other folds of f's round in repeated
   * k-fold), so that no label of f's validation rows takes part.
   */
  List<Integer> outside(int f) {
    boolean[] held = new boolean[y.length];
    for (int row : plan.folds().get(f).validation()) {
      held[row] = true;
    }
    List<Integer> out = new ArrayList<>();
    for (int g = 0; g < plan.size(); g++) {
      if (g != f && Arrays.stream(plan.folds().get(g).validation()).noneMatch(r -> held[r])) {
        out.add(g);
      }
    }
    return out;
  }

  /** A logistic (regression: ridge) meta-model on these rows of member predictions; {@code f} names it in errors. */
  private FittedModel fit(List<double[]> x, List<Double> target, int f) {
    double[][] xs = x.toArray(double[][]::new);
    double[] ys = target.stream().mapToDouble(Double::doubleValue).toArray();
    List<String> names = java.util.stream.IntStream.range(0, xs[0].length).mapToObj(i -> "p" + i).toList();
    ModelSpec spec = numClasses > 0 ? LinearModels.logisticRegression() : LinearModels.ridge();
    try {
      return spec.trainer().fit(new TrainingData(xs, ys, numClasses, names, META_SEED), spec.withDefaults(Map.of()));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("the stacking meta-model" + (f >= 0 ? " of fold " + f : "")
          + " cannot be fitted: " + e.getMessage(), e);
    }
  }

  /**
   * The meta-model's inputs for fold f's training or validation rows: every member's predictions side by
   * side; of a binary classifier only the second class's probability (the first is one minus it).
   */
  private double[][] features(List<List<FoldPredictions>> members, int f, boolean train) {
    int rows = rows(members.get(0).get(f), train);
    int perMember = numClasses == 2 ? 1 : members.get(0).get(f).columns();
    double[][] out = new double[rows][members.size() * perMember];
    for (int m = 0; m < members.size(); m++) {
      FoldPredictions p = members.get(m).get(f);
      float[] values = train ? p.train() : p.validation();
      int offset = numClasses == 2 ? 1 : 0;
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < perMember; j++) {
          out[i][m * perMember + j] = values[i * p.columns() + offset + j];
        }
      }
    }
    return out;
  }

  /** The meta-model's class probabilities (or values, as one column) for its input rows. */
  private double[][] predictions(FittedModel meta, double[][] features) {
    if (numClasses == 0) {
      return Arrays.stream(meta.predict(features)).mapToObj(v -> new double[] {v}).toArray(double[][]::new);
    }
    return meta.probabilities(features).orElseThrow(() ->
        new IllegalStateException("the logistic meta-model gave no probabilities"));
  }

  /** The members' predictions for fold f's training or validation rows, averaged row by row with these weights. */
  private double[][] mean(List<List<FoldPredictions>> members, double[] weights, int f, boolean train) {
    FoldPredictions first = members.get(0).get(f);
    int rows = rows(first, train);
    int columns = first.columns();
    double[][] out = new double[rows][columns];
    double total = 0;
    for (int m = 0; m < members.size(); m++) {
      double w = weights[m];
      total += w;
      if (w == 0) {
        continue;
      }
      float[] values = train ? members.get(m).get(f).train() : members.get(m).get(f).validation();
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < columns; j++) {
          out[i][j] += w * values[i * columns + j];
        }
      }
    }
    for (double[] row : out) {
      for (int j = 0; j < columns; j++) {
        row[j] /= total;
      }
    }
    return out;
  }

  private static double[] ones(int n) {
    double[] out = new double[n];
    Arrays.fill(out, 1);
    return out;
  }

  /**
   * The metric of combined predictions on the given rows: for classification, the predicted class is the most
   * probable one (the first of equals) and the probabilities go along for AUC and log loss.
   */
  public double score(int[] rows, double[][] combined) {
    return metric(Arrays.stream(rows).mapToDouble(r -> y[r]).toArray(), combined);
  }

  private double metric(double[] truth, double[][] combined) {
    if (numClasses == 0) {
      return metric.score(truth, Arrays.stream(combined).mapToDouble(r -> r[0]).toArray(), null, 0);
    }
    double[] predicted = Arrays.stream(combined).mapToDouble(EnsembleScoring::argmax).toArray();
    return metric.score(truth, predicted, combined, numClasses);
  }

  private static double argmax(double[] row) {
    int best = 0;
    for (int j = 1; j < row.length; j++) {
      if (row[j] > row[best]) {
        best = j;
      }
    }
    return best;
  }

  private static int rows(FoldPredictions p, boolean train) {
    return train ? p.trainRows() : p.validationRows();
  }

  /** Refuses members that were not scored on this plan's folds. */
  void check(List<List<FoldPredictions>> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one member");
    }
    for (List<FoldPredictions> member : members) {
      if (member.size() != plan.size()) {
        throw new IllegalArgumentException("a member has predictions of " + member.size() + " folds, the plan has "
            + plan.size());
      }
      for (int f = 0; f < plan.size(); f++) {
        Fold fold = plan.folds().get(f);
        FoldPredictions p = member.get(f);
        int columns = numClasses > 0 ? numClasses : 1;
        if (p.columns() != columns || p.trainRows() != fold.train().length
            || p.validationRows() != fold.validation().length) {
          throw new IllegalArgumentException("a member's predictions of fold " + f + " do not match its rows: "
              + "were they made on other folds?");
        }
      }
    }
  }
}
