/**
 * Generated teaching datasets (the lab's and {@code tunescope generate}'s): known curves with noise, so that
 * under- and overfitting show plainly.
 */
package org.tunescope.ml.data.generate;
