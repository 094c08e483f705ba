/** Step 2, the model: the catalog's models for the task, each with what it is. */
package org.tunescope.ui.model;
