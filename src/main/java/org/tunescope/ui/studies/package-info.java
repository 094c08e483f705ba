/**
 * The Studies tab: the stored studies, to open, resume, export or delete, and comparisons: compare the selected
 * studies, run a new comparison, open a stored one.
 */
package org.tunescope.ui.studies;
