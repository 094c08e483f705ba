package org.tunescope.ml.data;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import smile.data.DataFrame;
import smile.data.measure.CategoricalMeasure;
import smile.data.type.StructField;
import smile.io.Arff;

/**
 * Reads ARFF through Smile and converts its data frame: nominal attributes become categorical columns
 * holding their declared names, numeric ones numeric columns, strings and dates categorical; ARFF's
 * {@code ?} stays missing.
 */
final class ArffReader {

  private ArffReader() {
  }

  static ParsedTable read(String name, String text) {
    DataFrame df;
    String relation;
    // Smile's Arff(Reader) is what Read.arff(path) uses; feeding it our decoded text keeps BOM and
    // binary handling the same as for CSV and spares a second read of the file
    try (Arff arff = new Arff(new StringReader(text))) {
      relation = arff.name();
      df = arff.read();
    } catch (ParseException e) {
      throw new DataException(name + " is not a valid ARFF file: " + plain(e.getMessage()), e);
    } catch (IOException e) {
      throw new DataException("cannot read " + name + ": the ARFF text could not be parsed", e);
    } catch (IllegalArgumentException e) {
      // Smile refuses to build a data frame from zero rows
      throw new DataException(name + " has no data rows", e);
    } catch (RuntimeException e) {
      throw new DataException(name + " is not a valid ARFF file: its attributes or data cannot be read", e);
    }
    if (df.nrow() == 0) {
      throw new DataException(name + " has no data rows");
    }
    List<Column> columns = new ArrayList<>(df.ncol());
    for (int j = 0; j < df.ncol(); j++) {
      columns.add(convert(df, j));
    }
    List<String> notes = new ArrayList<>();
    if (relation != null && !relation.isBlank()) {
      notes.add("ARFF relation: " + relation);
    }
    return new ParsedTable(new Table(columns), notes);
  }

  private static Column convert(DataFrame df, int j) {
    StructField field = df.schema().field(j);
    int n = df.nrow();
    if (field.measure instanceof CategoricalMeasure || !field.type.isNumeric()) {
      String[] values = new String[n];
      for (int i = 0; i < n; i++) {
        Object v = df.get(i, j);
        values[i] = v == null ? null : field.toString(v);
      }
      return new CategoricalColumn(field.name, values);
    }
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      Object v = df.get(i, j);
      if (v == null) {
        values[i] = Double.NaN;
      } else if (v instanceof Float f) {
        // Smile stores REAL attributes as float: 0.1 would come back as 0.10000000149011612; the
        // shortest decimal that rounds to the float is what the file most likely said
        values[i] = Double.parseDouble(Float.toString(f));
      } else {
        values[i] = ((Number) v).doubleValue();
      }
    }
    return new NumericColumn(field.name, values);
  }

  /** Smile's parse messages are plain words; keep them to one line without a trailing period. */
  private static String plain(String message) {
    if (message == null || message.isBlank()) {
      return "its header or data cannot be read";
    }
    String m = message.strip().replaceAll("\\s+", " ");
    return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
  }
}
