/**
 * Chart controls, a leaf of the ui: each draws the plain properties it is given (trials, scores, a model of
 * the curve) in the theme's colours and fires events; none knows a feature's view model. One package per chart.
 */
package org.tunescope.ui.charts;
