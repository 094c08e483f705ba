package org.tunescope.app.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tunescope.app.ViewedStudy;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.StudyResult;
import org.tunescope.engine.study.TestScore;
import org.tunescope.ml.tuning.ParetoFront;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.ml.tuning.OptimisationHistory;
import org.tunescope.store.ComparisonRecord;
import org.tunescope.store.EnsembleRecord;
import org.tunescope.store.StoreException;
import org.tunescope.store.StudyRecord;
import org.tunescope.store.StudyStore;

/**
 * Several stored studies looked at side by side: studies of different models on the same data (same
 * SHA-256), target, metric and folds, so that the differences between their scores are the models'. Loading
 * refuses, with one sentence, studies that cannot be compared.
 *
 * @param studies each compared study with its record, in the order asked
 * @param stored  the stored comparison they make, when one is attached: its ensembles are candidates too
 */
public record ComparedStudies(List<Compared> studies, Optional<ComparisonRecord> stored) {

  /**
   * One compared study.
   *
   * @param label  how views name it: its model, or its study name when two studies share a model
   * @param record its stored record (data, target, folds)
   * @param viewed its trials, search space and model, for the charts
   * @param test   the held-out check of its best trial, when the study holds rows out and has run it
   */
  public record Compared(String label, StudyRecord record, ViewedStudy viewed, Optional<TestScore> test) {

    /** The complete trial with the best mean validation score (the earliest of a tie); empty while none has finished. */
    public Optional<Trial> best() {
      return StudyResult.ranked(viewed.trials(), viewed.direction()).stream().findFirst();
    }

    /** The held-out test score of {@code trial}, when it is the trial the study's held-out check scored. */
    public java.util.OptionalDouble testOf(Trial trial) {
      return test.filter(s -> s.trial() == trial.number()).map(s -> java.util.OptionalDouble.of(s.test()))
          .orElse(java.util.OptionalDouble.empty());
    }
  }

  public ComparedStudies {
    studies = List.copyOf(studies);
  }

  /** Studies compared without a stored comparison (no ensembles). */
  public ComparedStudies(List<Compared> studies) {
    this(studies, Optional.empty());
  }

  /** The same studies with a stored comparison's ensembles as candidates too. */
  public ComparedStudies withStored(ComparisonRecord comparison) {
    return new ComparedStudies(studies, Optional.of(comparison));
  }

  /**
   * Reads a stored comparison by its name: its studies (one is enough: it has ensembles to compare with),
   * checked as {@link #load} does, with its ensembles.
   *
   * @throws ComparisonException with one clear sentence when there is no comparison of that name
   */
  public static ComparedStudies loadComparison(StudyStore store, ModelCatalog catalog, String name) {
    ComparisonRecord c = store.findComparison(name)
        .orElseThrow(() -> new ComparisonException("there is no comparison named " + name));
    return read(store, catalog, c.studies()).withStored(c);
  }

  /**
   * Reads the named studies and their trials from the store and checks that they can be compared.
   *
   * @throws ComparisonException with one clear sentence: fewer than two studies, an unknown study, or two
   *                             studies on different data, target, metric or folds
   */
  public static ComparedStudies load(StudyStore store, ModelCatalog catalog, List<String> names) {
    if (names.size() < 2) {
      throw new ComparisonException("select at least two studies to compare (of different models on the same data)");
    }
    return read(store, catalog, names);
  }

  /** Reads and checks the named studies, however many (a stored comparison may have one model and its ensembles). */
  private static ComparedStudies read(StudyStore store, ModelCatalog catalog, List<String> names) {
    if (names.isEmpty()) {
      throw new ComparisonException("the comparison has no study");
    }
    List<StudyRecord> records = new ArrayList<>();
    for (String name : names) {
      records.add(store.find(name).orElseThrow(() -> new ComparisonException("there is no study named " + name)));
    }
    StudyRecord first = records.get(0);
    for (StudyRecord other : records.subList(1, records.size())) {
      difference(first, other).ifPresent(d -> {
        throw new ComparisonException("cannot compare " + first.name() + " with " + other.name() + ": they differ in "
            + d + ". Models are compared on the same data, target, metric and folds.");
      });
    }
    Map<String, Long> perModel = new LinkedHashMap<>();
    records.forEach(r -> perModel.merge(r.info().model(), 1L, Long::sum));
    List<Compared> compared = new ArrayList<>();
    for (StudyRecord r : records) {
      ViewedStudy viewed;
      try {
        viewed = ViewedStudy.load(store, catalog, r.name());
      } catch (StoreException e) {
        throw new ComparisonException("cannot read study " + r.name() + ": " + e.getMessage());
      }
      String label = perModel.get(r.info().model()) > 1 ? r.name() : r.info().model();
      compared.add(new Compared(label, r, viewed, store.testScore(r.name())));
    }
    return new ComparedStudies(compared);
  }

  /**
   * The first way two studies would not score their models on the same rows and the same folds, as
   * "target (y vs class)"; empty when they can be compared. The seed makes the folds only when they are
   * repeated or a test split is held out: otherwise two seeds give the same folds.
   */
  public static Optional<String> difference(StudyRecord a, StudyRecord b) {
    Map<String, Object[]> fields = new LinkedHashMap<>();
    fields.put("data (SHA-256)", new Object[] {a.info().sha256(), b.info().sha256()});
    fields.put("target", new Object[] {a.info().target(), b.info().target()});
    fields.put("metric", new Object[] {a.info().metric(), b.info().metric()});
    fields.put("folds", new Object[] {a.info().folds() + " " + a.info().foldMethod(),
        b.info().folds() + " " + b.info().foldMethod()});
    fields.put("fold column", new Object[] {a.request().foldColumn().orElse("none"),
        b.request().foldColumn().orElse("none")});
    fields.put("held-out test fraction", new Object[] {a.request().testFraction(), b.request().testFraction()});
    if (seedMakesFolds(a) || seedMakesFolds(b)) {
      fields.put("seed (it makes the folds)", new Object[] {a.info().seed(), b.info().seed()});
    }
    for (Map.Entry<String, Object[]> e : fields.entrySet()) {
      Object x = e.getValue()[0];
      Object y = e.getValue()[1];
      if (!x.equals(y)) {
        return Optional.of(e.getKey() + " (" + shown(x) + " vs " + shown(y) + ")");
      }
    }
    return Optional.empty();
  }

  private static boolean seedMakesFolds(StudyRecord r) {
    return r.request().repeats() > 1 || r.request().testFraction().isPresent();
  }

  private static String shown(Object v) {
    String s = v instanceof java.util.OptionalDouble d ? (d.isPresent() ? String.valueOf(d.getAsDouble()) : "none")
        : String.valueOf(v);
    return s.length() == 64 ? s.substring(0, 12) + "..." : s;
  }

  /** The direction of the shared metric. */
  public Direction direction() {
    return studies.get(0).viewed().direction();
  }

  /** The shared metric's name. */
  public String metric() {
    return studies.get(0).viewed().metric();
  }

  /** The stored comparison's ensembles, in the order they were built; none when no stored comparison is attached. */
  public List<EnsembleRecord> ensembles() {
    return stored.map(ComparisonRecord::ensembles).orElse(List.of());
  }

  /**
   * Every candidate, best first: the best trial of each study that has one and each ensemble of the stored
   * comparison, all scored on the same folds.
   */
  public List<LeaderboardRow> leaderboard() {
    Direction d = direction();
    List<LeaderboardRow> rows = new ArrayList<>();
    for (Compared c : studies) {
      c.best().ifPresent(t -> rows.add(LeaderboardRow.of(c, t, d)));
    }
    rows.addAll(ensembleRows());
    return ranked(rows);
  }

  /** The stored comparison's ensembles as candidates, with their members' summed cost. */
  public List<LeaderboardRow> ensembleRows() {
    String name = stored.map(ComparisonRecord::name).orElse("");
    return ensembles().stream().map(e -> LeaderboardRow.ensemble(name, e, members(e), direction())).toList();
  }

  private List<LeaderboardRow> ranked(List<LeaderboardRow> rows) {
    Comparator<LeaderboardRow> byMean = Comparator.comparingDouble(LeaderboardRow::validationMean);
    List<LeaderboardRow> sorted = new ArrayList<>(rows);
    sorted.sort(direction() == Direction.MAXIMIZE ? byMean.reversed() : byMean);
    return sorted;
  }

  /** The member trials of an ensemble that are among the compared studies' trials, in the members' order. */
  public List<Trial> members(EnsembleRecord e) {
    return e.members().stream().flatMap(m -> memberOf(m).stream()).map(Map.Entry::getValue).toList();
  }

  /**
   * Where an ensemble sits on the history's x axis: where its last member finished, as the trial number in its
   * study or the seconds since its study started (the largest over the members); empty when no member is among
   * the compared studies.
   */
  public java.util.OptionalDouble lastMemberAt(EnsembleRecord e, boolean byTime) {
    return e.members().stream().flatMap(m -> memberOf(m).stream())
        .mapToDouble(found -> OptimisationHistory.x(found.getValue(), found.getKey().viewed().trials(), byTime)).max();
  }

  /** A member's study among the compared ones and its trial there; empty when either is not here. */
  private Optional<Map.Entry<Compared, Trial>> memberOf(EnsembleRecord.Member m) {
    return studies.stream().filter(c -> c.record().name().equals(m.study())).findFirst()
        .flatMap(c -> c.viewed().trials().stream().filter(t -> t.number() == m.trial()).findFirst()
            .map(t -> Map.entry(c, t)));
  }

  /**
   * The stored comparison made of exactly these studies (in any order), when there is one: its ensembles are
   * shown with the studies' best trials. The newest wins when several are.
   */
  public static Optional<ComparisonRecord> stored(StudyStore store, List<String> names) {
    java.util.Set<String> asked = java.util.Set.copyOf(names);
    List<ComparisonRecord> all = store.comparisons();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (java.util.Set.copyOf(all.get(i).studies()).equals(asked)) {
        return Optional.of(all.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * The paired per-fold comparison of the two best candidates (a study's best trial or an ensemble: all are
   * scored on the same folds); empty with fewer than two.
   */
  public Optional<PairedFolds> pairedBest() {
    List<LeaderboardRow> rows = leaderboard();
    if (rows.size() < 2) {
      return Optional.empty();
    }
    LeaderboardRow best = rows.get(0);
    // A candidate scored on other folds cannot be paired with the best; by construction there is none.
    return rows.stream().skip(1).filter(r -> r.folds().size() == best.folds().size()).findFirst()
        .map(r -> PairedFolds.of(best.label(), best.validationFolds(), r.label(), r.validationFolds(), metric(),
            direction()));
  }

  /**
   * The candidates that no other beats on both validation score and fit seconds, cheapest first: every complete
   * trial of every study, and each ensemble at its members' summed cost.
   */
  public List<LeaderboardRow> paretoFront() {
    List<LeaderboardRow> all = new ArrayList<>();
    Direction d = direction();
    for (Compared c : studies) {
      c.viewed().trials().stream().filter(Trial::isComplete).forEach(t -> all.add(LeaderboardRow.of(c, t, d)));
    }
    all.addAll(ensembleRows());
    return ParetoFront.of(all, new ParetoFront.Objective<>(LeaderboardRow::fitSeconds, Direction.MINIMIZE),
        new ParetoFront.Objective<>(LeaderboardRow::validationMean, d));
  }
}
