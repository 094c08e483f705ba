/** Step 1, the data: open a file or a sample, choose the target and task, preview every row. */
package org.tunescope.ui.data;
