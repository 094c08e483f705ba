package org.tunescope.ui.studies;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tunescope.store.ImportRecord;
import org.tunescope.store.StudyRecord;
import org.tunescope.store.StudySummary;

/**
 * One study of the store, as the studies list shows it: its summary, and its record (metric, search,
 * date) when the store had it, so that two studies of the same model and data can be told apart; and where
 * it was imported from, for a study another tool ran (it cannot be resumed).
 */
public record StudyEntry(StudySummary summary, Optional<StudyRecord> record, Optional<ImportRecord> imported) {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  /** An entry without its record (the list then says less). */
  public StudyEntry(StudySummary summary) {
    this(summary, Optional.empty(), Optional.empty());
  }

  /** A study TuneScope ran. */
  public StudyEntry(StudySummary summary, Optional<StudyRecord> record) {
    this(summary, record, Optional.empty());
  }

  public String name() {
    return summary.name();
  }

  /** One line in this computer's time zone: see {@link #text(ZoneId)}. */
  public String text() {
    return text(ZoneId.systemDefault());
  }

  /**
   * One line: model and data, metric and search strategy, trials done of planned, best score, when the
   * study was created (in {@code zone}) and its state.
   */
  public String text(ZoneId zone) {
    String planned = summary.planned().isPresent() ? String.valueOf(summary.planned().getAsInt()) : "?";
    String best = summary.best().isPresent() ? String.format(Locale.ROOT, "%.4f", summary.best().getAsDouble()) : "-";
    String data = java.nio.file.Path.of(summary.dataset()).getFileName().toString();
    List<String> parts = new ArrayList<>();
    parts.add(summary.model() + " on " + data);
    record.ifPresent(r -> parts.add(r.info().metric() + ", " + r.info().search() + " search"));
    parts.add(summary.done() + "/" + planned + " trials");
    parts.add("best " + best);
    record.ifPresent(r -> parts.add(DATE.format(r.provenance().created().atZone(zone))));
    // An imported study was not run here: "cancelled" would say something untrue of it.
    parts.add(imported.isPresent() ? "imported" : state(summary.state()));
    return String.join(" · ", parts);
  }

  /**
   * A state as the window names it. A study stopped before its budget is "cancelled", the word of the
   * Cancel button and of the notice a cancelled run ends with (the store calls the state STOPPED).
   */
  public static String state(StudySummary.State state) {
    return state == StudySummary.State.STOPPED ? "cancelled" : state.id();
  }

  /** Whether resuming it would run more trials: a cancelled study TuneScope ran, not an imported one. */
  public boolean canResume() {
    return summary.state() == StudySummary.State.STOPPED && imported.isEmpty();
  }
}
