package org.tunescope.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations as people type them: {@code 90} (seconds), {@code 30s}, {@code 2m}, {@code 1h30m}. */
final class DurationParser implements ITypeConverter<Duration> {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|m|s|ms)");

  @Override
  public Duration convert(String text) {
    return parse(text);
  }

  static Duration parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.matches("\\d+(\\.\\d+)?")) {
      return millis(Double.parseDouble(t) * 1000, text);
    }
    Matcher m = PART.matcher(t);
    double ms = 0;
    int end = 0;
    while (m.find() && m.start() == end) {
      double v = Double.parseDouble(m.group(1));
      ms += switch (m.group(2)) {
        case "h" -> v * 3_600_000;
        case "m" -> v * 60_000;
        case "s" -> v * 1000;
        default -> v;
      };
      end = m.end();
    }
    if (end != t.length() || t.isEmpty()) {
      throw new TypeConversionException("'" + text + "' is not a duration; write e.g. 90, 30s, 2m or 1h30m");
    }
    return millis(ms, text);
  }

  private static Duration millis(double ms, String text) {
    if (ms <= 0) {
      throw new TypeConversionException("the time budget '" + text + "' must be more than zero");
    }
    return Duration.ofMillis(Math.round(ms));
  }
}
