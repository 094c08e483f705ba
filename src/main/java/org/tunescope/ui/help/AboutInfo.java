package org.tunescope.ui.help;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What About shows: the versions this process runs with and where TuneScope keeps its files.
 *
 * @param store where the studies are kept (a file, or a sentence when they are not kept)
 * @param log the log file
 */
public record AboutInfo(String tunescope, String smile, String java, String javafx, String store, String log) {

  public static final String LICENCE = "GPL-3.0 (GNU General Public License, version 3)";

  /** The rows of the About window, label to value, in order. */
  public Map<String, String> rows() {
    Map<String, String> rows = new LinkedHashMap<>();
    rows.put("TuneScope", tunescope);
    rows.put("Smile", smile);
    rows.put("Java", java);
    rows.put("JavaFX", javafx);
    rows.put("Studies", store);
    rows.put("Log file", log);
    rows.put("Licence", LICENCE);
    return rows;
  }
}
