package org.tunescope.app.compare;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

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

  /** A choice of ensembles as both front ends offer it: none, vote, stack or both. */
  public static Set<EnsembleKind> choice(String choice) {
    return switch (choice) {
      case "none" -> EnumSet.noneOf(EnsembleKind.class);
      case "both" -> EnumSet.allOf(EnsembleKind.class);
      case "vote", "stack" -> EnumSet.of(parse(choice));
      default -> throw new IllegalArgumentException("ensembles '" + choice + "': use none, vote, stack or both");
    };
  }
}
