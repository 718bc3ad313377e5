// Package common holds what every screen of the workbook shares: the screen
// names and the messages that move between them, the semantic styles, the
// text limits for answers, and the autosave machinery.
package common

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/workbook"
)

// Screen names one screen of the workbook.
type Screen int

// The screens, in the order the exercise walks through them.
const (
	Welcome Screen = iota
	Reflect
	Values
	Themes
	Goals
	Summary
	// Journal is the after-run journal: beside the exercise, not a step of
	// it, reached from anywhere with the log and journal keys.
	Journal
	// NewSeason starts the next pass through the exercise; History reads
	// past seasons; Compare lays seasons side by side. All three are
	// beside the exercise, like the journal, and never a place to resume.
	NewSeason
	History
	Compare
)

// Screens are all the screens, in order. The root walks them to size,
// restyle, flush and salvage every one.
var Screens = []Screen{Welcome, Reflect, Values, Themes, Goals, Summary, Journal, NewSeason, History, Compare}

var (
	screenNames  = [...]string{"welcome", "reflect", "values", "themes", "goals", "summary", "journal", "new-season", "history", "compare"}
	screenTitles = [...]string{"Welcome", "Reflect", "Values", "Themes", "Goals", "Summary", "Journal", "New season", "Past seasons", "Season over season"}
)

// Beside reports whether s is beside the exercise rather than a step of
// it or the welcome: never a place to resume, and named on its own in the
// header.
func Beside(s Screen) bool { return s >= Journal }

// String returns the screen's stable name, which is also how a Place stores it.
func (s Screen) String() string {
	if s < 0 || int(s) >= len(screenNames) {
		return "unknown"
	}
	return screenNames[s]
}

// Title is the screen's name in the header's trail.
func (s Screen) Title() string {
	if s < 0 || int(s) >= len(screenTitles) {
		return ""
	}
	return screenTitles[s]
}

// ParseScreen turns a stored name back into a Screen.
func ParseScreen(name string) (Screen, bool) {
	for i, n := range screenNames {
		if n == name {
			return Screen(i), true
		}
	}
	return Welcome, false
}

// Steps are the screens shown in the header's trail, in order.
var Steps = []Screen{Reflect, Values, Themes, Goals, Summary}

// NextStep returns the step after s, or s itself at the end.
func NextStep(s Screen) Screen {
	for i, step := range Steps {
		if step == s && i+1 < len(Steps) {
			return Steps[i+1]
		}
	}
	if s == Welcome {
		return Steps[0]
	}
	return s
}

// PrevStep returns the step before s, or s itself at the start.
func PrevStep(s Screen) Screen {
	for i, step := range Steps {
		if step == s && i > 0 {
			return Steps[i-1]
		}
	}
	return s
}

// NavigateMsg asks the root to show another screen.
type NavigateMsg struct {
	To Screen
	// Question is the reflection question to open on; -1 means "wherever
	// the reflection screen already is".
	Question int
	// Resume is set on the move that continues where the last session
	// left off: the screen entered opens what was open then (the goal
	// editor, the goal ideas).
	Resume bool
	// From is the screen being left; the root fills it in.
	From Screen
	// Log opens the journal's entry form: the runner asked to log a run.
	Log bool
	// Why is the reason a new season is offered for, chosen on the new
	// season screen as it opens.
	Why workbook.Why
	// Board opens the goal board on the weekly look back or on another
	// look at resting goals.
	Board BoardOpen
	// Passphrase asks to give the workbook a passphrase: the program
	// ends, and main asks for it on a screen of its own (tui/unlock).
	Passphrase bool
}

// BoardOpen says what the goal board opens on.
type BoardOpen uint8

// What the board can open on.
const (
	BoardAsLeft BoardOpen = iota // the board as it was
	BoardWeek                    // last week's small goals, to look back on
	BoardLook                    // the goals that have rested long enough
)

// StartSeasonMsg asks the root to begin a new season as planned: every
// screen is saved first, then the season begins and the workbook opens on
// it.
type StartSeasonMsg struct {
	Plan workbook.SeasonPlan
}

// GoTo returns a NavigateMsg for screen to.
func GoTo(to Screen) NavigateMsg { return NavigateMsg{To: to, Question: -1} }

// Request is how a screen asks to move. The screen records the NavigateMsg
// during its Update and the root takes it as soon as that Update returns.
// Sending it through a command instead would let keys typed ahead (the
// first letters of an answer, right after "Begin") reach the old screen
// before the move, and be lost.
type Request struct {
	to  NavigateMsg
	set bool
}

// Navigate asks for msg.
func (r *Request) Navigate(msg NavigateMsg) { r.to, r.set = msg, true }

// Take returns the request, if any, and clears it.
func (r *Request) Take() (NavigateMsg, bool) {
	to, ok := r.to, r.set
	*r = Request{}
	return to, ok
}

// Routed is implemented by the results of a screen's own commands, so the
// root can hand them back to that screen even when another is showing.
type Routed interface {
	RouteTo() Screen
}

// StatusMsg puts a calm line in the status bar for a while.
type StatusMsg struct {
	Text string
	Err  bool
}

// Status returns a command that shows text in the status bar.
func Status(text string) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text} }
}

// ShutdownMsg asks the root to save everything and quit, as after a signal.
type ShutdownMsg struct{}

// Ref names something a goal can be linked to: a theme (from the catalog or
// the runner's own) or a core value.
type Ref struct {
	Ref  workbook.Ref
	Name string
}

// JoinRefs lists the names of refs with sep between them, starring top.
func JoinRefs(refs []Ref, top workbook.Ref, sep string) string {
	names := make([]string, 0, len(refs))
	for _, r := range refs {
		if !top.IsZero() && r.Ref == top {
			names = append(names, r.Name+" ★")
		} else {
			names = append(names, r.Name)
		}
	}
	return strings.Join(names, sep)
}
