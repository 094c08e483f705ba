/** The overfitting-curve chart (Control + Skin): train and validation score against one parameter, with bands. */
package org.tunescope.ui.charts.curve;
