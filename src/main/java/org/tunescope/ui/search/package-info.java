/** Step 4, the search settings: strategy, limits, folds, metric, seed, test split, workers. */
package org.tunescope.ui.search;
