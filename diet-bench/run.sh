#!/usr/bin/env bash
# Runs DIET's JMH suite with settings for a 2-core machine, prints one table and writes
# diet-bench/results.tsv and diet-bench/README-table.md.
#   diet-bench/run.sh           full suite: 1k/10k/100k read+generate, 1k/10k diff and apply, 10k +10 servers
#   diet-bench/run.sh --quick   smoke test: every benchmark once, briefly, at 1k (results go to target/ only)
# PostgreSQL rows need DIET_TEST_PG_URL/USER/PASSWORD (as .ci/run exports); without them they are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
if [ "${1:-}" = "--quick" ]; then quick=1; elif [ $# -gt 0 ]; then echo "usage: diet-bench/run.sh [--quick]" >&2; exit 2; fi

jar=diet-bench/target/benchmarks.jar
if [ ! -f "$jar" ]; then
  mvn -B -ntp -q -pl diet-bench -am package -DskipTests
fi
started=$(date +%s)
work=diet-bench/target/jmh
rm -rf "$work"
mkdir -p "$work"

# One fork, one thread, a fixed heap: two cores leave no room for parallel forks, and the JIT and
# GC need the other core.
if [ $quick = 1 ]; then
  avgt=(-f 1 -wi 1 -w 1s -i 1 -r 1s)
  single=(-f 1 -wi 0 -i 1)
  growth=1k; diffs=1k; applies=1k; incremental=1k; rest=1k
  out=diet-bench/target
else
  avgt=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
  single=(-f 1 -wi 1 -i 3)
  growth=1k,10k,100k; diffs=1k,10k; applies=1k,10k; incremental=10k; rest=1k
  out=diet-bench
fi

available=$(java -jar "$jar" -l)
notes=()
pg=0
if pg_version=$(java -cp "$jar" dev.diet.bench.PgDatabases); then
  pg=1
  notes+=("Database: $pg_version on the same machine.")
else
  notes+=("PostgreSQL rows skipped: $pg_version.")
fi

run() { # name size-list mode-args...
  local name=$1 sizes=$2; shift 2
  if ! grep -q "\.$name\$" <<<"$available"; then
    notes+=("$name: not in this build of the benchmarks jar.")
    return
  fi
  echo "== $name (size $sizes)" >&2
  if ! java -jar "$jar" "\.$name\$" -p size="$sizes" "$@" -foe true -rf json -rff "$work/$name.json" -o "$work/$name.log"; then
    notes+=("$name: failed, see $work/$name.log.")
    rm -f "$work/$name.json"
  fi
}

run read "$growth" "${avgt[@]}"
run generate "$growth" "${avgt[@]}"
run diff_nochange "$diffs" "${avgt[@]}"
run diff_drift1pct "$diffs" "${avgt[@]}"
run apply_h2 "$applies" "${single[@]}"
run apply_rest "$rest" "${single[@]}"
if [ $pg = 1 ]; then
  run copy_baseline_pg "$applies" "${single[@]}"
  run apply_pg "$applies" "${single[@]}"
  run apply_incremental_pg "$incremental" "${single[@]}"
fi

heap=$(java -Xmx6g -cp "$jar" dev.diet.bench.PeakHeap 10k)
elapsed=$(( $(date +%s) - started ))
notes+=("Peak heap: $heap.")
notes+=("Suite time: $((elapsed / 60)) min $((elapsed % 60)) s.")
command="diet-bench/run.sh"
[ $quick = 1 ] && command="diet-bench/run.sh --quick"
java -Xmx6g -cp "$jar" dev.diet.bench.Report "$work" "$out" "$command" "${notes[@]}"
echo "wrote $out/results.tsv and $out/README-table.md" >&2
