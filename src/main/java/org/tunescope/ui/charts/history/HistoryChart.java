package org.tunescope.ui.charts.history;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.tunescope.engine.study.Direction;
import org.tunescope.engine.study.Trial;
import org.tunescope.ml.tuning.OptimisationHistory;
import org.tunescope.ui.charts.Ticks;

/**
 * Optimisation history: each complete trial's validation score and the best so far, against trial
 * number or against elapsed time since the first trial started.
 */
public final class HistoryChart extends Region {

  private static final double LEFT = 60;
  private static final double RIGHT = 20;
  private static final double TOP = 24;
  private static final double BOTTOM = 40;

  private final Canvas canvas = new Canvas();
  private final ObjectProperty<List<Trial>> trials = new SimpleObjectProperty<>(this, "trials", List.of());
  private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(this, "direction", Direction.MAXIMIZE);
  private final BooleanProperty byTime = new SimpleBooleanProperty(this, "byTime");

  public HistoryChart() {
    getStyleClass().add("history-chart");
    getChildren().add(canvas);
    trials.addListener(o -> draw());
    byTime.addListener(o -> draw());
    setPrefSize(700, 400);
  }

  public ObjectProperty<List<Trial>> trialsProperty() {
    return trials;
  }

  public ObjectProperty<Direction> directionProperty() {
    return direction;
  }

  /** Whether the x axis is elapsed seconds rather than trial number. */
  public BooleanProperty byTimeProperty() {
    return byTime;
  }

  static double x(Trial t, List<Trial> all, boolean byTime) {
    return OptimisationHistory.x(t, all, byTime);
  }

  @Override
  protected void layoutChildren() {
    if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
      canvas.setWidth(getWidth());
      canvas.setHeight(getHeight());
      draw();
    }
  }

  private void draw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    g.clearRect(0, 0, w, h);
    g.setFont(Font.font(11));
    Color text = Color.web("#5d6678");
    List<Trial> all = trials.get();
    List<Trial> done = all.stream().filter(Trial::isComplete).toList();
    if (done.isEmpty()) {
      g.setFill(text);
      g.setTextAlign(TextAlignment.CENTER);
      g.fillText("The history appears as trials finish.", w / 2, h / 2);
      return;
    }
    boolean time = byTime.get();
    double xLo = Double.POSITIVE_INFINITY;
    double xHi = Double.NEGATIVE_INFINITY;
    double yLo = Double.POSITIVE_INFINITY;
    double yHi = Double.NEGATIVE_INFINITY;
    for (Trial t : done) {
      double x = x(t, all, time);
      xLo = Math.min(xLo, x);
      xHi = Math.max(xHi, x);
      yLo = Math.min(yLo, t.validation().mean());
      yHi = Math.max(yHi, t.validation().mean());
    }
    if (xHi <= xLo) {
      xHi = xLo + 1;
    }
    double pad = (yHi - yLo) * 0.05 + 1e-6;
    yLo -= pad;
    yHi += pad;
    double plotW = w - LEFT - RIGHT;
    double plotH = h - TOP - BOTTOM;
    final double fxLo = xLo;
    final double fxHi = xHi;
    final double fyLo = yLo;
    final double fyHi = yHi;
    java.util.function.DoubleUnaryOperator px = x -> LEFT + (x - fxLo) / (fxHi - fxLo) * plotW;
    java.util.function.DoubleUnaryOperator py = y -> TOP + (1 - (y - fyLo) / (fyHi - fyLo)) * plotH;
    g.setStroke(text.deriveColor(0, 1, 1, 0.6));
    g.strokeLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
    g.strokeLine(LEFT, TOP, LEFT, TOP + plotH);
    g.setFill(text);
    g.setTextAlign(TextAlignment.RIGHT);
    g.setTextBaseline(VPos.CENTER);
    for (double y : Ticks.linear(yLo, yHi, 5)) {
      g.fillText(Ticks.label(y), LEFT - 6, py.applyAsDouble(y));
    }
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    for (double x : Ticks.linear(xLo, xHi, 8)) {
      g.fillText(Ticks.label(x), px.applyAsDouble(x), TOP + plotH + 5);
    }
    g.fillText(time ? "seconds since the study started" : "trial number", LEFT + plotW / 2, TOP + plotH + 22);
    Color validation = Color.web("#1c7ed6");
    g.setFill(validation.deriveColor(0, 1, 1, 0.45));
    for (Trial t : done) {
      double x = px.applyAsDouble(x(t, all, time));
      double y = py.applyAsDouble(t.validation().mean());
      g.fillOval(x - 3, y - 3, 6, 6);
    }
    g.setStroke(validation);
    g.setLineWidth(2);
    g.beginPath();
    double prevY = Double.NaN;
    for (double[] p : OptimisationHistory.bestSoFar(all, direction.get(), time)) {
      double x = px.applyAsDouble(p[0]);
      double y = py.applyAsDouble(p[1]);
      if (Double.isNaN(prevY)) {
        g.moveTo(x, y);
      } else {
        g.lineTo(x, prevY);
        g.lineTo(x, y);
      }
      prevY = y;
    }
    g.stroke();
    g.setTextAlign(TextAlignment.LEFT);
    g.setFill(text);
    g.fillText("dots: validation score of each trial · line: best so far", LEFT + 8, 4);
    g.setTextBaseline(VPos.BASELINE);
  }
}
