-- The held-out test score of a study (tune --test-fraction, the app's test split): its best trial refitted
-- on the tuning rows and scored once on the test rows. One per study: a later best trial's score replaces it.
CREATE TABLE held_out_tests (
  study_id    BIGINT  PRIMARY KEY REFERENCES studies (id) ON DELETE CASCADE,
  trial       INTEGER NOT NULL,  -- the number of the trial refitted
  metric      TEXT    NOT NULL,
  fraction    DOUBLE PRECISION NOT NULL,  -- the share of rows held out
  seed        BIGINT  NOT NULL,  -- the split's seed
  tuning_rows INTEGER NOT NULL,
  test_rows   INTEGER NOT NULL,
  params      TEXT    NOT NULL,  -- JSON object: the parameters refitted
  train       DOUBLE PRECISION,  -- the refit's score on the tuning rows; NULL when not a number
  validation  DOUBLE PRECISION,  -- the trial's cross-validated score
  score       DOUBLE PRECISION,  -- the score on the test rows
  computed    TEXT    NOT NULL   -- ISO-8601 instant
);
