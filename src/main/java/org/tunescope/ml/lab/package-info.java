/**
 * The overfitting lab without its window: lessons, teaching datasets and their 2-D projection, a fit at
 * one slider value and the validation-curve study over the slider's range ({@code ui.lab} shows them).
 */
package org.tunescope.ml.lab;
