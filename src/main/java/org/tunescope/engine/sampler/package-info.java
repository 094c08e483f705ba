/**
 * Samplers, the "ask" half of a study: grid, random, Sobol, TPE, genetic, successive halving and
 * Hyperband, each implementing {@link org.tunescope.engine.study.Sampler}; the learning ones search the
 * space as a unit cube through each parameter's {@link org.tunescope.engine.space.Scale}.
 */
package org.tunescope.engine.sampler;
