#!/bin/sh
# measure-themes.sh: the time and peak memory of `cairn themes FILE` at
# sizes up to its limit (1 MB), for many paragraphs and for one long line,
# text and --json. The reader should grow no faster than the text: twice
# the text, about twice the time and memory. Needs GNU time (/usr/bin/time).
set -eu
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/cairn" ./cmd/cairn
para="Numbers, if I'm honest: I keep a spreadsheet of every run, but what gets me out in February is the hour that is mine, the hills with friends, and the quiet before the house wakes. I'd rather not race again."
for kb in 128 256 512 1020; do
	: >"$dir/paras.txt"
	while [ "$(wc -c <"$dir/paras.txt")" -lt $((kb * 1024 - 300)) ]; do
		for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do printf '%s\n\n' "$para"; done >>"$dir/paras.txt"
	done
	tr '\n' ' ' <"$dir/paras.txt" >"$dir/line.txt"
	for f in paras line; do
		for mode in text json; do
			flag=""
			[ "$mode" = json ] && flag="--json"
			/usr/bin/time -f "$kb KB $f $mode: %e s, %M KB peak" "$dir/cairn" themes $flag "$dir/$f.txt" >/dev/null
		done
	done
done
