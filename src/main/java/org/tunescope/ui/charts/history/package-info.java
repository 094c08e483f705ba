/**
 * The optimisation-history chart (a canvas chart): every trial's score against trial number or time, with
 * the best so far.
 */
package org.tunescope.ui.charts.history;
