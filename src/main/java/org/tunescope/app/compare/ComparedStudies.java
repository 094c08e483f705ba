package org.tunescope.app.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tunescope.app.ViewedStudy;
import org.tunescope.engine.study.Direction;
import org.tunescope.ml.tuning.ParetoFront;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.models.ModelCatalog;
import org.tunescope.store.StoreException;
import org.tunescope.store.StudyRecord;
import org.tunescope.store.StudyStore;

/**
 * Several stored studies looked at side by side: studies of different models on the same data (same
 * SHA-256), target, metric and folds, so that the differences between their scores are the models'. Loading
 * refuses, with one sentence, studies that cannot be compared.
 *
 * @param studies each compared study with its record, in the order asked
 */
public record ComparedStudies(List<Compared> studies) {

  /**
   * One compared study.
   *
   * @param label  how views name it: its model, or its study name when two studies share a model
   * @param record its stored record (data, target, folds)
   * @param viewed its trials, search space and model, for the charts
   */
  public record Compared(String label, StudyRecord record, ViewedStudy viewed) {

    /** The complete trial with the best mean validation score; empty while none has finished. */
    public Optional<Trial> best() {
      Direction d = viewed.direction();
      return viewed.trials().stream().filter(Trial::isComplete).filter(t -> Double.isFinite(t.validation().mean()))
          .reduce((a, b) -> d.isBetter(b.validation().mean(), a.validation().mean()) ? b : a);
    }
  }

  public ComparedStudies {
    studies = List.copyOf(studies);
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
      compared.add(new Compared(label, r, viewed));
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

  /** The best trial of each study that has one, best first. */
  public List<LeaderboardRow> leaderboard() {
    Direction d = direction();
    List<LeaderboardRow> rows = new ArrayList<>();
    for (Compared c : studies) {
      c.best().ifPresent(t -> rows.add(LeaderboardRow.of(c, t, d)));
    }
    rows.sort(Comparator.comparingDouble(LeaderboardRow::validationMean));
    if (d == Direction.MAXIMIZE) {
      java.util.Collections.reverse(rows);
    }
    return rows;
  }

  /**
   * The stored comparison made of exactly these studies (in any order), when there is one: its ensembles are
   * shown with the studies' best trials. The newest wins when several are.
   */
  public static Optional<org.tunescope.store.ComparisonRecord> stored(StudyStore store, List<String> names) {
    java.util.Set<String> asked = java.util.Set.copyOf(names);
    List<org.tunescope.store.ComparisonRecord> all = store.comparisons();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (java.util.Set.copyOf(all.get(i).studies()).equals(asked)) {
        return Optional.of(all.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * The best trial of each study and the stored comparison's ensembles, best first: every candidate on the
   * same folds.
   */
  public List<LeaderboardRow> leaderboardWith(List<org.tunescope.store.EnsembleRecord> ensembles, String comparison) {
    Direction d = direction();
    List<LeaderboardRow> rows = new ArrayList<>(leaderboard());
    ensembles.forEach(e -> rows.add(LeaderboardRow.ensemble(comparison, e, d)));
    Comparator<LeaderboardRow> byMean = Comparator.comparingDouble(LeaderboardRow::validationMean);
    rows.sort(d == Direction.MAXIMIZE ? byMean.reversed() : byMean);
    return rows;
  }

  /** The paired per-fold comparison of the two best models; empty with fewer than two finished studies. */
  public Optional<PairedFolds> pairedBest() {
    List<LeaderboardRow> rows = leaderboard();
    if (rows.size() < 2) {
      return Optional.empty();
    }
    return Optional.of(PairedFolds.of(rows.get(0).label(), rows.get(0).trial(), rows.get(1).label(),
        rows.get(1).trial(), metric(), direction()));
  }

  /** A study's complete trial, labelled with its study: the points of the cross-model views. */
  public record LabelledTrial(String label, Trial trial) {
  }

  /**
   * The complete trials of every study that no other trial of any study beats on both validation score and
   * fit seconds, cheapest first.
   */
  public List<LabelledTrial> paretoFront() {
    List<LabelledTrial> all = new ArrayList<>();
    for (Compared c : studies) {
      c.viewed().trials().stream().filter(Trial::isComplete).forEach(t -> all.add(new LabelledTrial(c.label(), t)));
    }
    return ParetoFront.of(all, new ParetoFront.Objective<>(lt -> lt.trial().fitSeconds(), Direction.MINIMIZE),
        new ParetoFront.Objective<>(lt -> lt.trial().validation().mean(), direction()));
  }
}
