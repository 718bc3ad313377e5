#!/usr/bin/env bash
# Measures what opening bbolt for each transaction costs (the editor's
# design that lets readers in while the app is open, store/handle.go),
# against an earlier commit that kept one handle open: the store's
# benchmarks of a save and of start-up's reads, interleaved over five
# rounds (the minimum of each is printed: the machine is shared), and the
# time to the first frame with the check at start.
#
#   scripts/measure-open.sh [REF]     REF defaults to 39f5e15
#
# Needs Go, git and python3. Not run by CI: timings belong in measurements.
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:-39f5e15}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir "$tmp/old"
git archive "$ref" | tar -x -C "$tmp/old"
(cd "$tmp/old" && go test -c -o "$tmp/old.test" ./store && go build -o "$tmp/old-cairn" ./cmd/cairn)
go test -c -o "$tmp/new.test" ./store
go build -o "$tmp/new-cairn" ./cmd/cairn

for _ in 1 2 3 4 5; do
  (cd "$tmp/old/store" && "$tmp/old.test" -test.run '^$' -test.bench 'Open|SaveAnswer' -test.benchtime 500x | grep Bench | sed 's/^/before /')
  (cd store && "$tmp/new.test" -test.run '^$' -test.bench 'Open|SaveAnswer' -test.benchtime 500x | grep Bench | sed 's/^/after  /')
done | awk '{k=$2" "$1; if(!(k in m) || $4<m[k]) m[k]=$4} END {for (k in m) printf "%-32s %8.0f µs\n", k, m[k]/1000}' | sort

go run ./scripts/populate "$tmp/full.db" >/dev/null
cp "$tmp/full.db" "$tmp/full-old.db"
go run ./scripts/populate-journal -n 10000 "$tmp/j10k.db" >/dev/null 2>&1
cp "$tmp/j10k.db" "$tmp/j10k-old.db"
for name in full j10k; do
  echo -n "before, $name: "; python3 scripts/first_frame.py 15 "$tmp/old-cairn" --db "$tmp/$name-old.db"
  echo -n "after,  $name: "; python3 scripts/first_frame.py 15 "$tmp/new-cairn" --db "$tmp/$name.db"
done
