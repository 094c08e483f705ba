package org.tunescope.store;

import java.util.List;
import java.util.Objects;
import org.tunescope.engine.study.Trial;

/**
 * A study read from another tool, ready to keep: the study, where it came from, its trials and what each
 * trial holds beyond a TuneScope trial ({@code extras}, by trial number).
 */
public record ImportedStudy(StudyRecord study, ImportRecord origin, List<Trial> trials, List<ImportedTrial> extras) {

  public ImportedStudy {
    Objects.requireNonNull(study, "study");
    Objects.requireNonNull(origin, "origin");
    trials = List.copyOf(trials);
    extras = List.copyOf(extras);
  }

  public String name() {
    return study.name();
  }
}
