/**
 * Reading data: CSV (Commons CSV), ARFF (our own reader) and LibSVM into columns, the target and the task
 * inferred from it, column summaries for the preview, and the bundled sample datasets.
 */
package org.tunescope.ml.data;
