/**
 * Keeping studies: the {@code StudyStore} contract with its in-memory, SQLite (one file) and PostgreSQL (shared
 * by several machines) back ends, migrated on open; the trial ledger through which workers share a study;
 * comparisons; results files (JSON, CSV). Knows only the engine's types and its own records.
 */
package org.tunescope.store;
