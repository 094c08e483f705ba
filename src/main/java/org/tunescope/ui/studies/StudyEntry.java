package org.tunescope.ui.studies;

import java.util.Locale;
import org.tunescope.store.StudySummary;

/** One study of the store, as the studies list shows it. */
public record StudyEntry(StudySummary summary) {

  public String name() {
    return summary.name();
  }

  /** One line: model, data, trials done of planned, best score, state. */
  public String text() {
    String planned = summary.planned().isPresent() ? String.valueOf(summary.planned().getAsInt()) : "?";
    String best = summary.best().isPresent() ? String.format(Locale.ROOT, "%.4f", summary.best().getAsDouble()) : "-";
    String data = java.nio.file.Path.of(summary.dataset()).getFileName().toString();
    return summary.model() + " on " + data + " · " + summary.done() + "/" + planned + " trials · best " + best
        + " · " + summary.state().id();
  }

  /** Whether resuming it would run more trials. */
  public boolean canResume() {
    return summary.state() == StudySummary.State.STOPPED;
  }
}
