/**
 * Opens the studies people already have, made by other tools: an Optuna RDB storage read with plain SQL over
 * Optuna's schema (no Python at run time), and scikit-learn's {@code cv_results_} saved as CSV. Each becomes a
 * TuneScope study in a {@code StudyStore}, marked as imported.
 */
package org.tunescope.app.importer;
