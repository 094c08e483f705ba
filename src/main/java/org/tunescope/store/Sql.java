package org.tunescope.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A statement prepared, bound and run in one call, for the database stores. Values bind by their type: text,
 * whole numbers, doubles (not-a-number as NULL, which SQLite would do anyway, read back as NaN), bytes, instants
 * as ISO-8601 text; null, an empty {@link Optional} or {@link OptionalInt} as NULL.
 */
final class Sql {

  /** Reads one row of a result. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private Sql() {
  }

  /** Runs an INSERT, UPDATE or DELETE; the rows it changed. */
  static int update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, values);
      return s.executeUpdate();
    }
  }

  /** Every row of a query, read in order. */
  static <T> List<T> query(Connection c, String sql, Row<T> row, Object... values) throws SQLException {
    List<T> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, values);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(row.read(rs));
        }
      }
    }
    return out;
  }

  /** The first row of a query, if any. */
  static <T> Optional<T> first(Connection c, String sql, Row<T> row, Object... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, values);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
      }
    }
  }

  /** Binds {@code values} to the statement's parameters 1, 2, ... in order. */
  static void bind(PreparedStatement s, Object... values) throws SQLException {
    for (int k = 1; k <= values.length; k++) {
      Object v = values[k - 1];
      if (v instanceof Optional<?> o) {
        v = o.orElse(null);
      } else if (v instanceof OptionalInt o) {
        v = o.isPresent() ? o.getAsInt() : null;
      }
      if (v == null) {
        s.setNull(k, Types.NULL);
      } else if (v instanceof String x) {
        s.setString(k, x);
      } else if (v instanceof Integer x) {
        s.setInt(k, x);
      } else if (v instanceof Long x) {
        s.setLong(k, x);
      } else if (v instanceof Double x) {
        if (Double.isFinite(x)) {
          s.setDouble(k, x);
        } else {
          s.setNull(k, Types.REAL);
        }
      } else if (v instanceof byte[] x) {
        s.setBytes(k, x);
      } else if (v instanceof Instant x) {
        s.setString(k, x.toString());
      } else {
        throw new IllegalArgumentException("no SQL type for " + v.getClass().getName());
      }
    }
  }

  /** A REAL column, NULL read as NaN. */
  static double number(ResultSet rs, int column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }
}
