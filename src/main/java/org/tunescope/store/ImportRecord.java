package org.tunescope.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tunescope.engine.space.SearchSpace;

/**
 * Where an imported study came from: another tool's file, which objective its trials show, and its search
 * space as that tool declared it. A study with an import record was not run by TuneScope, so it cannot be
 * resumed; importing the same source again updates it.
 *
 * @param origin       the kind of source: {@link #OPTUNA} or {@link #CV_RESULTS}
 * @param source       the file (absolute path) or storage URL read
 * @param sourceStudy  the study's name in the source, when the source names studies
 * @param objective    the index, in {@code objectives}, of the objective the trials' validation score is
 * @param objectives   every objective (or metric) the source has, in its order
 * @param space        the search space in TuneScope's types (scales and categories)
 * @param declarations each parameter's declaration in the source's own words (an Optuna distribution's JSON)
 * @param imported     when it was last imported
 */
public record ImportRecord(String origin, String source, Optional<String> sourceStudy, int objective,
                           List<Objective> objectives, SearchSpace space, Map<String, String> declarations,
                           Instant imported) {

  public static final String OPTUNA = "optuna";
  public static final String CV_RESULTS = "cv-results";

  /** One objective of the source: its name and whether it is maximized or minimized. */
  public record Objective(String name, String direction) {
    public Objective {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(direction, "direction");
    }
  }

  public ImportRecord {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceStudy, "sourceStudy");
    objectives = List.copyOf(objectives);
    if (objective < 0 || objective >= objectives.size()) {
      throw new IllegalArgumentException("objective " + objective + " of " + objectives.size());
    }
    Objects.requireNonNull(space, "space");
    declarations = Collections.unmodifiableMap(new LinkedHashMap<>(declarations));
    Objects.requireNonNull(imported, "imported");
  }

  /** Whether {@code other} reads the same study of the same source (and so may update this one). */
  public boolean sameSource(ImportRecord other) {
    return origin.equals(other.origin) && source.equals(other.source) && sourceStudy.equals(other.sourceStudy);
  }

  /** The source in words: "the Optuna storage /x/y.db (study svm)". */
  public String describe() {
    String kind = origin.equals(OPTUNA) ? "the Optuna storage " : "the scikit-learn cv_results_ file ";
    return kind + source + sourceStudy.map(s -> " (study " + s + ")").orElse("");
  }

  /** Why such a study cannot be resumed, in one line. */
  public String whyNotResumable(String name) {
    return "study " + name + " was imported from " + describe() + ": TuneScope has neither its objective nor its"
        + " data, so it cannot be resumed (import it again to add the trials run since)";
  }
}
