#!/usr/bin/env bash
# Measures what encryption costs (issue 15): the Argon2id derivation at the
# default parameters, the first frame of a full season plain and encrypted
# (exec, unlock from CAIRN_PASSPHRASE_FILE, first frame), opening one
# sealed record, and the file's size. Needs Go and python3. Not run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-10}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/cairn" ./cmd/cairn
go run ./scripts/populate "$tmp/plain.db"
cp "$tmp/plain.db" "$tmp/sealed.db"
printf 'river stones at dawn\n' > "$tmp/pass"
CAIRN_PASSPHRASE_FILE="$tmp/pass" "$tmp/cairn" --db "$tmp/sealed.db" encrypt --no-recovery-key >/dev/null 2>&1

go test ./store -run '^$' -bench 'BenchmarkUnlock|BenchmarkOpenRecord' -benchtime 10x | grep Benchmark
echo -n "plain full season, "
python3 scripts/first_frame.py "$runs" "$tmp/cairn" --db "$tmp/plain.db"
echo -n "encrypted full season, unlocked from a file, "
CAIRN_PASSPHRASE_FILE="$tmp/pass" python3 scripts/first_frame.py "$runs" "$tmp/cairn" --db "$tmp/sealed.db"
start=$(date +%s%N)
for _ in $(seq "$runs"); do CAIRN_PASSPHRASE_FILE="$tmp/pass" "$tmp/cairn" --db "$tmp/sealed.db" journal -n 1 >/dev/null 2>&1; done
end=$(date +%s%N)
echo "cairn journal -n 1 on the encrypted workbook: $(( (end - start) / runs / 1000000 )) ms per run"
start=$(date +%s%N)
for _ in $(seq "$runs"); do "$tmp/cairn" --db "$tmp/plain.db" journal -n 1 >/dev/null 2>&1; done
end=$(date +%s%N)
echo "cairn journal -n 1 on the plain workbook: $(( (end - start) / runs / 1000000 )) ms per run"
echo "file: plain $(du -k "$tmp/plain.db" | cut -f1) KiB, encrypted $(du -k "$tmp/sealed.db" | cut -f1) KiB"
