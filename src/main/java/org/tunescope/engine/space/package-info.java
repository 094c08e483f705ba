/**
 * Search spaces: the catalog's declared hyperparameters, the distributions a study searches and their
 * conditions, and {@link org.tunescope.engine.space.Scale}, the one place where a value's position on a
 * linear, log, integer or categorical axis, its ticks and its text are worked out.
 */
package org.tunescope.engine.space;
