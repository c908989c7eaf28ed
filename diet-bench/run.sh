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
# GC need the other core. Full applies at 10k take tens of seconds each, so they run once (cold,
# as a user's apply is) to keep the suite under 20 minutes; everything else is averaged.
if [ $quick = 1 ]; then
  avgt=(-f 1 -wi 1 -w 1s -i 1 -r 1s)
  diffs=(-f 1 -wi 1 -w 1s -i 1 -r 1s)
  single=(-f 1 -wi 0 -i 1)
  large=(-f 1 -wi 0 -i 1)
  small=1k; growth=1k; big=""
  out=diet-bench/target
else
  avgt=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
  diffs=(-f 1 -wi 2 -w 2s -i 3 -r 3s)
  single=(-f 1 -wi 1 -i 3)
  large=(-f 1 -wi 0 -i 1)
  small=1k; growth=1k,10k,100k; big=10k
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

run() { # name sizes jmh-args...
  local name=$1 sizes=$2; shift 2
  [ -n "$sizes" ] || return 0
  if ! grep -q "\.$name\$" <<<"$available"; then
    notes+=("$name: not in this build of the benchmarks jar.")
    return
  fi
  local id="$name-${sizes//,/-}"
  echo "== $name (size $sizes) $(date -u +%H:%M:%S)" >&2
  if ! java -jar "$jar" "\.$name\$" -p size="$sizes" "$@" -foe true -rf json -rff "$work/$id.json" -o "$work/$id.log"; then
    notes+=("$name ($sizes): failed, see $work/$id.log.")
    rm -f "$work/$id.json"
  fi
}

run read "$growth" "${avgt[@]}"
run generate "$growth" "${avgt[@]}"
run diff_nochange "$small${big:+,$big}" "${diffs[@]}"
run diff_drift1pct "$small${big:+,$big}" "${diffs[@]}"
run apply_rest "$small" "${single[@]}"
run apply_h2 "$small" "${single[@]}"
run apply_h2 "$big" "${large[@]}"
if [ $pg = 1 ]; then
  run copy_baseline_pg "$small${big:+,$big}" "${single[@]}"
  run apply_pg "$small" "${single[@]}"
  run apply_pg "$big" "${large[@]}"
  run apply_incremental_pg "${big:-$small}" "${single[@]}"
fi

[ -n "$big" ] && notes+=("apply_h2 and apply_pg at $big ran once each (cold, like a user's apply): no error bar.")
heap=$(java -Xmx6g -cp "$jar" dev.diet.bench.PeakHeap 10k)
elapsed=$(( $(date +%s) - started ))
notes+=("Peak heap: $heap.")
notes+=("Suite time: $((elapsed / 60)) min $((elapsed % 60)) s.")
command="diet-bench/run.sh"
[ $quick = 1 ] && command="diet-bench/run.sh --quick"
java -Xmx6g -cp "$jar" dev.diet.bench.Report "$work" "$out" "$command" "${notes[@]}"
echo "wrote $out/results.tsv and $out/README-table.md" >&2

# The README carries the full suite's table between its bench markers, exactly as written here.
if [ $quick = 0 ] && grep -q '<!-- bench:begin -->' README.md; then
  awk -v table="$out/README-table.md" '
    /<!-- bench:begin -->/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
    /<!-- bench:end -->/ { skip = 0 }
    !skip' README.md > README.md.new && mv README.md.new README.md
  echo "updated the table in README.md" >&2
fi
