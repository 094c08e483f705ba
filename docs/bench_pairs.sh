#!/bin/bash
# Issue 13's two whole-run comparisons, side by side in one sitting: TuneScope's jar against the
# scikit-learn scripts, in alternating pairs, each process timed whole (JVM or Python start included).
#
#   mvn -B -o package -DskipTests && docs/bench_pairs.sh [ROUNDS] [JAR]     # default: 3 rounds, target/tunescope.jar
#
# Each round runs four processes back to back: TuneScope SVM grid, scikit-learn SVM grid, TuneScope
# xgboost grid, scikit-learn HistGradientBoosting grid. Prints a Markdown table: wall seconds and CPU
# seconds (user + sys) of each, their ratio TuneScope / scikit-learn, and the 1-minute load average before
# each pair (the machine must be quiet for the wall ratios to mean anything; CPU is steadier under load).
# Needs /usr/bin/python3 with scikit-learn and pandas (see docs/benchmarks.md, "Rerun").
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
JAR=${2:-target/tunescope.jar}
WORK=$(mktemp -d /tmp/bench-pairs.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
DATA20K=${BENCH_BOOST_DATA:-/tmp/boost20k.csv}
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -o package -DskipTests first" >&2; exit 2; }
[ -f "$DATA20K" ] || /usr/bin/python3 docs/sklearn_boosting_grid.py --make-data "$DATA20K"

svm_tunescope() {
  java -jar "$JAR" tune --data sample-datasets/breast_cancer.csv --target target --model svm --search grid \
    --param kernel=rbf --param C=0.01:1000:log --param gamma=0.0001:10:log --grid-points 10 --folds 5 \
    --metric accuracy --seed 0 --workers 2 --quiet --store "$WORK/svm-$1.db"
}
svm_sklearn() { /usr/bin/python3 docs/sklearn_grids.py sample-datasets/breast_cancer.csv a; }
boost_tunescope() {
  java -jar "$JAR" tune --data "$DATA20K" --target target --model xgboost --search grid --param trees=50,100 \
    --param learning_rate=0.05,0.1,0.2 --param max_depth=2,3 --fix-others --folds 3 --workers 2 --seed 0 \
    --metric accuracy --quiet --store "$WORK/boost-$1.db"
}
boost_sklearn() { /usr/bin/python3 docs/sklearn_boosting_grid.py "$DATA20K"; }

export JAR WORK DATA20K
export -f svm_tunescope svm_sklearn boost_tunescope boost_sklearn

# runs the command line "$*" (a function above) and prints "wall cpu"; keeps its output in $WORK/last.log
timed() {
  /usr/bin/time -f "%e %U %S" -o "$WORK/t" bash -c "$*" > "$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; exit 1; }
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$WORK/t"
}
load() { cut -d' ' -f1 /proc/loadavg; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
echo "| round | workload | load | TuneScope wall (CPU) | scikit-learn wall (CPU) | ratio wall (CPU) |"
echo "|---|---|---|---|---|---|"
for r in $(seq 1 "$ROUNDS"); do
  l=$(load); read -r tw tc < <(timed svm_tunescope "$r"); best_t=$(grep -m1 -E '^ +1 ' "$WORK/last.log" | awk '{print $6}')
  read -r sw sc < <(timed svm_sklearn); best_s=$(grep -o 'accuracy [0-9.]*' "$WORK/last.log" | awk '{print $2}')
  echo "| $r | SVM 10x10 (best $best_t / $best_s) | $l | $tw s ($tc s) | $sw s ($sc s) | $(ratio "$tw" "$sw") ($(ratio "$tc" "$sc")) |"
  l=$(load); read -r tw tc < <(timed boost_tunescope "$r"); best_t=$(grep -m1 -E '^ +1 ' "$WORK/last.log" | awk '{print $6}')
  read -r sw sc < <(timed boost_sklearn); best_s=$(grep -o 'accuracy [0-9.]*' "$WORK/last.log" | awk '{print $2}')
  echo "| $r | xgboost grid, 20k rows (best $best_t / $best_s) | $l | $tw s ($tc s) | $sw s ($sc s) | $(ratio "$tw" "$sw") ($(ratio "$tc" "$sc")) |"
done
