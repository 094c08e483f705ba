package org.tunescope.app.compare;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The ensembles a comparison builds from its best trials (see {@link org.tunescope.ml.ensemble.EnsembleScoring}
 * and {@link org.tunescope.ml.ensemble.GreedySelection}).
 */
public enum EnsembleKind {
  /** Soft voting: the mean of the members' class probabilities (regression: of their predictions). */
  VOTE("vote"),
  /** Stacking: a logistic (regression: ridge) meta-model on the members' out-of-fold predictions. */
  STACK("stack"),
  /**
   * Caruana's greedy forward selection: members added with replacement from a larger pool of the best trials,
   * soft-voted with their counts as weights.
   */
  GREEDY("greedy");

  /** What a choice may say, for messages. */
  private static final String CHOICES = "none, vote, stack, greedy, both (vote and stack) or a comma list such as"
      + " vote,greedy";

  private final String id;

  EnsembleKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static EnsembleKind parse(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown ensemble '" + id + "'; use vote, stack or greedy"));
  }

  /**
   * A choice of ensembles as both front ends offer it: none, vote, stack, greedy, both (vote and stack, as
   * before greedy existed), or a comma list of those such as {@code vote,greedy}.
   */
  public static Set<EnsembleKind> choice(String choice) {
    Set<EnsembleKind> kinds = EnumSet.noneOf(EnsembleKind.class);
    String[] parts = choice.split(",", -1);
    for (String raw : parts) {
      String part = raw.trim();
      switch (part) {
        case "none" -> {
          if (parts.length > 1) {
            throw new IllegalArgumentException("ensembles '" + choice + "': none stands alone; use " + CHOICES);
          }
        }
        case "both" -> kinds.addAll(EnumSet.of(VOTE, STACK));
        case "vote", "stack", "greedy" -> kinds.add(parse(part));
        default -> throw new IllegalArgumentException("ensembles '" + choice + "': use " + CHOICES);
      }
    }
    return kinds;
  }
}
