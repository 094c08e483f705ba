/** Charts of several models' trials on one frame, one colour per model: the Compare window's history and cost. */
package org.tunescope.ui.charts.models;
