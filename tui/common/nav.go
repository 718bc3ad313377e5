// Package common holds what every screen of the workbook shares: the screen
// names and the messages that move between them, the semantic styles, the
// text limits for answers, and the autosave machinery.
package common

import tea "charm.land/bubbletea/v2"

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
)

var screenNames = [...]string{"welcome", "reflect", "values", "themes", "goals", "summary"}

// String returns the screen's stable name, which is also how a Place stores it.
func (s Screen) String() string {
	if s < 0 || int(s) >= len(screenNames) {
		return "unknown"
	}
	return screenNames[s]
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
var Steps = []Screen{Reflect, Themes, Goals, Summary}

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

// NavigateMsg asks the root to show another screen. Screens send it instead
// of reaching into the root.
type NavigateMsg struct {
	To Screen
	// Question is the reflection question to open on; -1 means "wherever
	// the reflection screen already is".
	Question int
}

// Navigate returns a command asking for screen to.
func Navigate(to Screen) tea.Cmd {
	return func() tea.Msg { return NavigateMsg{To: to, Question: -1} }
}

// NavigateToQuestion returns a command asking for reflection question i.
func NavigateToQuestion(i int) tea.Cmd {
	return func() tea.Msg { return NavigateMsg{To: Reflect, Question: i} }
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
