-- Numbers an objective recorded about a trial beyond its scores, as a JSON object (the round early
-- stopping chose: {"best_round": 57}). NULL for none, as for every trial stored before this version.
ALTER TABLE trials ADD COLUMN attributes TEXT;
