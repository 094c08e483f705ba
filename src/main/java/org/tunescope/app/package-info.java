/**
 * The application layer: a study's life for both front ends ({@link org.tunescope.app.StudyService}
 * creates, reopens and starts a study; {@link org.tunescope.app.StudyRun} runs, cancels, finishes and scores
 * it). Between ml and store below and cli and ui above; no JavaFX.
 */
package org.tunescope.app;
