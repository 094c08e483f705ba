/**
 * The run: the run bar (start, cancel, progress, best score), the live trials table, and the view model that
 * follows a running or reopened study.
 */
package org.tunescope.ui.run;
