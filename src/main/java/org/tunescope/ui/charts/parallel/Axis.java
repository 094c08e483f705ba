package org.tunescope.ui.charts.parallel;

import java.util.Objects;
import org.tunescope.engine.space.Scale;

/**
 * One vertical axis of the chart: a searched hyperparameter or one of the scores. Score axes get a new
 * scale when the data outgrow the old one.
 */
public final class Axis {

  /** What an axis shows. */
  public enum Kind {
    PARAMETER, TRAIN, VALIDATION, GAP
  }

  private final int id;
  private final String name;
  private final String title;
  private final Kind kind;
  private Scale scale;

  Axis(int id, String name, Kind kind, Scale scale) {
    this(id, name, name, kind, scale);
  }

  Axis(int id, String name, String title, Kind kind, Scale scale) {
    this.id = id;
    this.name = Objects.requireNonNull(name);
    this.title = Objects.requireNonNull(title);
    this.kind = kind;
    this.scale = scale;
  }

  /** A stable index of the axis, whatever its place on screen. */
  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  /** What the axis is called on screen: its name, with the metric for a score axis ("validation rmse"). */
  public String title() {
    return title;
  }

  public Kind kind() {
    return kind;
  }

  public Scale scale() {
    return scale;
  }

  void setScale(Scale scale) {
    this.scale = scale;
  }

  public boolean isScore() {
    return kind != Kind.PARAMETER;
  }

  @Override
  public String toString() {
    return name;
  }
}
