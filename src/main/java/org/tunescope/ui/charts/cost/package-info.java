/**
 * The cost chart (a canvas chart): each trial's score against its fit time or memory, with the Pareto front.
 */
package org.tunescope.ui.charts.cost;
