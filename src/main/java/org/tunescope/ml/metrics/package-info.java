/**
 * The metrics a study optimises, for classification and regression, each with the direction that is better.
 */
package org.tunescope.ml.metrics;
