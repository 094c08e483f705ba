-- Comparisons (issue 18): studies of several models on the same data, target, metric and folds, side by
-- side; the ensembles of their best trials; and the fold predictions of trials that ensembles are built from.
-- (Numbered V7 after the V6 another change adds; the list in Migrations decides the order.)
CREATE TABLE comparisons (
  name     TEXT    PRIMARY KEY,
  created  TEXT    NOT NULL,  -- ISO-8601 instant
  dataset  TEXT    NOT NULL,  -- the data file, as given
  sha256   TEXT    NOT NULL,  -- the data file's SHA-256: every member study's
  target   TEXT    NOT NULL,
  metric   TEXT    NOT NULL,
  folds    TEXT    NOT NULL,  -- how the folds were made ("stratified 5-fold"), the same for every member
  seed     BIGINT  NOT NULL
);

-- The studies of a comparison, in the order they were added.
CREATE TABLE comparison_studies (
  comparison TEXT    NOT NULL REFERENCES comparisons (name) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  study_id   BIGINT  NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  PRIMARY KEY (comparison, study_id)
);

-- Ensembles of trials of a comparison's studies, scored on the comparison's folds.
CREATE TABLE comparison_ensembles (
  comparison  TEXT    NOT NULL REFERENCES comparisons (name) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  kind        TEXT    NOT NULL,  -- 'vote' or 'stack'
  members     TEXT    NOT NULL,  -- JSON array of {"study": name, "trial": number}
  fold_scores TEXT    NOT NULL,  -- JSON array of [train, validation], one per fold
  test        DOUBLE PRECISION,             -- the score on held-out test rows, when the studies hold some out
  PRIMARY KEY (comparison, position)
);

-- A trial's predictions on every fold's training and validation rows (float32, deflated): kept when asked.
CREATE TABLE trial_predictions (
  study_id    BIGINT  NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  number      INTEGER NOT NULL,
  predictions BYTEA   NOT NULL,
  PRIMARY KEY (study_id, number)
);
