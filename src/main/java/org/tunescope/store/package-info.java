/**
 * Keeping studies: the study database (SQLite, one file, migrated on open; in memory for tests), the
 * trial ledger through which processes share a study, and results files (JSON, CSV). Knows only the
 * engine's types and its own records: no models, no user interface.
 */
package org.tunescope.store;
