package org.tunescope.ui.charts.parallel;

/** One labelled mark on an axis, at a normalised position in [0, 1] (0 at the bottom). */
public record Tick(double position, String label) {
}
