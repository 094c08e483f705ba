#!/usr/bin/python3
"""The boosting grid of issue 13 in scikit-learn, beside `tunescope tune --model xgboost`.

  /usr/bin/python3 docs/sklearn_boosting_grid.py --make-data /tmp/boost20k.csv   # the dataset, once
  /usr/bin/python3 docs/sklearn_boosting_grid.py /tmp/boost20k.csv               # the grid

Data: make_classification(20000, 20, n_informative=10, random_state=0), written as CSV with columns
x0..x19 and target (what the CLI reads). Grid: GridSearchCV(HistGradientBoostingClassifier(
early_stopping=False)) over max_iter {50, 100} x learning_rate {0.05, 0.1, 0.2} x max_depth {2, 3}, other
parameters at their defaults, 3-fold (StratifiedKFold(3), no shuffle), n_jobs=2, train scores recorded.
Prints the seconds of GridSearchCV.fit (with its refit of the best candidate) and the best mean
validation accuracy; time the whole process with /usr/bin/time to compare with a whole CLI run."""
import sys, time
import numpy as np

if sys.argv[1] == "--make-data":
    from sklearn.datasets import make_classification
    X, y = make_classification(20000, 20, n_informative=10, random_state=0)
    header = ",".join([f"x{j}" for j in range(X.shape[1])] + ["target"])
    np.savetxt(sys.argv[2], np.column_stack([X, y]), delimiter=",", header=header, comments="",
               fmt=["%.17g"] * X.shape[1] + ["%d"])
    sys.exit(0)

import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import GridSearchCV, StratifiedKFold

t0 = time.perf_counter()
df = pd.read_csv(sys.argv[1])
X = df.drop(columns=["target"]).to_numpy(float); y = df["target"].to_numpy()
grid = {"max_iter": [50, 100], "learning_rate": [0.05, 0.1, 0.2], "max_depth": [2, 3]}
gs = GridSearchCV(HistGradientBoostingClassifier(early_stopping=False), grid, cv=StratifiedKFold(3),
                  n_jobs=2, return_train_score=True)
t = time.perf_counter(); gs.fit(X, y); w = time.perf_counter() - t
print(f"boosting grid: fit {w:.2f} s (load {t - t0:.2f} s), {len(gs.cv_results_['params'])} candidates, "
      f"best validation accuracy {gs.best_score_:.4f} {gs.best_params_}")
