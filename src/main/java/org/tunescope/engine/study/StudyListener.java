package org.tunescope.engine.study;

/**
 * Receives a study's events, on the worker threads that produce them: implementations must be
 * thread-safe and quick (a UI batches them onto its own thread).
 */
@FunctionalInterface
public interface StudyListener {

  void onEvent(StudyEvent event);

  StudyListener NONE = event -> { };
}
