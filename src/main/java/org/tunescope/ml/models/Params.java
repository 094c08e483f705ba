package org.tunescope.ml.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Hyperparameter values for one fit, read by name with the declared type. */
public record Params(Map<String, Object> values) {

  public Params {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public double getDouble(String name) {
    Object v = require(name);
    return ((Number) v).doubleValue();
  }

  public int getInt(String name) {
    Object v = require(name);
    return Math.toIntExact(((Number) v).longValue());
  }

  public String getString(String name) {
    return require(name).toString();
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  private Object require(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no value for parameter " + name);
    }
    return v;
  }
}
