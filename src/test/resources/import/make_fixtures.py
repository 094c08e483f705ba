#!/usr/bin/python3
"""Makes the import fixtures with the real tools, and writes beside each what the tool itself reports.

Run from anywhere with Debian's Python (the tools are Debian packages):

    /usr/bin/python3 src/test/resources/import/make_fixtures.py [--big N]

Made with: Debian 12 python3-optuna 3.1.0 (SQLAlchemy 1.4.46, alembic 1.8.1), python3-sklearn 1.2.1,
python3-pandas 1.5.3, Python 3.11. The script checks these versions and prints them.

Files (all in this folder):
- optuna_basic.db: Optuna 3.1 storage (schema v3.0.0.d) with two studies. "svm-basic" (maximize) has log
  floats, a stepped float, ints (one on a log scale), a categorical parameter, pruned trials with intermediate
  values (MedianPruner), failed trials, per-fold scores in user attributes, one RUNNING and one WAITING
  trial. "tiny" has three trials.
- optuna_multi.db: a two-objective study "multi" (maximize accuracy, minimize latency).
- optuna_v2.db: the same two studies in Optuna 2.x's schema (alembic revision v2.6.0.a) with the old
  distributions (UniformDistribution, LogUniformDistribution, IntUniformDistribution,
  IntLogUniformDistribution, DiscreteUniformDistribution). Optuna 3.1 cannot write those any more and its
  own alembic downgrade fails at v3.0.0.c, so this file is hand-built from the documented schema: a copy of
  optuna_basic.db with the downgrade steps v3.0.0.d..v3.0.0.a done here, the distributions written back by
  Optuna's own restore_old_distribution (revision v3.0.0.a). version_info still names 3.1.0.
- optuna_v2_0.db: the same two studies in the schema of Optuna 2.0 to 2.3 (alembic revision v1.3.0.a): one
  direction per study (studies.direction), the final value in trials.value, intermediate values in
  trial_values (trial_id, step, value). Hand-built the same way from optuna_v2.db: what the downgrade of
  revision v2.4.0.a does.
- cv_grid.csv: pandas.DataFrame(GridSearchCV(...).cv_results_).to_csv(...), a decision tree on breast cancer,
  max_depth (with None) x criterion, 5 folds, return_train_score=True.
- cv_random_multi.csv: a RandomizedSearchCV of a random forest, scoring accuracy and roc_auc, 3 folds,
  return_train_score=True, a boolean parameter.
- *.expected.json: what Optuna / scikit-learn report for each file.
- --big N: also writes /tmp/optuna_big.db with one study of N trials (the import benchmark); not checked in.
"""
import json
import math
import os
import shutil
import sys

import alembic
import alembic.command
import numpy as np
import optuna
import pandas
import sklearn
import sqlalchemy
from scipy.stats import loguniform, randint, uniform
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GridSearchCV, RandomizedSearchCV
from sklearn.tree import DecisionTreeClassifier

HERE = os.path.dirname(os.path.abspath(__file__))
VERSIONS = {"optuna": optuna.__version__, "sklearn": sklearn.__version__, "pandas": pandas.__version__,
            "sqlalchemy": sqlalchemy.__version__, "alembic": alembic.__version__,
            "python": sys.version.split()[0]}
optuna.logging.set_verbosity(optuna.logging.ERROR)


def fresh(path):
    if os.path.exists(path):
        os.remove(path)
    return "sqlite:///" + path


def svm_objective(trial):
    """A made-up but deterministic objective with the shapes of a real one: folds, epochs, failures."""
    c = trial.suggest_float("C", 1e-3, 1e3, log=True)
    gamma = trial.suggest_float("gamma", 1e-4, 1e1, log=True)
    kernel = trial.suggest_categorical("kernel", ["rbf", "linear", "poly"])
    degree = trial.suggest_int("degree", 1, 5)
    leaf = trial.suggest_int("min_leaf", 1, 64, log=True)
    dropout = trial.suggest_float("dropout", 0.0, 0.5, step=0.1)
    if kernel == "poly" and degree >= 4:
        raise ValueError("poly kernel of degree %d did not converge" % degree)
    base = 0.95 - 0.02 * abs(math.log10(c) - 1) - 0.015 * abs(math.log10(gamma) + 2) - 0.01 * dropout
    base -= 0.002 * math.log2(leaf) + (0.03 if kernel == "linear" else 0.0) + 0.005 * degree
    score = 0.0
    for step in range(5):
        score = base - 0.1 / (step + 1)
        trial.report(score, step)
        if trial.should_prune():
            raise optuna.TrialPruned()
    folds = [round(score + d, 6) for d in (-0.01, 0.0, 0.013)]
    trains = [round(min(1.0, f + 0.02 + 0.01 * degree), 6) for f in folds]
    trial.set_user_attr("validation_scores", folds)
    trial.set_user_attr("train_scores", trains)
    trial.set_user_attr("note", "fold scores from a 3-fold CV")
    return sum(folds) / len(folds)


def basic(path):
    url = fresh(path)
    study = optuna.create_study(study_name="svm-basic", storage=url, direction="maximize",
                                sampler=optuna.samplers.RandomSampler(seed=0),
                                pruner=optuna.pruners.MedianPruner(n_startup_trials=5, n_warmup_steps=1))
    study.optimize(svm_objective, n_trials=30, catch=(ValueError,))
    study.enqueue_trial({"C": 1.0, "gamma": 0.01, "kernel": "rbf", "degree": 3, "min_leaf": 2, "dropout": 0.1})
    running = study.ask()  # asked and never told: RUNNING
    running.suggest_float("C", 1e-3, 1e3, log=True)
    study.enqueue_trial({"C": 2.0})  # WAITING: the enqueued trial above was taken by ask()
    tiny = optuna.create_study(study_name="tiny", storage=url, direction="minimize",
                               sampler=optuna.samplers.RandomSampler(seed=1))
    tiny.optimize(lambda t: (t.suggest_float("x", -2, 2) - 0.5) ** 2, n_trials=3)
    for s in (study, tiny):
        report(s, path)
    return study


def multi(path):
    url = fresh(path)
    study = optuna.create_study(study_name="multi", storage=url, directions=["maximize", "minimize"],
                                sampler=optuna.samplers.RandomSampler(seed=2))

    def objective(trial):
        width = trial.suggest_int("width", 8, 256, log=True)
        lr = trial.suggest_float("lr", 1e-4, 1e-1, log=True)
        accuracy = 0.7 + 0.05 * math.log2(width) / 8 - 0.05 * abs(math.log10(lr) + 2.5)
        trial.set_user_attr("train_accuracy", round(min(1.0, accuracy + 0.03), 6))
        return accuracy, width * 0.12

    study.optimize(objective, n_trials=20)
    report(study, path)


def downgraded(source, path):
    """The source study in Optuna 2.x's schema (v2.6.0.a), built from the documented schema: Optuna 3.1's
    own alembic downgrade stops at v3.0.0.c (AttributeError: no FloatTypeEnum), so this does by hand what
    the downgrade steps v3.0.0.d..a do, with Optuna's own function of revision v3.0.0.a
    (restore_old_distribution) writing the old distributions back."""
    import importlib.util
    import sqlite3
    shutil.copyfile(source, path)
    spec = importlib.util.spec_from_file_location("v300a", os.path.join(
        os.path.dirname(optuna.__file__), "storages", "_rdb", "alembic", "versions", "v3.0.0.a.py"))
    v300a = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(v300a)
    c = sqlite3.connect(path)
    for pid, dist in c.execute("SELECT param_id, distribution_json FROM trial_params").fetchall():
        c.execute("UPDATE trial_params SET distribution_json = ? WHERE param_id = ?",
                  (v300a.restore_old_distribution(dist), pid))
    c.execute("ALTER TABLE trial_values DROP COLUMN value_type")  # v3.0.0.d's downgrade
    c.execute("ALTER TABLE trial_intermediate_values DROP COLUMN intermediate_value_type")  # v3.0.0.c's
    c.execute("UPDATE alembic_version SET version_num = 'v2.6.0.a'")
    c.commit()
    names = sorted({json.loads(r[0])["name"] for r in c.execute("SELECT distribution_json FROM trial_params")})
    revision = c.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    c.execute("VACUUM")
    c.close()
    print("  %s: schema %s, distributions %s" % (os.path.basename(path), revision, ", ".join(names)))
    # The file holds the same study: the source's expected report applies.
    expected = json.load(open(expected_path(source)))
    expected["schema"] = revision
    expected["distributions_stored"] = names
    json.dump(expected, open(expected_path(path), "w"), indent=1, sort_keys=True)


def downgraded_to_2_0(source, path):
    """The source (schema v2.6.0.a) in the schema of Optuna 2.0-2.3 (v1.3.0.a): v2.4.0.a's downgrade by hand."""
    import sqlite3
    shutil.copyfile(source, path)
    c = sqlite3.connect(path)
    c.execute("ALTER TABLE studies ADD COLUMN direction VARCHAR(8) NOT NULL DEFAULT 'NOT_SET'")
    c.execute("UPDATE studies SET direction = (SELECT d.direction FROM study_directions d"
              " WHERE d.study_id = studies.study_id AND d.objective = 0)")
    c.execute("ALTER TABLE trials ADD COLUMN value FLOAT")
    c.execute("UPDATE trials SET value = (SELECT v.value FROM trial_values v"
              " WHERE v.trial_id = trials.trial_id AND v.objective = 0)")
    c.execute("DROP TABLE trial_values")
    c.execute("CREATE TABLE trial_values (trial_value_id INTEGER NOT NULL, trial_id INTEGER, step INTEGER,"
              " value FLOAT, PRIMARY KEY (trial_value_id), UNIQUE (trial_id, step),"
              " FOREIGN KEY(trial_id) REFERENCES trials (trial_id))")
    c.execute("INSERT INTO trial_values (trial_id, step, value) SELECT trial_id, step, intermediate_value"
              " FROM trial_intermediate_values ORDER BY trial_intermediate_value_id")
    c.execute("DROP TABLE trial_intermediate_values")
    c.execute("DROP TABLE study_directions")
    c.execute("UPDATE alembic_version SET version_num = 'v1.3.0.a'")
    c.commit()
    c.execute("VACUUM")
    c.close()
    expected = json.load(open(expected_path(source)))
    expected["schema"] = "v1.3.0.a"
    json.dump(expected, open(expected_path(path), "w"), indent=1, sort_keys=True)
    print("  %s: schema v1.3.0.a" % os.path.basename(path))


def expected_path(db):
    return db[:-3] + ".expected.json"


def report(study, path):
    """Writes (or adds to) the JSON of what Optuna reports for the study."""
    out = expected_path(path)
    doc = json.load(open(out)) if os.path.exists(out) and study.study_name != "svm-basic" \
        and study.study_name != "multi" else {"versions": VERSIONS, "studies": {}}
    trials = study.get_trials(deepcopy=False)
    states = {}
    for t in trials:
        states[t.state.name] = states.get(t.state.name, 0) + 1
    entry = {
        "directions": [d.name for d in study.directions],
        "trials": len(trials),
        "states": states,
        "distributions": {},
        "by_number": {},
    }
    for t in trials:
        for name, d in t.distributions.items():
            entry["distributions"][name] = json.loads(optuna.distributions.distribution_to_json(d))
        entry["by_number"][str(t.number)] = {
            "state": t.state.name,
            "params": t.params,
            "values": t.values,
            "intermediate_values": {str(k): v for k, v in sorted(t.intermediate_values.items())},
            "user_attrs": t.user_attrs,
            "datetime_start": t.datetime_start.isoformat() if t.datetime_start else None,
            "datetime_complete": t.datetime_complete.isoformat() if t.datetime_complete else None,
        }
    if len(study.directions) == 1:
        best = study.best_trial
        entry["best"] = {"number": best.number, "value": best.value, "params": best.params}
    else:
        entry["pareto_front"] = sorted(t.number for t in study.best_trials)
    doc["studies"][study.study_name] = entry
    json.dump(doc, open(out, "w"), indent=1, sort_keys=True)


def cv_expected(search, path, metrics):
    r = search.cv_results_
    n_splits = search.n_splits_
    rows = []
    for i in range(len(r["params"])):
        row = {"params": {k: (v if not isinstance(v, np.generic) else v.item()) for k, v in r["params"][i].items()},
               "mean_fit_time": float(r["mean_fit_time"][i])}
        for m in metrics:
            suffix = "score" if m is None else m
            row["test_" + suffix] = [float(r["split%d_test_%s" % (k, suffix)][i]) for k in range(n_splits)]
            key = "split0_train_%s" % suffix
            if key in r:
                row["train_" + suffix] = [float(r["split%d_train_%s" % (k, suffix)][i]) for k in range(n_splits)]
            row["rank_test_" + suffix] = int(r["rank_test_" + suffix][i])
        rows.append(row)
    best_params = {k: (v if not isinstance(v, np.generic) else v.item()) for k, v in search.best_params_.items()}
    doc = {"versions": VERSIONS, "n_splits": n_splits, "rows": rows, "best_index": int(search.best_index_),
           "best_score": float(search.best_score_), "best_params": best_params,
           "refit_metric": search.refit if isinstance(search.refit, str) else None}
    json.dump(doc, open(path[:-4] + ".expected.json", "w"), indent=1, sort_keys=True)


def cv_results():
    x, y = load_breast_cancer(return_X_y=True)
    grid = GridSearchCV(DecisionTreeClassifier(random_state=0),
                        {"max_depth": [None, 1, 2, 3, 5, 8], "criterion": ["gini", "entropy"]},
                        cv=5, return_train_score=True)
    grid.fit(x, y)
    path = os.path.join(HERE, "cv_grid.csv")
    pandas.DataFrame(grid.cv_results_).to_csv(path)
    cv_expected(grid, path, [None])

    rand = RandomizedSearchCV(RandomForestClassifier(n_estimators=10, random_state=0),
                              {"max_depth": randint(1, 10), "max_features": uniform(0.1, 0.8),
                               "min_impurity_decrease": loguniform(1e-5, 1e-2), "bootstrap": [True, False]},
                              n_iter=8, scoring={"accuracy": "accuracy", "roc_auc": "roc_auc"}, refit="roc_auc",
                              cv=3, return_train_score=True, random_state=0)
    rand.fit(x, y)
    path = os.path.join(HERE, "cv_random_multi.csv")
    pandas.DataFrame(rand.cv_results_).to_csv(path)
    cv_expected(rand, path, ["accuracy", "roc_auc"])


def big(n, path):
    """A study of n trials for the import benchmark, written in one go through Optuna's own API."""
    url = fresh(path)
    study = optuna.create_study(study_name="big", storage=url, direction="maximize",
                                sampler=optuna.samplers.RandomSampler(seed=3))
    dists = {"C": optuna.distributions.FloatDistribution(1e-3, 1e3, log=True),
             "gamma": optuna.distributions.FloatDistribution(1e-4, 1e1, log=True),
             "depth": optuna.distributions.IntDistribution(1, 20),
             "kernel": optuna.distributions.CategoricalDistribution(["rbf", "linear", "poly"])}
    rng = np.random.default_rng(3)
    batch = []
    for i in range(n):
        params = {"C": float(10 ** rng.uniform(-3, 3)), "gamma": float(10 ** rng.uniform(-4, 1)),
                  "depth": int(rng.integers(1, 21)), "kernel": ["rbf", "linear", "poly"][int(rng.integers(3))]}
        v = float(rng.uniform(0.6, 0.99))
        batch.append(optuna.trial.create_trial(params=params, distributions=dists, value=v,
                                               intermediate_values={0: v - 0.1, 1: v - 0.05, 2: v},
                                               user_attrs={"train_score": min(1.0, v + 0.02)}))
    study.add_trials(batch)
    print("  %s: %d trials" % (path, n))


def main():
    print("versions: " + ", ".join("%s %s" % kv for kv in VERSIONS.items()))
    if "--big" in sys.argv:
        big(int(sys.argv[sys.argv.index("--big") + 1]), "/tmp/optuna_big.db")
        return
    basic_db = os.path.join(HERE, "optuna_basic.db")
    basic(basic_db)
    multi(os.path.join(HERE, "optuna_multi.db"))
    downgraded(basic_db, os.path.join(HERE, "optuna_v2.db"))
    downgraded_to_2_0(os.path.join(HERE, "optuna_v2.db"), os.path.join(HERE, "optuna_v2_0.db"))
    cv_results()
    for f in sorted(os.listdir(HERE)):
        print("  %s %d bytes" % (f, os.path.getsize(os.path.join(HERE, f))))


if __name__ == "__main__":
    main()
