package org.tunescope.app;

import org.tunescope.store.StoredRequest;

/**
 * A stored study that cannot be resumed or joined as asked. The message says what is wrong without naming
 * a front end's options; each front end adds what the user can do, by {@link #reason()}.
 */
public final class StudyRefusedException extends IllegalArgumentException {

  /**
   * Why: the data file or the model's search space changed since the study began, the data file is not here
   * and the store keeps no copy, or a study of that name is finished or searches another way
   * ({@link #difference()}).
   */
  public enum Reason { DATA_CHANGED, DATA_MISSING, SPACE_CHANGED, FINISHED, OTHER_SEARCH }

  private final Reason reason;
  private final String study;
  private final transient StoredRequest.Difference difference;

  private StudyRefusedException(Reason reason, String study, StoredRequest.Difference difference, String message) {
    super(message);
    this.reason = reason;
    this.study = study;
    this.difference = difference;
  }

  static StudyRefusedException dataChanged(String study, String dataPath, String now, String was) {
    return new StudyRefusedException(Reason.DATA_CHANGED, study, null, "the data file " + dataPath
        + " changed since study " + study + " began (SHA-256 now " + now.substring(0, 12) + "..., was "
        + was.substring(0, 12) + "...)");
  }

  static StudyRefusedException dataMissing(String study, String dataPath) {
    return new StudyRefusedException(Reason.DATA_MISSING, study, null, "the data file " + dataPath + " of study "
        + study + " is not here and the store keeps no copy of it (too large, or stored before copies were kept)");
  }

  static StudyRefusedException spaceChanged(String study, String model) {
    return new StudyRefusedException(Reason.SPACE_CHANGED, study, null,
        "the search space of model " + model + " changed since study " + study + " began");
  }

  static StudyRefusedException finished(String study) {
    return new StudyRefusedException(Reason.FINISHED, study, null,
        "study '" + study + "' already exists and is finished");
  }

  static StudyRefusedException otherSearch(String study, StoredRequest.Difference d) {
    return new StudyRefusedException(Reason.OTHER_SEARCH, study, d, "study '" + study
        + "' already exists with another search (this run asks for " + d.setting() + " " + d.asked()
        + " instead of " + d.stored() + ")");
  }

  public Reason reason() {
    return reason;
  }

  public String study() {
    return study;
  }

  /** How the run's request differs from the stored study's ({@link Reason#OTHER_SEARCH} only). */
  public java.util.Optional<StoredRequest.Difference> difference() {
    return java.util.Optional.ofNullable(difference);
  }
}
