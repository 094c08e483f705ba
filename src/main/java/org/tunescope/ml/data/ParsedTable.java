package org.tunescope.ml.data;

import java.util.List;

/** What a format reader hands back to {@link DataLoader}: the table and its detection notes. */
record ParsedTable(Table table, List<String> notes) {

  ParsedTable {
    notes = List.copyOf(notes);
  }
}
