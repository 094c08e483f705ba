/** The Compare window: several studies of different models on the same data and folds, side by side. */
package org.tunescope.ui.compare;
