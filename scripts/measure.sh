#!/usr/bin/env bash
# Measures the numbers quoted in the README and in issue notes: binary size,
# time to the first frame (fresh and with a full season), and export time.
# Needs Go and python3 (for the pseudo-terminal). Not run by CI: timings
# belong in measurements, not in assertions.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/cairn" ./cmd/cairn
go build -trimpath -ldflags="-s -w" -o "$tmp/cairn-stripped" ./cmd/cairn
echo "binary: $(du -k "$tmp/cairn" | cut -f1) KiB ($(du -k "$tmp/cairn-stripped" | cut -f1) KiB stripped)"

echo -n "fresh workbook, "
python3 scripts/first_frame.py "$runs" "$tmp/cairn" --db "$tmp/fresh.db"

go run ./scripts/populate "$tmp/full.db"
echo -n "full season (8 answers of 2 KB, 12 goals), "
python3 scripts/first_frame.py "$runs" "$tmp/cairn" --db "$tmp/full.db"

start=$(date +%s%N)
for _ in $(seq "$runs"); do "$tmp/cairn" --db "$tmp/full.db" export --format json >/dev/null; done
end=$(date +%s%N)
echo "export of the full season: $(( (end - start) / runs / 1000 )) µs per run"
echo "workbook file: $(du -k "$tmp/full.db" | cut -f1) KiB"
