package org.tunescope.ml.data;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads delimited text: detects the delimiter and the header line, types each column as numeric or
 * categorical, and stores numbers unboxed. Cells are parsed once; the text of a column that turns out
 * categorical only after numbers were seen is read again in a second pass, so no cell keeps its string
 * unless the column needs it.
 */
final class CsvReader {

  private static final char[] DELIMITERS = {',', ';', '\t', '|'};
  private static final char[] DELIMITERS_TAB_FIRST = {'\t', ',', ';', '|'};
  private static final int SAMPLE_LINES = 50;
  private static final int SAMPLE_CHARS = 256 * 1024;
  private static final int INITIAL_CAPACITY = 1024;
  private static final int MAX_CHUNKS = 4;
  private static final int PARALLEL_MIN_CHARS = 2 << 20;

  private CsvReader() {
  }

  static ParsedTable read(String name, String text, boolean tabFirst) {
    char delimiter = detectDelimiter(text, tabFirst ? DELIMITERS_TAB_FIRST : DELIMITERS);
    CSVFormat format = format(delimiter);
    FirstPass first = readRows(name, text, format);
    if (first.rows == 0) {
      throw new DataException(name + " has no data rows");
    }
    boolean header = hasHeader(first.firstRow, first.builders, first.rows - 1);
    if (header && first.rows == 1) {
      throw new DataException(name + " has no data rows: it has only a header line");
    }
    backfill(name, text, format, first.builders);

    List<String> notes = new ArrayList<>();
    notes.add("delimiter: " + delimiterName(delimiter));
    String[] names = header ? columnNames(first.firstRow, notes) : generatedNames(first.firstRow.length);
    notes.add(header ? "the first line is a header" : "no header line: columns are named V1..V" + names.length);
    List<Column> columns = new ArrayList<>(names.length);
    for (int j = 0; j < names.length; j++) {
      columns.add(first.builders[j].build(names[j], header ? null : first.firstRow[j], !header));
    }
    return new ParsedTable(new Table(columns), notes);
  }

  // --- cells

  /** Empty, NA, N/A, ?, NaN and null (any case) mean "no value". The cell is already trimmed. */
  static boolean isMissing(String cell) {
    int n = cell.length();
    if (n == 0) {
      return true;
    }
    if (n > 4) {
      return false;
    }
    return cell.equals("?") || cell.equalsIgnoreCase("NA") || cell.equalsIgnoreCase("N/A")
        || cell.equalsIgnoreCase("NaN") || cell.equalsIgnoreCase("null");
  }

  /**
   * The number a trimmed cell holds, or NaN when it is not a plain decimal number. Java's own suffixes
   * and spellings ("1f", "2d", "0x1p3", "Infinity") are text here. Plain decimals with at most 15
   * digits take an exact fast path (an integer below 2^53 divided by a power of ten up to 10^22 is
   * correctly rounded, so the result equals {@link Double#parseDouble}); the rest (such as the 17 digits
   * that round-trip a double) go to FastDoubleParser, which gives parseDouble's correctly rounded result
   * several times faster, after a character scan that keeps its exceptions, which are slow, off the path
   * of ordinary text cells.
   */
  static double parseNumber(String cell) {
    int n = cell.length();
    if (n == 0) {
      return Double.NaN;
    }
    int i = 0;
    char c = cell.charAt(0);
    boolean negative = c == '-';
    if (negative || c == '+') {
      i = 1;
    }
    long mantissa = 0;
    int digits = 0;
    int decimals = -1;
    for (; i < n; i++) {
      c = cell.charAt(i);
      if (c >= '0' && c <= '9') {
        mantissa = mantissa * 10 + (c - '0');
        digits++;
        if (decimals >= 0) {
          decimals++;
        }
      } else if (c == '.' && decimals < 0) {
        decimals = 0;
      } else {
        break;
      }
    }
    if (i == n && digits > 0 && digits <= 15) {
      double v = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa;
      return negative ? -v : v;
    }
    return parseSlow(cell);
  }

  private static final double[] POWERS_OF_TEN = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

  private static double parseSlow(String cell) {
    boolean digit = false;
    for (int i = 0, n = cell.length(); i < n; i++) {
      char c = cell.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '.' && c != '-' && c != '+' && ((c != 'e' && c != 'E') || i == 0)) {
        return Double.NaN;
      }
    }
    if (!digit) {
      return Double.NaN;
    }
    try {
      return JavaDoubleParser.parseDouble(cell);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  // --- delimiter

  private static CSVFormat format(char delimiter) {
    return CSVFormat.DEFAULT.builder()
        .setDelimiter(delimiter)
        .setQuote('"')
        .setIgnoreSurroundingSpaces(true)
        .setTrim(true)
        // blank lines come through as records so that line numbers in messages stay exact
        .setIgnoreEmptyLines(false)
        .get();
  }

  /**
   * The candidate that splits the first lines into the same number (more than one) of fields wins; among
   * several, the one giving most fields, then the earlier candidate. Without a consistent candidate, the
   * one whose most common field count (more than one) covers most lines, so that the full read can name
   * the ragged line.
   */
  static char detectDelimiter(String text, char[] candidates) {
    int end = 0;
    int lines = 0;
    while (end < text.length() && lines < SAMPLE_LINES && end < SAMPLE_CHARS) {
      int nl = text.indexOf('\n', end);
      end = nl < 0 ? text.length() : nl + 1;
      lines++;
    }
    boolean truncated = end < text.length();
    String sample = text.substring(0, end);

    char best = candidates[0];
    int bestConsistent = 0;
    char fallback = candidates[0];
    double fallbackShare = 0;
    for (char d : candidates) {
      List<Integer> counts = sampleFieldCounts(sample, format(d), truncated);
      if (counts.isEmpty()) {
        continue;
      }
      Map<Integer, Integer> freq = new HashMap<>();
      for (int c : counts) {
        freq.merge(c, 1, Integer::sum);
      }
      int first = counts.get(0);
      if (freq.size() == 1 && first > 1 && first > bestConsistent) {
        best = d;
        bestConsistent = first;
      }
      for (Map.Entry<Integer, Integer> e : freq.entrySet()) {
        double share = e.getValue() / (double) counts.size();
        if (e.getKey() > 1 && share > fallbackShare) {
          fallback = d;
          fallbackShare = share;
        }
      }
    }
    return bestConsistent > 0 ? best : fallback;
  }

  private static List<Integer> sampleFieldCounts(String sample, CSVFormat format, boolean truncated) {
    List<Integer> counts = new ArrayList<>();
    boolean complete = true;
    try (CSVParser parser = format.parse(new StringReader(sample))) {
      for (CSVRecord rec : parser) {
        if (!isBlank(rec)) {
          counts.add(rec.size());
        }
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      complete = false;
    }
    // the sample may end inside a quoted field, cutting its record short
    if ((truncated || !complete) && counts.size() > 1) {
      counts.remove(counts.size() - 1);
    }
    return counts;
  }

  private static String delimiterName(char d) {
    return switch (d) {
      case ',' -> "comma";
      case ';' -> "semicolon";
      case '\t' -> "tab";
      case '|' -> "pipe";
      default -> "'" + d + "'";
    };
  }

  // --- rows

  /** Receives the non-blank records, numbered from 0, with the line each starts on. */
  private interface RowSink {
    /** Returns false to stop reading. */
    boolean accept(int row, long line, CSVRecord rec);
  }

  private static boolean isBlank(CSVRecord rec) {
    for (int i = 0, n = rec.size(); i < n; i++) {
      if (!rec.get(i).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static void forEachRow(String name, String text, CSVFormat format, RowSink sink) {
    try (CSVParser parser = format.parse(new StringReader(text))) {
      Iterator<CSVRecord> it = parser.iterator();
      long linesBefore = 0;
      int row = 0;
      while (true) {
        CSVRecord rec;
        try {
          if (!it.hasNext()) {
            return;
          }
          rec = it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw quoteError(name, linesBefore + 1, e);
        }
        long line = linesBefore + 1;
        linesBefore = parser.getCurrentLineNumber();
        if (isBlank(rec)) {
          continue;
        }
        if (!sink.accept(row++, line, rec)) {
          return;
        }
      }
    } catch (IOException e) {
      throw new DataException("cannot read " + name + ": the text could not be parsed", e);
    }
  }

  private static DataException quoteError(String name, long line, RuntimeException e) {
    String msg = String.valueOf(e.getMessage());
    if (msg.contains("EOF")) {
      return new DataException("line " + line + " of " + name + " opens a quoted field that is never closed", e);
    }
    return new DataException("line " + line + " of " + name
        + " has a quoted field with text after its closing quote", e);
  }

  private static FirstPass readSequential(String name, String text, CSVFormat format) {
    FirstPass pass = new FirstPass(name, false);
    forEachRow(name, text, format, pass);
    return pass;
  }

  /**
   * Reads the rows into column builders. A large file without quote characters is cut at line ends and its
   * parts read on several cores (without quotes a line end always ends a record); anything unusual in a
   * part (a ragged row, a column typed differently) sends the file back to a single pass, which also gives
   * messages their exact line numbers.
   */
  private static FirstPass readRows(String name, String text, CSVFormat format) {
    int chunks = Math.min(MAX_CHUNKS, Runtime.getRuntime().availableProcessors());
    if (chunks < 2 || text.length() < PARALLEL_MIN_CHARS || text.indexOf('"') >= 0) {
      return readSequential(name, text, format);
    }
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int k = 1; k < chunks; k++) {
      int cut = text.indexOf('\n', Math.max(start, (int) ((long) text.length() * k / chunks)));
      if (cut < 0) {
        break;
      }
      parts.add(text.substring(start, cut + 1));
      start = cut + 1;
    }
    parts.add(text.substring(start));
    if (parts.size() < 2) {
      return readSequential(name, text, format);
    }
    ExecutorService pool = Executors.newFixedThreadPool(parts.size() - 1, r -> {
      Thread t = new Thread(r, "tunescope-csv-reader");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<FirstPass>> tails = new ArrayList<>();
      for (String part : parts.subList(1, parts.size())) {
        tails.add(pool.submit(() -> {
          FirstPass p = new FirstPass(name, true);
          forEachRow(name, part, format, p);
          return p;
        }));
      }
      FirstPass head = new FirstPass(name, false);
      forEachRow(name, parts.get(0), format, head);
      for (Future<FirstPass> tail : tails) {
        if (!head.append(tail.get())) {
          return readSequential(name, text, format);
        }
      }
      return head;
    } catch (DataException | ExecutionException e) {
      return readSequential(name, text, format);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataException("reading " + name + " was interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Reads every row into column builders; the first row is kept aside until the header is decided. */
  private static final class FirstPass implements RowSink {
    private final String name;
    /** A later part of the file: every row is data. */
    private final boolean tail;
    String[] firstRow;
    long firstLine;
    ColumnBuilder[] builders;
    int rows;

    FirstPass(String name, boolean tail) {
      this.name = name;
      this.tail = tail;
    }

    /** Adds the rows a later part of the file gave; false when the parts do not fit together. */
    boolean append(FirstPass later) {
      if (later.rows == 0) {
        return true;
      }
      if (rows == 0 || later.builders.length != builders.length) {
        return false;
      }
      for (int j = 0; j < builders.length; j++) {
        builders[j].append(later.builders[j]);
      }
      rows += later.rows;
      return true;
    }

    @Override
    public boolean accept(int row, long line, CSVRecord rec) {
      int n = rec.size();
      if (row == 0 && tail) {
        builders = new ColumnBuilder[n];
        for (int j = 0; j < n; j++) {
          builders[j] = new ColumnBuilder();
        }
        firstLine = line;
      }
      if (row == 0 && !tail) {
        firstRow = new String[n];
        builders = new ColumnBuilder[n];
        for (int j = 0; j < n; j++) {
          firstRow[j] = rec.get(j);
          builders[j] = new ColumnBuilder();
        }
        firstLine = line;
      } else {
        if (n != builders.length) {
          throw new DataException("line " + line + " of " + name + " has " + n + " fields where "
              + builders.length + " were expected (as on line " + firstLine + ")");
        }
        for (int j = 0; j < n; j++) {
          builders[j].add(rec.get(j));
        }
      }
      rows++;
      return true;
    }
  }

  /** Reads again the cells of columns that turned categorical after numbers had been stored. */
  private static void backfill(String name, String text, CSVFormat format, ColumnBuilder[] builders) {
    int upTo = 0;
    for (ColumnBuilder b : builders) {
      upTo = Math.max(upTo, b.switchedAt);
    }
    if (upTo <= 0) {
      return;
    }
    int last = upTo;
    forEachRow(name, text, format, (row, line, rec) -> {
      if (row == 0) {
        return true;
      }
      int i = row - 1;
      if (i >= last) {
        return false;
      }
      for (int j = 0; j < builders.length; j++) {
        if (i < builders[j].switchedAt) {
          builders[j].setText(i, rec.get(j));
        }
      }
      return true;
    });
  }

  // --- header

  /**
   * The first row is a header when one of its cells is text in a column that is numeric below it; or,
   * in a file with no numeric column, when its cells are text, distinct, and none recurs in its column.
   */
  static boolean hasHeader(String[] first, ColumnBuilder[] builders, int dataRows) {
    boolean anyNumeric = false;
    for (int j = 0; j < first.length; j++) {
      if (builders[j].isNumeric()) {
        anyNumeric = true;
        if (!isMissing(first[j]) && Double.isNaN(parseNumber(first[j]))) {
          return true;
        }
      }
    }
    if (anyNumeric) {
      return false;
    }
    Set<String> seen = new HashSet<>();
    boolean anyText = false;
    for (int j = 0; j < first.length; j++) {
      String cell = first[j];
      if (isMissing(cell)) {
        continue;
      }
      if (!Double.isNaN(parseNumber(cell)) || !seen.add(cell) || builders[j].contains(cell)) {
        return false;
      }
      anyText = true;
    }
    return anyText || dataRows == 0;
  }

  private static String[] generatedNames(int n) {
    String[] names = new String[n];
    for (int j = 0; j < n; j++) {
      names[j] = "V" + (j + 1);
    }
    return names;
  }

  /** Header cells as names: blank ones become V{column}, repeated ones get _2, _3 ... */
  static String[] columnNames(String[] header, List<String> notes) {
    String[] names = new String[header.length];
    Set<String> taken = new HashSet<>();
    // given names first, so a generated V3 never pushes aside a column the user named V3
    for (int j = 0; j < header.length; j++) {
      if (!header[j].isEmpty()) {
        names[j] = unique(header[j], taken);
        if (!names[j].equals(header[j])) {
          notes.add("column " + (j + 1) + " repeats the name '" + header[j] + "': renamed to '" + names[j] + "'");
        }
      }
    }
    for (int j = 0; j < header.length; j++) {
      if (header[j].isEmpty()) {
        names[j] = unique("V" + (j + 1), taken);
        notes.add("column " + (j + 1) + " has no name: named '" + names[j] + "'");
      }
    }
    return names;
  }

  private static String unique(String base, Set<String> taken) {
    String name = base;
    for (int k = 2; !taken.add(name); k++) {
      name = base + "_" + k;
    }
    return name;
  }

  // --- columns

  /** Collects one column's data cells: numbers while every cell is a number, text from the first that is not. */
  static final class ColumnBuilder {
    private double[] numbers = new double[INITIAL_CAPACITY];
    private String[] texts;
    private Map<String, String> pool;
    private int size;
    private boolean sawNumber;
    /** Rows before this one held numbers and must be read again as text; 0 when none. */
    int switchedAt;

    void add(String cell) {
      if (size == (texts == null ? numbers.length : texts.length)) {
        grow();
      }
      if (isMissing(cell)) {
        if (texts == null) {
          numbers[size] = Double.NaN;
        }
        size++;
        return;
      }
      if (texts == null) {
        double v = parseNumber(cell);
        if (!Double.isNaN(v)) {
          numbers[size++] = v;
          sawNumber = true;
          return;
        }
        texts = new String[numbers.length];
        pool = new HashMap<>();
        switchedAt = sawNumber ? size : 0;
        numbers = null;
      }
      texts[size++] = intern(cell);
    }

    /** Appends the cells a later part of the file gave for this column. */
    void append(ColumnBuilder b) {
      if (texts == null && b.texts == null) {
        numbers = Arrays.copyOf(numbers, size + b.size);
        System.arraycopy(b.numbers, 0, numbers, size, b.size);
        size += b.size;
        sawNumber |= b.sawNumber;
        return;
      }
      // rows stored as numbers in either part must be read again as text
      int need = texts == null ? (sawNumber ? size : 0) : switchedAt;
      if (b.texts == null) {
        need = b.sawNumber ? size + b.size : need;
      } else if (b.switchedAt > 0) {
        need = Math.max(need, size + b.switchedAt);
      }
      String[] out = new String[size + b.size];
      if (texts != null) {
        System.arraycopy(texts, 0, out, 0, size);
      }
      if (b.texts != null) {
        System.arraycopy(b.texts, 0, out, size, b.size);
      }
      if (pool == null) {
        pool = new HashMap<>();
      }
      if (b.pool != null) {
        b.pool.forEach(pool::putIfAbsent);
      }
      texts = out;
      numbers = null;
      switchedAt = need;
      size += b.size;
      sawNumber |= b.sawNumber;
    }

    void setText(int i, String cell) {
      texts[i] = isMissing(cell) ? null : intern(cell);
    }

    /** Numeric: every data cell is a number or missing, and at least one is a number. */
    boolean isNumeric() {
      return texts == null && sawNumber;
    }

    boolean contains(String cell) {
      return pool != null && pool.containsKey(cell);
    }

    private String intern(String cell) {
      String known = pool.putIfAbsent(cell, cell);
      return known == null ? cell : known;
    }

    private void grow() {
      if (texts == null) {
        numbers = Arrays.copyOf(numbers, numbers.length * 2);
      } else {
        texts = Arrays.copyOf(texts, texts.length * 2);
      }
    }

    /** The finished column; {@code first} is the first file row when it holds data (no header). */
    Column build(String name, String first, boolean includeFirst) {
      int offset = includeFirst ? 1 : 0;
      boolean firstIsText = includeFirst && !isMissing(first) && Double.isNaN(parseNumber(first));
      if (texts == null && !firstIsText) {
        double[] out = new double[size + offset];
        System.arraycopy(numbers, 0, out, offset, size);
        if (includeFirst) {
          out[0] = isMissing(first) ? Double.NaN : parseNumber(first);
        }
        return new NumericColumn(name, out);
      }
      String[] out = new String[size + offset];
      if (texts != null) {
        System.arraycopy(texts, 0, out, offset, size);
      } else {
        // only the first cell is text and no cell below is a number (else the first row were a header)
        for (int i = 0; i < size; i++) {
          out[i + offset] = Double.isNaN(numbers[i]) ? null : Double.toString(numbers[i]);
        }
      }
      if (includeFirst) {
        out[0] = isMissing(first) ? null : first;
      }
      return new CategoricalColumn(name, out);
    }
  }
}
