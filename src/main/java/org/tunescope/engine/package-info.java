/**
 * The tuning engine: search spaces, samplers, studies and trials. It knows nothing of machine learning
 * libraries or of the user interface; a study evaluates an {@link org.tunescope.engine.study.Objective}.
 */
package org.tunescope.engine;
