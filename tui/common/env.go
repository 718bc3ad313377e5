package common

import (
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Env is what every screen is built with: the season it writes to, the
// ledger its writes go through, the styles, the clock and the timer.
type Env struct {
	Season string
	Ledger *Ledger
	Styles *Styles
	Now    func() time.Time
	// Tick schedules a message after a delay; tea.Tick in the program.
	Tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
}

// Wrap fits text to width, breaking at spaces where it can. A width below 1
// returns text unchanged rather than one column of letters.
//
// A joined emoji ("😮‍💨", a ZWJ family) is two cells where the terminal
// joins it, but as wide as its parts where it does not (tmux, and Bubble
// Tea then measures cells the same way): a line filled to the edge by the
// first measure ran past it by the second, and its last letters were
// lost. Wrap keeps every line within width by both measures, wrapping
// text that holds such a cluster a little narrower when it must.
func Wrap(text string, width int) string {
	if width < 1 {
		return text
	}
	out := lipgloss.Wrap(text, width, " ")
	if !mayJoin(text) {
		return out
	}
	for limit := width; limit > 1; {
		over := 0
		for _, l := range strings.Split(out, "\n") {
			over = max(over, ansi.StringWidthWc(l)-width, ansi.StringWidth(l)-width)
		}
		if over <= 0 {
			break
		}
		limit = max(limit-over, 1)
		out = lipgloss.Wrap(text, limit, " ")
	}
	return out
}

// WrapIndented wraps text as Wrap does, each of its lines keeping its own
// indent on the rows it wraps to: a line that begins with spaces, or a
// bullet ("• ", "- ", "* ", "· "), wraps under its first word rather
// than back at the margin.
func WrapIndented(text string, width int) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lead := indentOf(l)
		n := ansi.StringWidth(lead)
		if n == 0 || n > width/2 {
			lines[i] = Wrap(l, width)
			continue
		}
		rows := strings.Split(Wrap(l[len(lead):], width-n), "\n")
		pad := strings.Repeat(" ", n)
		for j := range rows {
			if j == 0 {
				rows[j] = lead + rows[j]
			} else {
				rows[j] = pad + rows[j]
			}
		}
		lines[i] = strings.Join(rows, "\n")
	}
	return strings.Join(lines, "\n")
}

// indentOf is a line's leading spaces and bullet, if any.
func indentOf(l string) string {
	rest := strings.TrimLeft(l, " ")
	for _, b := range []string{"• ", "- ", "* ", "· "} {
		if strings.HasPrefix(rest, b) {
			return l[:len(l)-len(rest)+len(b)]
		}
	}
	return l[:len(l)-len(rest)]
}

// mayJoin reports runes that can join the cluster before them (joiners,
// variation selectors, skin tones, combining marks, regional indicators),
// where the two measures of width can part.
func mayJoin(s string) bool {
	for _, r := range s {
		switch {
		case r < 0x300:
		case r <= 0x36f, r == 0x200d, r >= 0xfe00 && r <= 0xfe0f, r >= 0x1f3fb && r <= 0x1f3ff,
			r >= 0x1f1e6 && r <= 0x1f1ff, r >= 0xe0020 && r <= 0xe007f:
			return true
		}
	}
	return false
}

// Truncate shortens a single line to width cells, ending it with "…" when
// anything was cut.
func Truncate(line string, width int) string {
	if width < 1 {
		return ""
	}
	return ansi.Truncate(line, width, "…")
}

// Plural returns "1 goal" or "3 goals".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
