-- Studies imported from another tool (an Optuna storage, scikit-learn's cv_results_): where each came from,
-- so that resume refuses it and importing it again updates it. Studies TuneScope ran have no row here.
CREATE TABLE study_imports (
  study_id     BIGINT  PRIMARY KEY REFERENCES studies (id) ON DELETE CASCADE,
  origin       TEXT    NOT NULL,  -- 'optuna' or 'cv-results'
  source       TEXT    NOT NULL,  -- the file (absolute path) or storage URL it was read from
  source_study TEXT,              -- the study's name in the source, when the source names studies
  objective    INTEGER NOT NULL,  -- which objective (or metric) is the trials' validation score
  objectives   TEXT    NOT NULL,  -- JSON array: every objective's name and direction, in the source's order
  space        TEXT    NOT NULL,  -- JSON object: parameter -> distribution (type, low, high, log, values)
  declarations TEXT    NOT NULL,  -- JSON object: parameter -> the source's own declaration, as text
  imported     TEXT    NOT NULL   -- ISO-8601 instant of the last import
);

-- What an imported trial holds beyond a TuneScope trial: every objective's value, the intermediate values
-- (its learning curve), its user attributes and when it completed in the source.
CREATE TABLE imported_trials (
  study_id        BIGINT  NOT NULL REFERENCES studies (id) ON DELETE CASCADE,
  number          INTEGER NOT NULL,
  source_id       TEXT,              -- the trial's id in the source
  completed       TEXT,              -- ISO-8601 instant
  trial_values    TEXT    NOT NULL,  -- JSON array, one number (or null) per objective
  intermediate    TEXT    NOT NULL,  -- JSON array of [step, value]
  user_attributes TEXT    NOT NULL,  -- JSON object: key -> the value as JSON text
  PRIMARY KEY (study_id, number)
);
