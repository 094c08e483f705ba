package org.tunescope.ui.charts.cost;

import org.tunescope.ml.tuning.ParetoFront;
import java.util.List;
import java.util.function.ToDoubleFunction;
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
import org.tunescope.ui.charts.Ticks;

/**
 * Validation score against cost (fit seconds, or memory allocated) per trial, with the Pareto front of
 * "better and cheaper" trials joined and marked.
 */
public final class CostChart extends Region {

  private static final double LEFT = 60;
  private static final double RIGHT = 20;
  private static final double TOP = 24;
  private static final double BOTTOM = 40;

  private final Canvas canvas = new Canvas();
  private final ObjectProperty<List<Trial>> trials = new SimpleObjectProperty<>(this, "trials", List.of());
  private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(this, "direction", Direction.MAXIMIZE);
  private final BooleanProperty byMemory = new SimpleBooleanProperty(this, "byMemory");

  public CostChart() {
    getChildren().add(canvas);
    trials.addListener(o -> draw());
    byMemory.addListener(o -> draw());
    direction.addListener(o -> draw());
    setPrefSize(700, 400);
  }

  public ObjectProperty<List<Trial>> trialsProperty() {
    return trials;
  }

  public ObjectProperty<Direction> directionProperty() {
    return direction;
  }

  /** Whether cost is memory (MB allocated) rather than fit seconds. */
  public BooleanProperty byMemoryProperty() {
    return byMemory;
  }

  /** The cost of a trial on the current axis. */
  public ToDoubleFunction<Trial> cost() {
    return byMemory.get() ? t -> t.bytesAllocated() / 1e6 : Trial::fitSeconds;
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
    List<Trial> done = trials.get().stream().filter(Trial::isComplete).toList();
    if (done.isEmpty()) {
      g.setFill(text);
      g.setTextAlign(TextAlignment.CENTER);
      g.fillText("Cost and score of each trial appear as trials finish.", w / 2, h / 2);
      return;
    }
    ToDoubleFunction<Trial> cost = cost();
    double xLo = 0;
    double xHi = done.stream().mapToDouble(cost).max().orElse(1) * 1.05 + 1e-9;
    double yLo = done.stream().mapToDouble(t -> t.validation().mean()).min().orElse(0);
    double yHi = done.stream().mapToDouble(t -> t.validation().mean()).max().orElse(1);
    double pad = (yHi - yLo) * 0.05 + 1e-6;
    final double fyLo = yLo - pad;
    final double fyHi = yHi + pad;
    double plotW = w - LEFT - RIGHT;
    double plotH = h - TOP - BOTTOM;
    java.util.function.DoubleUnaryOperator px = x -> LEFT + (x - xLo) / (xHi - xLo) * plotW;
    java.util.function.DoubleUnaryOperator py = y -> TOP + (1 - (y - fyLo) / (fyHi - fyLo)) * plotH;
    g.setStroke(text.deriveColor(0, 1, 1, 0.6));
    g.strokeLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
    g.strokeLine(LEFT, TOP, LEFT, TOP + plotH);
    g.setFill(text);
    g.setTextAlign(TextAlignment.RIGHT);
    g.setTextBaseline(VPos.CENTER);
    for (double y : Ticks.linear(fyLo, fyHi, 5)) {
      g.fillText(Ticks.label(y), LEFT - 6, py.applyAsDouble(y));
    }
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    for (double x : Ticks.linear(xLo, xHi, 8)) {
      g.fillText(Ticks.label(x), px.applyAsDouble(x), TOP + plotH + 5);
    }
    g.fillText(byMemory.get() ? "MB allocated while fitting" : "fit seconds (all folds)", LEFT + plotW / 2,
        TOP + plotH + 22);
    Color validation = Color.web("#1c7ed6");
    g.setFill(validation.deriveColor(0, 1, 1, 0.4));
    for (Trial t : done) {
      g.fillOval(px.applyAsDouble(cost.applyAsDouble(t)) - 3, py.applyAsDouble(t.validation().mean()) - 3, 6, 6);
    }
    List<Trial> front = ParetoFront.of(done, direction.get(), cost);
    g.setStroke(Color.web("#e8590c"));
    g.setLineWidth(2);
    g.beginPath();
    for (int i = 0; i < front.size(); i++) {
      double x = px.applyAsDouble(cost.applyAsDouble(front.get(i)));
      double y = py.applyAsDouble(front.get(i).validation().mean());
      if (i == 0) {
        g.moveTo(x, y);
      } else {
        g.lineTo(x, y);
      }
    }
    g.stroke();
    g.setFill(Color.web("#e8590c"));
    for (Trial t : front) {
      g.fillOval(px.applyAsDouble(cost.applyAsDouble(t)) - 4, py.applyAsDouble(t.validation().mean()) - 4, 8, 8);
    }
    g.setTextAlign(TextAlignment.LEFT);
    g.setFill(text);
    g.fillText("dots: validation score of each trial · orange: the Pareto front (no trial is both better and cheaper)",
        LEFT + 8, 4);
    g.setTextBaseline(VPos.BASELINE);
  }
}
