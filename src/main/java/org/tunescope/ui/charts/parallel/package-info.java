/**
 * The parallel-coordinates chart: a Control ({@link org.tunescope.ui.charts.parallel.ParallelCoordinatesChart})
 * fed by a model of axes, positions and brushes, and a skin composed of a tool bar, a brush interaction,
 * an overlay painter and a line renderer that rasterises the lines on a background thread.
 */
package org.tunescope.ui.charts.parallel;
