/**
 * The overfitting-curve chart (a canvas chart): train and validation score against one parameter, with bands;
 * and the learning curves an imported study recorded, one line per trial.
 */
package org.tunescope.ui.charts.curve;
