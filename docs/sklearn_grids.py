#!/usr/bin/python3
"""scikit-learn GridSearchCV on breast_cancer, 5-fold stratified, n_jobs=2, train scores recorded.
(a) SVC rbf + StandardScaler: C = logspace(-2, 3, 10) x gamma = logspace(-4, 1, 10)
(b) RandomForestClassifier: n_estimators {50,100,200} x max_depth {2,4,8,16,None} x max_features {sqrt, 0.5}
Prints wall seconds (fit + refit) and the best mean validation accuracy of each.
Usage: sklearn_grids.py DATA.csv [a|b]   (a or b alone runs one grid; both by default)"""
import sys, time
import numpy as np, pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

df = pd.read_csv(sys.argv[1])
X = df.drop(columns=["target"]).to_numpy(float); y = df["target"].to_numpy()
cv = StratifiedKFold(5)
runs = {
    "a_svm_grid": (Pipeline([("sc", StandardScaler()), ("svc", SVC(kernel="rbf"))]),
                   {"svc__C": np.logspace(-2, 3, 10), "svc__gamma": np.logspace(-4, 1, 10)}),
    "b_forest_grid": (RandomForestClassifier(random_state=0),
                      {"n_estimators": [50, 100, 200], "max_depth": [2, 4, 8, 16, None],
                       "max_features": ["sqrt", 0.5]}),
}
only = sys.argv[2] if len(sys.argv) > 2 else None
for name, (est, grid) in runs.items():
    if only is not None and not name.startswith(only + "_"):
        continue
    gs = GridSearchCV(est, grid, cv=cv, n_jobs=2, return_train_score=True)
    t = time.perf_counter(); gs.fit(X, y); w = time.perf_counter() - t
    print(f"{name}: {w:.2f} s, {len(gs.cv_results_['params'])} candidates, best validation accuracy {gs.best_score_:.4f} {gs.best_params_}")
