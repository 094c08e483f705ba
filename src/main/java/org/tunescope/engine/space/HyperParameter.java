package org.tunescope.engine.space;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one declaration of a model's hyperparameter: what values are valid, what a search tries by
 * default, its default value, what it means and which way it moves the model's complexity. The
 * command line, the samplers and the app all read this declaration.
 *
 * @param name          the name users type ({@code C}, {@code gamma}, {@code max_depth})
 * @param type          float, int or categorical
 * @param min           the smallest valid value (numeric parameters)
 * @param max           the largest valid value (numeric parameters)
 * @param minExclusive  whether {@code min} itself is invalid (C must be &gt; 0)
 * @param choices       the valid categories (categorical parameters), empty otherwise
 * @param defaultSearch the range or values a search covers when the user says nothing
 * @param defaultValue  the value used when the parameter is not searched
 * @param meaning       one line saying what the parameter does
 * @param complexity    which way raising the value moves the model's capacity
 * @param condition     when the parameter applies at all
 */
public record HyperParameter(
    String name,
    ParamType type,
    double min,
    double max,
    boolean minExclusive,
    List<String> choices,
    Distribution defaultSearch,
    Object defaultValue,
    String meaning,
    Complexity complexity,
    Optional<Condition> condition) {

  public HyperParameter {
    Objects.requireNonNull(name, "name");
    choices = List.copyOf(choices);
    Objects.requireNonNull(defaultSearch, "defaultSearch");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(condition, "condition");
  }

  /** A real-valued parameter, valid in (min, max] when {@code minExclusive}, else [min, max]. */
  public static HyperParameter floating(String name, double min, boolean minExclusive, double max,
      double low, double high, boolean log, double defaultValue, String meaning, Complexity complexity) {
    return new HyperParameter(name, ParamType.FLOAT, min, max, minExclusive, List.of(),
        new Distribution.FloatRange(low, high, log), defaultValue, meaning, complexity, Optional.empty());
  }

  /** A whole-number parameter valid in [min, max]. */
  public static HyperParameter integer(String name, long min, long max, long low, long high, boolean log,
      long defaultValue, String meaning, Complexity complexity) {
    return new HyperParameter(name, ParamType.INT, min, max, false, List.of(),
        new Distribution.IntRange(low, high, log), defaultValue, meaning, complexity, Optional.empty());
  }

  /** A categorical parameter; its default search tries {@code searched}. */
  public static HyperParameter categorical(String name, List<String> choices, List<String> searched,
      String defaultValue, String meaning) {
    return new HyperParameter(name, ParamType.CATEGORICAL, Double.NaN, Double.NaN, false, choices,
        new Distribution.Choice(List.copyOf(searched)), defaultValue, meaning, Complexity.NONE,
        Optional.empty());
  }

  /** The same parameter, applying only under {@code when}. */
  public HyperParameter onlyWhen(Condition when) {
    return new HyperParameter(name, type, min, max, minExclusive, choices, defaultSearch, defaultValue,
        meaning, complexity, Optional.of(when));
  }

  /** The same parameter with another default search. */
  public HyperParameter searching(Distribution search) {
    return new HyperParameter(name, type, min, max, minExclusive, choices, search, defaultValue,
        meaning, complexity, condition);
  }

  /** Whether the default search uses a log scale. */
  public boolean isLog() {
    return defaultSearch instanceof Distribution.FloatRange f && f.log()
        || defaultSearch instanceof Distribution.IntRange i && i.log();
  }

  /** The valid domain in words, for messages: "(0, inf)", "[1, 100]", "one of rbf, linear". */
  public String domainText() {
    if (type == ParamType.CATEGORICAL) {
      return "one of " + String.join(", ", choices);
    }
    return (minExclusive ? "(" : "[") + number(min) + ", " + number(max) + (Double.isInfinite(max) ? ")" : "]");
  }

  /** Whether one value is valid for this parameter. */
  public boolean accepts(Object value) {
    return switch (type) {
      case CATEGORICAL -> value instanceof String s && choices.contains(s);
      case INT -> value instanceof Long l && inDomain(l);
      case FLOAT -> value instanceof Double d && !d.isNaN() && inDomain(d);
    };
  }

  /**
   * Checks that every value a distribution can produce is valid.
   *
   * @return the problem in words, or empty when the distribution is valid
   */
  public Optional<String> check(Distribution distribution) {
    String where = "parameter " + name + ": ";
    if (distribution instanceof Distribution.FloatRange r) {
      if (type != ParamType.FLOAT) {
        return Optional.of(where + "expects " + kindText() + ", not a real range");
      }
      return inDomain(r.low()) && inDomain(r.high()) ? Optional.empty()
          : Optional.of(where + "range " + number(r.low()) + ":" + number(r.high())
              + " is outside its domain " + domainText());
    }
    if (distribution instanceof Distribution.IntRange r) {
      if (type == ParamType.CATEGORICAL) {
        return Optional.of(where + "expects " + kindText() + ", not a range");
      }
      return inDomain(r.low()) && inDomain(r.high()) ? Optional.empty()
          : Optional.of(where + "range " + r.low() + ":" + r.high() + " is outside its domain " + domainText());
    }
    List<Object> values = distribution instanceof Distribution.Choice c ? c.values()
        : List.of(((Distribution.Fixed) distribution).value());
    return values.stream().filter(v -> !accepts(v)).findFirst()
        .map(v -> where + "value " + v + " is not valid; expected " + kindText() + " in " + domainText());
  }

  private String kindText() {
    return switch (type) {
      case FLOAT -> "a number";
      case INT -> "a whole number";
      case CATEGORICAL -> "a category";
    };
  }

  private boolean inDomain(double v) {
    return (minExclusive ? v > min : v >= min) && v <= max;
  }

  private static String number(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
