package org.tunescope.ml.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import smile.data.Dataset;
import smile.data.Instance;
import smile.io.Read;
import smile.util.SparseArray;

/**
 * Reads LIBSVM / SVMlight files through Smile into a dense table: features {@code f1..fN} named by their
 * 1-based index in the file, absent entries 0, and the label as numeric column {@code target}.
 *
 * <p>Smile's reader stops at blank lines and comments, types every label by the first line's label (an
 * integer first label makes a later "2.5" fail), and names no line in its errors. So each line is
 * checked here first, with its line number, and Smile gets clean lines only.
 */
final class LibSvmReader {

  /** 25 million doubles, 200 MB: text-mining files with 50,000 sparse features do not fit densely. */
  private static final long MAX_DENSE_CELLS = 25_000_000L;

  private LibSvmReader() {
  }

  static ParsedTable read(String name, String text) {
    StringBuilder clean = new StringBuilder(text.length());
    List<Long> lineNumbers = new ArrayList<>();
    int maxIndex = 0;
    boolean allIntegerLabels = true;
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int k = 0; k < lines.length; k++) {
      long lineNo = k + 1L;
      String line = lines[k];
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      line = line.strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] tokens = line.split("\\s+");
      String label = tokens[0];
      if (label.indexOf(':') >= 0 || Double.isNaN(CsvReader.parseNumber(label))) {
        throw new DataException("line " + lineNo + " of " + name + " does not start with a numeric label: '"
            + abbreviate(label) + "'");
      }
      allIntegerLabels &= isInteger(label);
      StringBuilder out = new StringBuilder(line.length()).append(label);
      for (int t = 1; t < tokens.length; t++) {
        String token = tokens[t];
        if (token.startsWith("qid:")) {
          continue; // SVMlight ranking query ids are not features
        }
        int colon = token.indexOf(':');
        int index = colon > 0 ? parseIndex(token.substring(0, colon)) : -1;
        double value = colon > 0 ? CsvReader.parseNumber(token.substring(colon + 1)) : Double.NaN;
        if (index < 1 || Double.isNaN(value)) {
          throw new DataException("line " + lineNo + " of " + name + " has '" + abbreviate(token)
              + "' where index:value with an index from 1 was expected");
        }
        maxIndex = Math.max(maxIndex, index);
        out.append(' ').append(index).append(':').append(token, colon + 1, token.length());
      }
      clean.append(out).append('\n');
      lineNumbers.add(lineNo);
    }
    if (lineNumbers.isEmpty()) {
      throw new DataException(name + " has no data rows");
    }
    String cleaned = clean.toString();
    if (!allIntegerLabels) {
      // Smile picks integer labels when the first label parses as an integer; "1.0" keeps it on doubles
      int space = cleaned.indexOf(' ');
      int end = space < 0 ? cleaned.indexOf('\n') : Math.min(space, cleaned.indexOf('\n'));
      String first = cleaned.substring(0, end);
      if (isInteger(first)) {
        cleaned = first + ".0" + cleaned.substring(end);
      }
    }

    Dataset<Instance<SparseArray>> data;
    try {
      data = Read.libsvm(new BufferedReader(new StringReader(cleaned)));
    } catch (IOException | RuntimeException e) {
      throw new DataException(name + " is not a valid LIBSVM file: its lines cannot be read", e);
    }
    int n = data.size();
    if ((long) maxIndex * n > MAX_DENSE_CELLS) {
      throw new DataException(name + " has " + n + " rows and " + maxIndex
          + " features, too many to hold as a dense table");
    }
    double[][] features = new double[maxIndex][n];
    double[] target = new double[n];
    for (int i = 0; i < n; i++) {
      Instance<SparseArray> row = data.get(i);
      target[i] = allIntegerLabels ? row.label() : row.y();
      for (SparseArray.Entry e : row.x()) {
        // Smile stores the file's 1-based index minus one
        features[e.i][i] = e.x;
      }
    }
    List<Column> columns = new ArrayList<>(maxIndex + 1);
    for (int f = 0; f < maxIndex; f++) {
      columns.add(new NumericColumn("f" + (f + 1), features[f]));
    }
    columns.add(new NumericColumn("target", target));
    return new ParsedTable(new Table(columns), List.of(
        "sparse LIBSVM rows: " + maxIndex + " features named f1..f" + maxIndex
            + ", absent entries are 0, the label is the column 'target'"));
  }

  private static boolean isInteger(String s) {
    int start = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
    if (start == s.length() || s.length() - start > 9) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int parseIndex(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return -1;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(s);
  }

  private static String abbreviate(String s) {
    return s.length() <= 30 ? s : s.substring(0, 27) + "...";
  }
}
