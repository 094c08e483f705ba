/** The parameter-importance bar chart: the share of each parameter it is given. */
package org.tunescope.ui.charts.importance;
