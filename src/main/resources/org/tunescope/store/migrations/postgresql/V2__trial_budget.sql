-- The fraction of the training rows a trial was evaluated on: below 1 for the partial evaluations of
-- successive halving (those trials are PRUNED). Trials stored before this version ran on all rows.
ALTER TABLE trials ADD COLUMN budget DOUBLE PRECISION NOT NULL DEFAULT 1.0;
