package org.tunescope.ui.lab;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.tunescope.ml.lab.LabData;
import org.tunescope.ml.lab.LabEngine;
import org.tunescope.ml.lab.LabFit;
import org.tunescope.ui.charts.CanvasChart;

/**
 * The lab's picture: the decision regions of a two-feature classifier (each cell of the drawing grid in
 * its predicted class's tint) or the fitted curve of a one-feature regression, under the rows: training
 * rows as filled dots, held-out test rows as rings. Background, frame, text and the fitted curve take
 * the theme's colours through CSS; the class colours stay fixed.
 */
public final class LabPlot extends CanvasChart {

  private static final Color[] CLASS_COLOURS = {
      Color.web("#e8590c"), Color.web("#1c7ed6"), Color.web("#2f9e44"), Color.web("#ae3ec9"), Color.web("#f59f00")};
  private static final double PAD = 34;

  private LabData data;
  private LabFit fit;

  public LabPlot() {
    super(true);
    getStyleClass().add("lab-plot");
    setMinSize(240, 240);
    setPrefSize(520, 520);
  }

  /** Shows a dataset and the fit at the slider (either may be null). */
  public void show(LabData newData, LabFit newFit) {
    this.data = newData;
    this.fit = newFit;
    redraw();
  }

  @Override
  protected void draw(GraphicsContext g, double size, double h) {
    Color background = palette().background();
    Color text = palette().text();
    if (data == null) {
      message(g, size, size, "Pick a lesson or generate data.");
      return;
    }
    double plot = size - 2 * PAD;
    double[] xs = data.feature(0);
    double[] bx = LabEngine.bounds(xs);
    double[] ys = data.isClassification() ? data.feature(1) : data.problem().y();
    double[] by = LabEngine.bounds(ys);
    if (fit != null && fit.regions().isPresent()) {
      LabFit.DecisionGrid grid = fit.regions().get();
      double cell = plot / grid.size();
      for (int row = 0; row < grid.size(); row++) {
        for (int col = 0; col < grid.size(); col++) {
          g.setFill(colour(grid.classAt(col, row)).interpolate(background, 0.75));
          g.fillRect(PAD + col * cell, PAD + plot - (row + 1) * cell, cell + 0.6, cell + 0.6);
        }
      }
    }
    g.setStroke(palette().axis());
    g.setLineWidth(1);
    g.strokeRect(PAD, PAD, plot, plot);
    boolean[] isTest = new boolean[xs.length];
    for (int i : data.split().test()) {
      isTest[i] = true;
    }
    for (int i = 0; i < xs.length; i++) {
      double px = PAD + (xs[i] - bx[0]) / (bx[1] - bx[0]) * plot;
      double py = PAD + plot - (ys[i] - by[0]) / (by[1] - by[0]) * plot;
      Color c = data.isClassification() ? colour((int) data.problem().y()[i]) : text;
      if (isTest[i]) {
        g.setStroke(c);
        g.setLineWidth(1.6);
        g.strokeOval(px - 3.5, py - 3.5, 7, 7);
      } else {
        g.setFill(c);
        g.fillOval(px - 3, py - 3, 6, 6);
      }
    }
    if (fit != null && fit.curve().isPresent()) {
      LabFit.FittedCurve curve = fit.curve().get();
      g.setStroke(palette().accent());
      g.setLineWidth(2.5);
      double[] px = new double[curve.x().length];
      double[] py = new double[px.length];
      for (int i = 0; i < px.length; i++) {
        px[i] = PAD + (curve.x()[i] - bx[0]) / (bx[1] - bx[0]) * plot;
        double y = Math.max(by[0] - (by[1] - by[0]), Math.min(by[1] + (by[1] - by[0]), curve.y()[i]));
        py[i] = PAD + plot - (y - by[0]) / (by[1] - by[0]) * plot;
      }
      g.strokePolyline(px, py, px.length);
    }
    g.setFill(text);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    g.fillText(data.axes().get(0), PAD + plot / 2, PAD + plot + 6);
    g.fillText("●  training rows    ○  held-out test rows", PAD + plot / 2, 8);
    g.save();
    g.translate(10, PAD + plot / 2);
    g.rotate(-90);
    g.fillText(data.isClassification() ? data.axes().get(1) : data.problem().targetName(), 0, 0);
    g.restore();
    g.setTextBaseline(VPos.BASELINE);
  }

  private static Color colour(int cls) {
    return CLASS_COLOURS[Math.floorMod(cls, CLASS_COLOURS.length)];
  }
}
