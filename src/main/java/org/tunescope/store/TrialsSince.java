package org.tunescope.store;

import java.util.List;
import java.util.Set;
import org.tunescope.engine.study.Trial;

/**
 * What a study's finished trials became since a follower last looked ({@link StudyStore#trialsSince}): the
 * trials stored or replaced since then, and the rows the study has now, which the follower passes back next
 * time. A trial run again (an interrupted one) is a new row under its old number.
 *
 * @param trials the new or replaced finished trials, by number
 * @param rows   every finished trial row the study has now
 */
public record TrialsSince(List<Trial> trials, Set<Long> rows) {

  public TrialsSince {
    trials = List.copyOf(trials);
    rows = Set.copyOf(rows);
  }

  /** Nothing seen yet: pass it to read every finished trial the first time. */
  public static final Set<Long> NOTHING_SEEN = Set.of();
}
