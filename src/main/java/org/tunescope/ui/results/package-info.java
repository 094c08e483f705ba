/**
 * The Charts tab: feeds the run's trials into the chart controls of {@code ui.charts} and computes what they
 * draw that takes work (importance, learning curve, score against trees) in the background.
 */
package org.tunescope.ui.results;
