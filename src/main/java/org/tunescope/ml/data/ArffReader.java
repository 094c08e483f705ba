package org.tunescope.ml.data;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads Weka's ARFF format: {@code %} comments, quoted names and values ({@code '...'} or {@code "..."} with
 * backslash escapes, spaces inside the quotes kept), {@code ?} for missing, sparse rows {@code {0 1, 3 a}}
 * (an omitted value is 0, a nominal's first value), nominal attributes as categorical columns, numeric, real
 * and integer as numeric ones, strings as categorical, and dates as numbers: days since 1970-01-01 (UTC), with
 * a note. Relational attributes are refused by name.
 *
 * <p>Our own reader rather than Smile's {@code Arff}: Smile 3.1.1 trims the spaces inside quoted nominal values,
 * so {@code '  yes'} in the data no longer matched its declaration and every target value came back missing;
 * it failed on date-only formats such as {@code DATE yyyy-MM-dd}; and a relational attribute was a bare
 * "keyword @data expected".
 */
final class ArffReader {

  /** Weka's default date format (ISO-8601 without a zone) when {@code DATE} names none. */
  private static final String DEFAULT_DATE = "yyyy-MM-dd'T'HH:mm:ss";
  private static final double SECONDS_PER_DAY = 86_400;

  private ArffReader() {
  }

  /** What one {@code @attribute} declared. */
  private record Attribute(String name, Kind kind, List<String> nominals, DateTimeFormatter date, String dateText) {
  }

  private enum Kind { NUMERIC, NOMINAL, STRING, DATE }

  static ParsedTable read(String name, String text) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    String relation = null;
    List<Attribute> attributes = new ArrayList<>();
    int line = 0;
    for (; line < lines.length; line++) {
      String l = stripComment(lines[line]).strip();
      if (l.isEmpty()) {
        continue;
      }
      String keyword = keyword(l);
      if (relation == null) {
        if (!keyword.equals("@relation")) {
          throw invalid(name, line, "keyword @relation expected");
        }
        relation = unquote(new Cursor(l, keyword.length()).word(name, line));
      } else if (keyword.equals("@attribute")) {
        attributes.add(attribute(name, line, new Cursor(l, keyword.length())));
      } else if (keyword.equals("@data")) {
        break;
      } else if (keyword.equals("@end")) {
        throw invalid(name, line, "@end without a relational attribute");
      } else {
        throw invalid(name, line, "@attribute or @data expected, found '" + l.split("\\s+")[0] + "'");
      }
    }
    if (relation == null) {
      throw invalid(name, line, "keyword @relation expected");
    }
    if (line >= lines.length) {
      throw invalid(name, line - 1, "keyword @data expected");
    }
    if (attributes.isEmpty()) {
      throw new DataException(name + " is not a valid ARFF file: it declares no @attribute");
    }
    List<String[]> rows = new ArrayList<>();
    for (line++; line < lines.length; line++) {
      String l = stripComment(lines[line]).strip();
      if (!l.isEmpty()) {
        rows.add(row(name, line, l, attributes));
      }
    }
    if (rows.isEmpty()) {
      throw new DataException(name + " has no data rows");
    }
    List<Column> columns = new ArrayList<>(attributes.size());
    List<String> notes = new ArrayList<>();
    if (!relation.isBlank()) {
      notes.add("ARFF relation: " + relation);
    }
    Set<String> seen = new HashSet<>();
    for (int j = 0; j < attributes.size(); j++) {
      Attribute a = attributes.get(j);
      if (!seen.add(a.name)) {
        throw new DataException(name + " is not a valid ARFF file: attribute '" + a.name + "' is declared twice");
      }
      columns.add(column(name, a, j, rows));
      if (a.kind == Kind.DATE) {
        notes.add("date column '" + a.name + "' read as days since 1970-01-01");
      }
    }
    return new ParsedTable(new Table(columns), notes);
  }

  // --- header

  private static Attribute attribute(String file, int line, Cursor c) {
    String attr = unquote(c.word(file, line));
    c.skipSpaces();
    if (c.peek() == '{') {
      return new Attribute(attr, Kind.NOMINAL, nominals(file, line, c), null, null);
    }
    String type = c.word(file, line).toLowerCase(Locale.ROOT);
    return switch (type) {
      case "numeric", "real", "integer" -> new Attribute(attr, Kind.NUMERIC, List.of(), null, null);
      case "string" -> new Attribute(attr, Kind.STRING, List.of(), null, null);
      case "date" -> date(file, line, attr, c);
      case "relational" -> throw new DataException(file + ": relational attribute '" + attr
          + "' is not supported (line " + (line + 1) + ")");
      default -> throw invalid(file, line, "attribute '" + attr + "' has an unknown type '" + type + "'");
    };
  }

  private static List<String> nominals(String file, int line, Cursor c) {
    c.pos++;
    List<String> values = new ArrayList<>();
    while (true) {
      c.skipSpaces();
      if (c.atEnd()) {
        throw invalid(file, line, "'}' expected at the end of the nominal values");
      }
      if (c.peek() == '}') {
        break;
      }
      String v = c.value(file, line, ",}");
      if (v == null) {
        throw invalid(file, line, "a nominal value cannot be '?'");
      }
      values.add(v);
      c.skipSpaces();
      if (c.peek() == ',') {
        c.pos++;
      }
    }
    if (values.isEmpty()) {
      throw invalid(file, line, "a nominal attribute needs at least one value");
    }
    return List.copyOf(values);
  }

  private static Attribute date(String file, int line, String attr, Cursor c) {
    c.skipSpaces();
    String pattern = c.atEnd() ? DEFAULT_DATE : unquote(c.word(file, line));
    try {
      return new Attribute(attr, Kind.DATE, List.of(), DateTimeFormatter.ofPattern(pattern, Locale.ROOT), pattern);
    } catch (IllegalArgumentException e) {
      throw invalid(file, line, "date attribute '" + attr + "' has a format Java cannot read: " + pattern);
    }
  }

  // --- data

  private static String[] row(String file, int line, String l, List<Attribute> attributes) {
    int n = attributes.size();
    String[] cells = new String[n];
    Cursor c = new Cursor(l, 0);
    if (c.peek() == '{') {
      sparseRow(file, line, c, attributes, cells);
      return cells;
    }
    for (int j = 0; j < n; j++) {
      c.skipSpaces();
      cells[j] = c.value(file, line, ",");
      c.skipSpaces();
      if (j < n - 1) {
        if (c.peek() != ',') {
          throw invalid(file, line, "the row has " + (j + 1) + " values, the header declares " + n);
        }
        c.pos++;
      }
    }
    c.skipSpaces();
    // a trailing ",{weight}" is Weka's instance weight: the rows are read unweighted
    if (c.peek() == ',' && l.substring(c.pos + 1).strip().startsWith("{")) {
      return cells;
    }
    if (!c.atEnd()) {
      throw invalid(file, line, "the row has more values than the " + n + " the header declares");
    }
    return cells;
  }

  private static void sparseRow(String file, int line, Cursor c, List<Attribute> attributes, String[] cells) {
    boolean[] given = new boolean[cells.length];
    c.pos++;
    while (true) {
      c.skipSpaces();
      if (c.atEnd()) {
        throw invalid(file, line, "'}' expected at the end of the sparse row");
      }
      if (c.peek() == '}') {
        break;
      }
      String index = c.word(file, line);
      int j;
      try {
        j = Integer.parseInt(index);
      } catch (NumberFormatException e) {
        throw invalid(file, line, "'" + index + "' is not an attribute index");
      }
      if (j < 0 || j >= cells.length) {
        throw invalid(file, line, "attribute index " + j + " is outside 0.." + (cells.length - 1));
      }
      c.skipSpaces();
      cells[j] = c.value(file, line, ",}");
      given[j] = true;
      c.skipSpaces();
      if (c.peek() == ',') {
        c.pos++;
      }
    }
    for (int j = 0; j < cells.length; j++) {
      if (!given[j]) {
        Attribute a = attributes.get(j);
        // Weka's sparse rows leave out zeros: 0 of a number, a nominal's first value; a string or date has no
        // zero that a person would mean, so it is missing
        cells[j] = switch (a.kind) {
          case NUMERIC -> "0";
          case NOMINAL -> a.nominals.get(0);
          case STRING, DATE -> null;
        };
      }
    }
  }

  private static Column column(String file, Attribute a, int j, List<String[]> rows) {
    int n = rows.size();
    if (a.kind == Kind.NOMINAL || a.kind == Kind.STRING) {
      Set<String> declared = a.kind == Kind.NOMINAL ? new HashSet<>(a.nominals) : null;
      String[] values = new String[n];
      for (int i = 0; i < n; i++) {
        String v = rows.get(i)[j];
        if (declared != null && v != null && !declared.contains(v)) {
          throw new DataException(file + " is not a valid ARFF file: data row " + (i + 1) + " has '" + v
              + "' for attribute '" + a.name + "', which declares only " + String.join(", ", a.nominals));
        }
        values[i] = v;
      }
      return new CategoricalColumn(a.name, values);
    }
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      String v = rows.get(i)[j];
      values[i] = v == null ? Double.NaN : a.kind == Kind.DATE ? days(file, a, i, v) : number(file, a, i, v);
    }
    return new NumericColumn(a.name, values);
  }

  private static double number(String file, Attribute a, int row, String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new DataException(file + " is not a valid ARFF file: data row " + (row + 1) + " has '" + v
          + "' for numeric attribute '" + a.name + "'");
    }
  }

  /** Days since 1970-01-01 UTC; a date with no time is its midnight, a time with no zone is read as UTC. */
  private static double days(String file, Attribute a, int row, String v) {
    try {
      TemporalAccessor t = a.date.parse(v);
      long seconds;
      if (t.isSupported(ChronoField.INSTANT_SECONDS)) {
        seconds = Instant.from(t).getEpochSecond();
      } else if (t.isSupported(ChronoField.HOUR_OF_DAY)) {
        seconds = LocalDateTime.from(t).toEpochSecond(ZoneOffset.UTC);
      } else {
        seconds = LocalDate.from(t).toEpochDay() * (long) SECONDS_PER_DAY;
      }
      return seconds / SECONDS_PER_DAY;
    } catch (DateTimeException e) {
      throw new DataException(file + " is not a valid ARFF file: data row " + (row + 1) + " has '" + v
          + "' for date attribute '" + a.name + "', which expects the format " + a.dateText);
    }
  }

  // --- text

  private static String keyword(String line) {
    int end = 0;
    while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
      end++;
    }
    return line.substring(0, end).toLowerCase(Locale.ROOT);
  }

  /** The line without a {@code %} comment; a {@code %} inside quotes is text. */
  private static String stripComment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quote != 0) {
        if (ch == '\\') {
          i++;
        } else if (ch == quote) {
          quote = 0;
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
      } else if (ch == '%') {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** A word as written, quotes included, for {@link #unquote}. */
  private static String unquote(String word) {
    if (word.length() >= 2 && (word.charAt(0) == '\'' || word.charAt(0) == '"')) {
      return unescape(word.substring(1, word.length() - 1));
    }
    return word;
  }

  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\\' && i + 1 < s.length()) {
        char next = s.charAt(++i);
        b.append(switch (next) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> next;
        });
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  private static DataException invalid(String file, int line, String what) {
    return new DataException(file + " is not a valid ARFF file: " + what + " (line " + (line + 1) + ")");
  }

  /** A position in one line of ARFF text. */
  private static final class Cursor {
    private final String s;
    private int pos;

    Cursor(String s, int pos) {
      this.s = s;
      this.pos = pos;
    }

    boolean atEnd() {
      return pos >= s.length();
    }

    char peek() {
      return atEnd() ? 0 : s.charAt(pos);
    }

    void skipSpaces() {
      while (!atEnd() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    /** The next whitespace-delimited word, or a whole quoted one with its quotes. */
    String word(String file, int line) {
      skipSpaces();
      if (atEnd()) {
        throw invalid(file, line, "a name or type is missing");
      }
      int start = pos;
      char first = s.charAt(pos);
      if (first == '\'' || first == '"') {
        pos = closingQuote(file, line, first) + 1;
        return s.substring(start, pos);
      }
      while (!atEnd() && !Character.isWhitespace(s.charAt(pos)) && s.charAt(pos) != '{') {
        pos++;
      }
      return s.substring(start, pos);
    }

    /**
     * The next value up to one of {@code stops}: a quoted value exactly as quoted (spaces kept), an unquoted one
     * stripped; {@code null} for {@code ?}.
     */
    String value(String file, int line, String stops) {
      skipSpaces();
      char first = peek();
      if (first == '\'' || first == '"') {
        int end = closingQuote(file, line, first);
        String v = unescape(s.substring(pos + 1, end));
        pos = end + 1;
        return v;
      }
      int start = pos;
      while (!atEnd() && stops.indexOf(s.charAt(pos)) < 0) {
        pos++;
      }
      String v = s.substring(start, pos).strip();
      return v.equals("?") ? null : v;
    }

    private int closingQuote(String file, int line, char quote) {
      for (int i = pos + 1; i < s.length(); i++) {
        char ch = s.charAt(i);
        if (ch == '\\') {
          i++;
        } else if (ch == quote) {
          return i;
        }
      }
      throw invalid(file, line, "a quote " + quote + " is not closed");
    }
  }
}
