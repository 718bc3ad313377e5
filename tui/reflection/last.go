package reflection

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/cairn-run/cairn/tui/common"
)

// Season over season: while answering, last season's answer to the same
// question is one key away (ctrl+r), beside the answer being written when
// the window is wide enough, above it when it is not. It is only read.

// last is the season before this one, as the screen shows it.
type last struct {
	name    string
	answers map[string]string
	shown   bool
	panel   string // drawn once per question and size
}

// SideBySide is the narrowest window the two answers sit side by side in;
// below it last season's answer sits above the new one.
const SideBySide = 90

// sideGap is the space between the two answers.
const sideGap = 3

// SetPrevious gives the screen last season's name and answers, by question
// ID. A first season has none, and the key that shows them stays off.
func (m *Model) SetPrevious(name string, answers map[string]string) {
	m.last = last{name: name, answers: answers, shown: m.last.shown && name != ""}
	m.keys.Last.SetEnabled(name != "")
	m.layout()
}

// ShowingLast reports whether last season's answer is shown.
func (m Model) ShowingLast() bool { return m.last.shown }

// toggleLast shows or hides last season's answer.
func (m Model) toggleLast() Model {
	if m.last.name == "" {
		return m
	}
	m.last.shown = !m.last.shown
	if m.last.shown {
		m.keys.Last.SetHelp("ctrl+r", "hide last season")
	} else {
		m.keys.Last.SetHelp("ctrl+r", "last season")
	}
	m.layout()
	return m
}

// sideBySide reports whether the two answers sit side by side.
func (m Model) sideBySide() bool { return m.last.shown && m.full >= SideBySide }

// writingWidth is the width of the column the answer is written in.
func (m Model) writingWidth() int {
	if m.sideBySide() {
		return min((m.full-sideGap)*3/5, MaxWriting)
	}
	return min(m.full, MaxWriting)
}

// lastPanel draws last season's answer to the question shown, in width w
// and at most h lines.
func (m Model) lastPanel(w, h int) string {
	s := m.env.Styles
	if w < 1 || h < 1 {
		return ""
	}
	head := s.Subtitle.Render(common.Truncate("Last season · "+m.last.name, w))
	text := strings.TrimSpace(m.last.answers[m.questions[m.idx].ID])
	body := s.Text.Render(common.Wrap(text, w))
	if text == "" {
		body = s.Muted.Render(common.Wrap("Not answered last season.", w))
	}
	lines := strings.Split(head+"\n"+body, "\n")
	if len(lines) > h {
		lines = append(lines[:h-1], s.Muted.Render(common.Truncate("… (the rest is in the season's summary)", w)))
	}
	return lipgloss.NewStyle().MaxWidth(w).Render(strings.Join(lines, "\n"))
}
