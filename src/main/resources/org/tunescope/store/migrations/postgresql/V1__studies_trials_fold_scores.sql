-- Version 1 on PostgreSQL, as migrations/V1 on SQLite: studies with their provenance, trials, their fold
-- scores, and the processes that run them. Instants are ISO-8601 text, as on SQLite, so that both stores
-- read them alike.

CREATE TABLE studies (
  id                BIGSERIAL PRIMARY KEY,
  name              TEXT    NOT NULL UNIQUE,
  model             TEXT    NOT NULL,
  task              TEXT    NOT NULL,
  metric            TEXT    NOT NULL,
  direction         TEXT    NOT NULL CHECK (direction IN ('maximize', 'minimize')),
  search            TEXT    NOT NULL,
  grid_points       INTEGER NOT NULL,
  seed              BIGINT  NOT NULL,
  folds             INTEGER NOT NULL,
  fold_method       TEXT    NOT NULL,
  dataset_path      TEXT    NOT NULL,
  dataset_sha256    TEXT    NOT NULL,
  dataset_rows      INTEGER NOT NULL,
  dataset_columns   INTEGER NOT NULL,
  target            TEXT    NOT NULL,
  space             TEXT    NOT NULL,  -- JSON object: parameter -> range in the command line's syntax
  request           TEXT    NOT NULL,  -- JSON: every setting of the tuning request, to rebuild the study
  budget_trials     INTEGER,
  budget_seconds    DOUBLE PRECISION,
  planned_trials    INTEGER,
  tunescope_version TEXT    NOT NULL,
  smile_version     TEXT    NOT NULL,
  java_version      TEXT    NOT NULL,
  cores             INTEGER NOT NULL,
  created           TEXT    NOT NULL,  -- ISO-8601 instants
  finished          TEXT
);

-- A process that runs trials: pid, host and start time, and when it last said it was alive.
CREATE TABLE owners (
  id        TEXT    PRIMARY KEY,
  pid       BIGINT  NOT NULL,
  host      TEXT    NOT NULL,
  started   TEXT    NOT NULL,
  heartbeat BIGINT  NOT NULL  -- epoch milliseconds
);

CREATE TABLE trials (
  id              BIGSERIAL PRIMARY KEY,
  study_id        BIGINT  NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  number          INTEGER NOT NULL,
  state           TEXT    NOT NULL CHECK (state IN ('running', 'complete', 'failed', 'pruned', 'interrupted')),
  seed            BIGINT  NOT NULL,
  fit_seconds     DOUBLE PRECISION,
  bytes_allocated BIGINT,
  error           TEXT,
  params          TEXT    NOT NULL,  -- JSON object, in search-space order
  train_mean      DOUBLE PRECISION,  -- derived from fold_scores, kept for quick leaderboards
  validation_mean DOUBLE PRECISION,
  started         TEXT    NOT NULL,
  finished        TEXT,
  owner           TEXT,              -- owners.id while running
  UNIQUE (study_id, number)
);

CREATE INDEX trials_by_state ON trials (study_id, state);

CREATE TABLE fold_scores (
  trial_id   BIGINT  NOT NULL REFERENCES trials (id) ON DELETE CASCADE,
  fold       INTEGER NOT NULL,
  train      DOUBLE PRECISION,
  validation DOUBLE PRECISION,
  PRIMARY KEY (trial_id, fold)
);
