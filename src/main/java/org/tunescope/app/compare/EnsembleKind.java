package org.tunescope.app.compare;

import java.util.Arrays;

/** The ensembles a comparison builds from its best trials (see {@link org.tunescope.ml.ensemble.EnsembleScoring}). */
public enum EnsembleKind {
  /** Soft voting: the mean of the members' class probabilities (regression: of their predictions). */
  VOTE("vote"),
  /** Stacking: a logistic (regression: ridge) meta-model on the members' out-of-fold predictions. */
  STACK("stack");

  private final String id;

  EnsembleKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static EnsembleKind parse(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown ensemble '" + id + "'; use vote or stack"));
  }
}
