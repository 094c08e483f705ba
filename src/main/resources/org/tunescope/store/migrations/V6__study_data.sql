-- A copy of each study's data file, so that a worker on another machine can run the study without it:
-- the file's bytes gzipped, one row per SHA-256 (studies on the same file share it; studies.dataset_sha256
-- points here). A file too large to keep has no row; its workers are given the file with --data.
CREATE TABLE study_data (
  sha256     TEXT    PRIMARY KEY,
  file_name  TEXT    NOT NULL,  -- the original name, for its extension
  format     TEXT    NOT NULL,  -- CSV, ARFF or LIBSVM: the reader it was loaded with
  size       INTEGER NOT NULL,  -- bytes of the original file
  compressed BLOB    NOT NULL,  -- gzip of the original file's bytes
  stored     TEXT    NOT NULL   -- ISO-8601 instant
);
