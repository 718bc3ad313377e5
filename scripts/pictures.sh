#!/usr/bin/env bash
# Makes the pictures of cairn's screens that the README shows, from the
# running app: it starts the real binary in tmux at a fixed size on a
# workbook filled through the store (scripts/populate -evening), walks to
# each screen, captures it with its colours (tmux capture-pane -e) and
# renders it to PNG with freeze, pinned as a Go tool in go.mod. Run it
# again whenever a screen changes; it writes docs/screens/*.png.
# Needs Go and tmux, and for every symbol to show, rsvg-convert
# (librsvg2-bin) and DejaVu Sans Mono: without rsvg-convert, freeze's own
# renderer knows only its own font, which has no ★, ♥ or ↳. Not run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
cols=${COLS:-120}
rows=${ROWS:-32}
# freeze's own font (JetBrains Mono) has no ★ or ⚑, which cairn draws; a
# font that has them is used when there is one. FONT picks another.
font=${FONT:-}
for f in /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf /usr/share/fonts/TTF/DejaVuSansMono.ttf \
	/Library/Fonts/DejaVuSansMono.ttf; do
	if [ -z "$font" ] && [ -f "$f" ]; then font=$f; fi
done
if ! command -v rsvg-convert >/dev/null; then
	echo "no rsvg-convert: ★, ♥ and ↳ will show as boxes (apt-get install librsvg2-bin)" >&2
fi
fontflags=()
if [ -n "$font" ]; then
	fontflags=(--font.file "$font" --font.family "DejaVu Sans Mono")
else
	echo "no DejaVu Sans Mono: ★ and ⚑ may show as boxes (set FONT to a font that has them)" >&2
fi
out=docs/screens
tmp=$(mktemp -d)
sock="cairn-pictures-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
mkdir -p "$out"

go build -o "$tmp/cairn" ./cmd/cairn
go build -o "$tmp/freeze" github.com/charmbracelet/freeze
go run ./scripts/populate -evening "$tmp/evening.db"
printf 'set -g status off\nset -g remain-on-exit on\n' >"$tmp/tmux.conf"

# start runs cairn on a workbook. Inside tmux, Lip Gloss would keep to 256
# colours (tmux does not pass on COLORTERM): cairn is told it runs in a
# true-colour xterm, so the pictures have the colours a runner sees.
start() {
	tmux -L "$sock" kill-server 2>/dev/null || true
	tmux -L "$sock" -f "$tmp/tmux.conf" new-session -d -s main -x "$cols" -y "$rows" \
		-e COLORTERM=truecolor "env -u TMUX TERM=xterm-256color '$tmp/cairn' --db '$1'"
}

screen() { tmux -L "$sock" capture-pane -p -t main; }

keys() { tmux -L "$sock" send-keys -t main "$@"; }

# waitfor waits until the screen shows every text given, then until it is
# still: the save mark and the last frame settle before a picture.
waitfor() {
	local deadline=$((SECONDS + 10)) text
	for text in "$@"; do
		until screen | grep -qF -- "$text"; do
			if ((SECONDS > deadline)); then
				echo "the screen never showed \"$text\":" >&2
				screen >&2
				exit 1
			fi
			sleep 0.05
		done
	done
	local before=""
	until [ "$before" = "$(screen)" ]; do
		before=$(screen)
		sleep 0.3
	done
}

# choose moves down the welcome's menu to the choice given and takes it.
choose() {
	local deadline=$((SECONDS + 10))
	until screen | grep -qF -- "› $1"; do
		if ((SECONDS > deadline)); then
			echo "the menu never offered \"$1\":" >&2
			screen >&2
			exit 1
		fi
		keys Down
		sleep 0.1
	done
	keys Enter
}

# shot captures the screen with its colours and renders it.
shot() {
	tmux -L "$sock" capture-pane -e -p -t main >"$tmp/$1.ansi"
	"$tmp/freeze" --language ansi "${fontflags[@]}" --width $((cols * 9 + 40)) --padding 20 \
		--output "$out/$1.png" <"$tmp/$1.ansi" >/dev/null
	echo "$out/$1.png"
}

# The first run, on a new workbook.
start "$tmp/new.db"
waitfor "Begin"
shot welcome
keys C-c

# The evening's workbook, continuing on the third question.
start "$tmp/evening.db"
waitfor "Welcome back." "Continue where you left off"
keys Enter
waitfor "Question 3 of 8" "words"
shot question
for _ in $(seq 5); do keys Tab; done # on through the questions
waitfor "Question 8 of 8"
keys Tab
waitfor "Pick a few values"
keys Down Down Down Down Down # to Calm, picked, with what was written for it
waitfor "An easy loop after a night shift"
shot values
keys Tab # the themes, Competition selected, its evidence beside it
waitfor "Competition · you'd rather not" "I hate races"
shot themes
keys Tab Tab Tab # the notes, what matters most, then the board
waitfor "Next step this week"
shot board
keys i
waitfor "Goal ideas"
shot ideas
keys Escape
waitfor "a add"
keys Tab
waitfor "What matters most"
shot summary
keys C-o # the journal: three weeks of runs against a plan of three a week
waitfor "Your running journal" "planned runs this week"
shot journal
keys i
waitfor "Weekly distance" "reached your plan"
shot insights
keys q

# The season before this one, beside it.
start "$tmp/evening.db"
waitfor "Welcome back." "Season over season"
choose "Season over season"
waitfor "What changed" "Spring"
shot seasons
keys q
