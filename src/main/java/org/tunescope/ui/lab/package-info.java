/**
 * The overfitting lab tab: one model, one parameter on a slider, its decision regions or fitted curve beside
 * the validation curve, recomputed as the slider moves (LabView.fxml, LabView, LabViewModel, LabPlot).
 */
package org.tunescope.ui.lab;
