package org.tunescope.store;

import java.time.Instant;
import java.util.List;

/**
 * A comparison as the store keeps it: studies of several models on the same data, target, metric and folds,
 * and the ensembles built from their trials.
 *
 * @param name      unique among the store's comparisons
 * @param dataset   the data file, as given
 * @param sha256    the data file's SHA-256, every member study's
 * @param folds     how the folds were made ("stratified 5-fold"), every member study's
 * @param seed      the seed of the folds and of every member study
 * @param studies   the member studies' names, in the order they were added
 * @param ensembles the ensembles built so far, in the order they were built
 */
public record ComparisonRecord(String name, Instant created, String dataset, String sha256, String target,
    String metric, String folds, long seed, List<String> studies, List<EnsembleRecord> ensembles) {

  public ComparisonRecord {
    studies = List.copyOf(studies);
    ensembles = List.copyOf(ensembles);
  }

  /** The same comparison with other ensembles. */
  public ComparisonRecord withEnsembles(List<EnsembleRecord> newEnsembles) {
    return new ComparisonRecord(name, created, dataset, sha256, target, metric, folds, seed, studies, newEnsembles);
  }

  /** The same comparison with one more study. */
  public ComparisonRecord withStudy(String study) {
    List<String> more = new java.util.ArrayList<>(studies);
    if (!more.contains(study)) {
      more.add(study);
    }
    return new ComparisonRecord(name, created, dataset, sha256, target, metric, folds, seed, more, ensembles);
  }
}
