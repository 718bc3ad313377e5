#!/usr/bin/env bash
# Measures how long a plain (unbracketed) paste of about 3.5 KB takes to
# appear in an answer. A terminal without bracketed paste, or a paste tool
# that types, sends the text as single keys, as fast as it can; cairn must
# keep up with that. The text goes to tmux with `send-keys -l` in chunks,
# so tmux types it rather than pasting it, and the clock stops when the
# answer's word count shows the last word arrived.
# Needs Go and tmux. Not run by CI: timings belong in measurements, not in
# assertions (cmd/cairn/terminal_test.go checks that a paste arrives whole).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
size=${SIZE:-80x24}
tmp=$(mktemp -d)
sock="cairn-paste-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT

go build -o "$tmp/cairn" ./cmd/cairn

# About 3.5 KB of the way runners write: sentences, no new lines (a new
# line would be enter, which is a key too, but tmux -l sends it as one).
sentence="I run early, before the house wakes, and it is the only hour that is mine. "
text=""
while [ ${#text} -lt 3500 ]; do text+="$sentence"; done
words=$(wc -w <<<"$text")

ms() { echo $(( $(date +%s%N) / 1000000 )); }

for run in $(seq "$runs"); do
	db="$tmp/run$run.db"
	tmux -L "$sock" -f /dev/null new-session -d -s main -x "${size%x*}" -y "${size#*x}" \
		"exec '$tmp/cairn' --db '$db'"
	until tmux -L "$sock" capture-pane -p -t main | grep -q Begin; do sleep 0.02; done
	tmux -L "$sock" send-keys -t main Enter
	until tmux -L "$sock" capture-pane -p -t main | grep -q "Question 1 of 8"; do sleep 0.02; done
	start=$(ms)
	for ((i = 0; i < ${#text}; i += 256)); do
		tmux -L "$sock" send-keys -t main -l "${text:i:256}"
	done
	sent=$(ms)
	until tmux -L "$sock" capture-pane -p -t main | grep -q "$words words"; do
		if [ $(( $(ms) - start )) -gt 120000 ]; then echo "run $run: not on screen after 120 s"; break; fi
		sleep 0.02
	done
	shown=$(ms)
	echo "run $run: ${#text} bytes sent in $((sent - start)) ms, on screen after $((shown - start)) ms"
	tmux -L "$sock" send-keys -t main C-c
	sleep 0.5
	tmux -L "$sock" kill-server 2>/dev/null || true
done
