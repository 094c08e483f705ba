package org.tunescope.ml.data;

import java.util.List;
import java.util.Optional;

/** A loaded data set: named columns of equal length, in file order. */
public record Table(List<Column> columns) {

  public Table {
    columns = List.copyOf(columns);
    int rows = columns.isEmpty() ? 0 : columns.get(0).size();
    for (Column c : columns) {
      if (c.size() != rows) {
        throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, expected " + rows);
      }
    }
  }

  public int rowCount() {
    return columns.isEmpty() ? 0 : columns.get(0).size();
  }

  public int columnCount() {
    return columns.size();
  }

  public List<String> names() {
    return columns.stream().map(Column::name).toList();
  }

  public Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The table without the named columns. */
  public Table without(List<String> names) {
    return new Table(columns.stream().filter(c -> !names.contains(c.name())).toList());
  }
}
