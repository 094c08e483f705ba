package org.tunescope.engine.space;

/** The kind of value a hyperparameter takes. */
public enum ParamType {
  /** A real number: {@code Double} values. */
  FLOAT,
  /** A whole number: {@code Long} values. */
  INT,
  /** One of a set of names: {@code String} values. */
  CATEGORICAL
}
