package org.tunescope.ui.charts.parallel;

import java.util.OptionalInt;
import java.util.function.Supplier;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * The mouse on the plot: drag along an axis to brush it, inside a brush to move it, at its ends to resize
 * it, double-click to clear it; click a line to select its trial, hover one to have it described.
 */
final class BrushInteraction {

  private static final double AXIS_GRAB = 10;
  private static final double END_GRAB = 5;

  /** Told which line the mouse is over (-1 for none) and where the mouse is. */
  interface Hover {
    void hover(int line, double x, double y);
  }

  private enum Drag { NONE, NEW, MOVE, RESIZE_LOW, RESIZE_HIGH }

  private final ParallelCoordinatesChart chart;
  private final Supplier<PlotGeometry> geometry;
  private final Hover hover;
  private Drag drag = Drag.NONE;
  private String dragAxis;
  private double dragAnchor;
  private double dragLo;
  private double dragHi;
  private double pressY;
  private boolean dragged;

  /** Listens to the mouse on {@code canvas}, over the axes {@code geometry} gives at the time. */
  BrushInteraction(ParallelCoordinatesChart chart, Canvas canvas, Supplier<PlotGeometry> geometry, Hover hover) {
    this.chart = chart;
    this.geometry = geometry;
    this.hover = hover;
    canvas.setOnMousePressed(this::pressed);
    canvas.setOnMouseDragged(this::dragged);
    canvas.setOnMouseReleased(this::released);
    canvas.setOnMouseMoved(this::moved);
    canvas.setOnMouseExited(e -> hover.hover(-1, 0, 0));
  }

  private int axisAt(double x, double y) {
    if (y < geometry.get().top() - 6 || y > geometry.get().bottom() + 6) {
      return -1;
    }
    int k = geometry.get().nearestAxis(x);
    return k >= 0 && Math.abs(geometry.get().axisX()[k] - x) <= AXIS_GRAB ? k : -1;
  }

  private void pressed(MouseEvent e) {
    if (e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    drag = Drag.NONE;
    dragged = false;
    pressY = e.getY();
    int k = axisAt(e.getX(), e.getY());
    if (k < 0) {
      return;
    }
    Axis a = chart.getModel().axes().get(k);
    dragAxis = a.name();
    double u = clamp(geometry.get().unit(e.getY()));
    var brush = chart.getModel().brush(a.name());
    if (e.getClickCount() == 2) {
      chart.clearBrush(a.name());
      drag = Drag.NONE;
      return;
    }
    if (brush.isPresent()) {
      double yHi = geometry.get().y(brush.get().hi());
      double yLo = geometry.get().y(brush.get().lo());
      dragLo = brush.get().lo();
      dragHi = brush.get().hi();
      if (Math.abs(e.getY() - yHi) <= END_GRAB) {
        drag = Drag.RESIZE_HIGH;
        return;
      }
      if (Math.abs(e.getY() - yLo) <= END_GRAB) {
        drag = Drag.RESIZE_LOW;
        return;
      }
      if (e.getY() > yHi && e.getY() < yLo) {
        drag = Drag.MOVE;
        dragAnchor = u;
        return;
      }
    }
    drag = Drag.NEW;
    dragAnchor = u;
  }

  private void dragged(MouseEvent e) {
    if (drag == Drag.NONE) {
      return;
    }
    if (!dragged && Math.abs(e.getY() - pressY) < 3) {
      return;
    }
    dragged = true;
    double u = clamp(geometry.get().unit(e.getY()));
    switch (drag) {
      case NEW -> chart.brush(dragAxis, Math.min(dragAnchor, u), Math.max(dragAnchor, u));
      case MOVE -> {
        double shift = Math.max(-dragLo, Math.min(1 - dragHi, u - dragAnchor));
        chart.brush(dragAxis, dragLo + shift, dragHi + shift);
      }
      case RESIZE_LOW -> chart.brush(dragAxis, Math.min(u, dragHi), Math.max(u, dragHi));
      case RESIZE_HIGH -> chart.brush(dragAxis, Math.min(u, dragLo), Math.max(u, dragLo));
      default -> { }
    }
    e.consume();
  }

  private void released(MouseEvent e) {
    if (e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    Drag was = drag;
    drag = Drag.NONE;
    if (dragged) {
      return;
    }
    if (was == Drag.MOVE || was == Drag.RESIZE_HIGH || was == Drag.RESIZE_LOW) {
      return;
    }
    OptionalInt line = chart.getModel().nearest(geometry.get(), e.getX(), e.getY(), 6);
    if (line.isPresent()) {
      chart.selectedTrialProperty().set(chart.getModel().trial(line.getAsInt()).number());
    }
  }

  private void moved(MouseEvent e) {
    OptionalInt line = chart.getModel().nearest(geometry.get(), e.getX(), e.getY(), 8);
    hover.hover(line.orElse(-1), e.getX(), e.getY());
  }

  private static double clamp(double u) {
    return Math.max(0, Math.min(1, u));
  }
}
