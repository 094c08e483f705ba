package org.tunescope.engine.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the range syntax users type for a hyperparameter, checked against its declaration:
 * {@code LOW:HIGH} or {@code LOW:HIGH:log} (a range), {@code a,b,c} (listed values), {@code VALUE}
 * (fixed).
 */
public final class DistributionParser {

  private DistributionParser() {
  }

  /**
   * Parses {@code text} for {@code parameter}.
   *
   * @throws IllegalArgumentException with a message naming the parameter when the text is malformed or
   *                                  outside the parameter's domain
   */
  public static Distribution parse(HyperParameter parameter, String text) {
    String where = "parameter " + parameter.name() + ": ";
    String spec = text.trim();
    if (spec.isEmpty()) {
      throw new IllegalArgumentException(where + "no value given");
    }
    Distribution d;
    try {
      if (parameter.type() != ParamType.CATEGORICAL && spec.contains(":")) {
        d = range(parameter, spec);
      } else if (spec.contains(",")) {
        List<Object> values = new ArrayList<>();
        for (String part : spec.split(",")) {
          if (!part.isBlank()) {
            values.add(value(parameter, part.trim()));
          }
        }
        d = new Distribution.Choice(values);
      } else {
        d = new Distribution.Fixed(value(parameter, spec));
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + "'" + spec + "' is not "
          + (parameter.type() == ParamType.INT ? "a whole number" : "a number")
          + " or a range LOW:HIGH[:log]");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().startsWith("parameter ") ? e.getMessage() : where + e.getMessage());
    }
    parameter.check(d).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
    return d;
  }

  private static Distribution range(HyperParameter parameter, String spec) {
    String[] parts = spec.split(":");
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("range '" + spec + "' should be LOW:HIGH or LOW:HIGH:log");
    }
    boolean log = false;
    if (parts.length == 3) {
      String scale = parts[2].trim().toLowerCase(Locale.ROOT);
      if (!scale.equals("log") && !scale.equals("linear")) {
        throw new IllegalArgumentException("range scale '" + parts[2] + "' should be log or linear");
      }
      log = scale.equals("log");
    }
    if (parameter.type() == ParamType.INT) {
      return new Distribution.IntRange(Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim()), log);
    }
    return new Distribution.FloatRange(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()), log);
  }

  private static Object value(HyperParameter parameter, String text) {
    return switch (parameter.type()) {
      case INT -> Long.parseLong(text);
      case FLOAT -> Double.parseDouble(text);
      case CATEGORICAL -> text;
    };
  }

  /** The text form of a distribution, the inverse of {@link #parse}. */
  public static String format(Distribution d) {
    if (d instanceof Distribution.FloatRange r) {
      return r.low() + ":" + r.high() + (r.log() ? ":log" : "");
    }
    if (d instanceof Distribution.IntRange r) {
      return r.low() + ":" + r.high() + (r.log() ? ":log" : "");
    }
    if (d instanceof Distribution.Choice c) {
      return String.join(",", c.values().stream().map(String::valueOf).toList());
    }
    return String.valueOf(((Distribution.Fixed) d).value());
  }
}
