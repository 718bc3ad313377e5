package common

import (
	"strconv"
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
func Wrap(text string, width int) string {
	if width < 1 {
		return text
	}
	return lipgloss.Wrap(text, width, " ")
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
