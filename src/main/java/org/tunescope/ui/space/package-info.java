/** Step 3, the search space: a row per hyperparameter, a range slider or a check box per value. */
package org.tunescope.ui.space;
