/** The Studies tab: the stored studies, to open, resume, export or delete. */
package org.tunescope.ui.studies;
