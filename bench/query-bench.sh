#!/usr/bin/env bash
# The queries of the performance issue, as commands, on 1,000,000 generated
# events (bench/make_events_db.cpp). Given a release build directory, makes
# the database once (BUILD/bench-data/events-1m.db, about a minute; made
# again when this build cannot read it), then measures the wall time of each
# command with /usr/bin/time -f '%e %M', median of --runs runs after one
# warm-up run, output to /dev/null:
#
#   chronicle --db DB timeline --from 2021-03-01 --to 2021-03-31   (< 100 ms)
#   chronicle --db DB sql "SELECT * FROM chronology_by_month"      (< 100 ms)
#   chronicle --db DB export --format ndjson                       (>= 200,000 events/s: N / wall)
#
# Prints one line per measurement on stdout, tab-separated:
#   name  value  unit  target  ok|MISSED
# and the runs (wall seconds, peak RSS) on stderr. Exits 0 when it measured,
# whatever the verdicts; 1 when something failed, 2 on a usage error.
#
#   bench/query-bench.sh BUILD_DIR [--runs N] [--events N]
#
# The in-process figures of the same paths: BUILD/bench/chronicle_bench
# --benchmark_filter=Query (bench/query_bench.cpp, same database).
set -euo pipefail

usage() { sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; }
build=
runs=3
events=1000000
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=${2:-}; shift 2 ;;
    --events) events=${2:-}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "query-bench: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) [ -z "$build" ] || { echo "query-bench: one build directory only" >&2; exit 2; }; build=$1; shift ;;
  esac
done
[ -n "$build" ] || { echo "query-bench: give the release build directory, e.g. bench/query-bench.sh build-release" >&2; exit 2; }
[[ $runs =~ ^[0-9]+$ && $runs -gt 0 ]] || { echo "query-bench: --runs takes a whole number" >&2; exit 2; }
[[ $events =~ ^[0-9]+$ && $events -gt 0 ]] || { echo "query-bench: --events takes a whole number" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "query-bench: /usr/bin/time is missing (Debian package: time)" >&2; exit 1; }

build=$(cd "$build" && pwd)
bin=$build/chronicle
gen=$build/bench/chronicle_make_events_db
for f in "$bin" "$gen"; do
  [ -x "$f" ] || { echo "query-bench: $f not built (cmake --build $build --target chronicle chronicle_make_events_db)" >&2; exit 1; }
done
if [ "$events" = 1000000 ]; then db=$build/bench-data/events-1m.db; else db=$build/bench-data/events-$events.db; fi
mkdir -p "$(dirname "$db")"

# The database: made once, and again when this build refuses it (a schema
# older than the build's, say). The generator writes DB.tmp and renames it.
if [ ! -s "$db" ] || ! "$bin" --db "$db" sql "SELECT 1" >/dev/null 2>&1; then
  rm -f "$db" "$db-wal" "$db-shm"
  echo "query-bench: making $db ($events events)" >&2
  "$gen" --events "$events" --seed 1 --out "$db" >&2
fi
n=$("$bin" --db "$db" sql "SELECT count(*) FROM events" --format tsv --no-header)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# measure NAME CMD...: one warm-up run, then $runs runs; sets `wall` (the
# median, seconds) and `rss` (the largest, KB).
measure() {
  local name=$1 k walls=() rsses=()
  shift
  "$@" > /dev/null 2> "$tmp/err" || { echo "query-bench: $name failed: $*" >&2; cat "$tmp/err" >&2; exit 1; }
  for ((k = 0; k < runs; k++)); do
    /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" > /dev/null 2> "$tmp/err" || {
      echo "query-bench: $name failed: $*" >&2
      cat "$tmp/err" >&2
      exit 1
    }
    read -r w r < "$tmp/time"
    walls+=("$w")
    rsses+=("$r")
  done
  wall=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  rss=$(printf '%s\n' "${rsses[@]}" | sort -n | tail -1)
  echo "query-bench: $name: wall ${walls[*]} s (median $wall), peak RSS $rss KB" >&2
}
verdict() { awk -v a="$1" -v b="$2" "BEGIN { exit !(a $3 b) }" && echo ok || echo MISSED; }

measure timeline "$bin" --db "$db" timeline --from 2021-03-01 --to 2021-03-31
ms=$(awk -v s="$wall" 'BEGIN { printf "%d", s * 1000 + 0.5 }')
printf 'timeline_month_wall\t%s\tms\t< 100 ms\t%s\n' "$ms" "$(verdict "$ms" 100 '<')"

measure months "$bin" --db "$db" sql "SELECT * FROM chronology_by_month"
ms=$(awk -v s="$wall" 'BEGIN { printf "%d", s * 1000 + 0.5 }')
printf 'counts_per_month_wall\t%s\tms\t< 100 ms\t%s\n' "$ms" "$(verdict "$ms" 100 '<')"

measure export "$bin" --db "$db" export --format ndjson
rate=$(awk -v n="$n" -v s="$wall" 'BEGIN { printf "%d", (s > 0 ? n / s : n / 0.005) }')
printf 'export_ndjson_rate\t%s\tevents/s\t>= 200000 events/s\t%s\n' "$rate" "$(verdict "$rate" 200000 '>=')"
