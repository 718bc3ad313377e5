#!/usr/bin/env bash
# Measures the journal's numbers in docs/PERFORMANCE.md: cairn log, cairn
# journal -n 10 and cairn export on a 10,000-run and a 100,000-run journal,
# and cairn import-runs on a folder of 10,000 GPX files, with hyperfine.
#
# To time jrnl beside it on the same runs, point JRNL at a command that
# runs jrnl with a configuration whose default journal is $JRNL_FILE (this
# script writes that file; it never fetches, installs or builds jrnl):
#
#   JRNL="python3 -m jrnl" JRNL_FILE=~/jrnl-bench/journal.txt scripts/measure-journal.sh
#
# Not run by CI: timings belong in measurements, not in assertions.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/cairn" ./cmd/cairn
jrnl_file=${JRNL_FILE:-}
go run ./scripts/populate-journal -n 10000 ${jrnl_file:+-jrnl "$jrnl_file"} "$tmp/10k.db"
go run ./scripts/populate-journal -n 100000 "$tmp/100k.db"
go run ./scripts/populate-journal -n 10000 -activities "$tmp/activities"

for n in 10k 100k; do
  c="$tmp/cairn --db $tmp/$n.db"
  hyperfine -N --warmup 3 --runs "$runs" \
    -n "cairn log ($n)" "$c log 5k 28:30 --enjoy 4 --before 2 --after 4 --tag easy --note 'hill loop'" \
    -n "cairn journal -n 10 ($n)" "$c journal -n 10" \
    -n "cairn export --format json ($n)" "$c export --format json"
done
hyperfine -N --runs 5 --prepare "rm -f $tmp/import.db" \
  -n "cairn import-runs (10,000 GPX files)" "$tmp/cairn --db $tmp/import.db import-runs $tmp/activities"

if [[ -n "${JRNL:-}" ]]; then
  hyperfine -N --warmup 3 --runs "$runs" \
    -n "jrnl (add an entry)" "$JRNL '5 km in 28:30, enjoyment 4. @easy hill loop'" \
    -n "jrnl -n 10" "$JRNL -n 10" \
    -n "jrnl --export json" "$JRNL --export json"
fi
