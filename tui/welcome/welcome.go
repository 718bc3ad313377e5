// Package welcome is the first screen: on a first run it explains the
// exercise in three lines; on later runs it says when the runner was last
// here and offers to continue exactly where they left off.
package welcome

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cairn-run/cairn/tui/common"
)

// Visit is what the welcome screen knows about the runner's last session.
type Visit struct {
	// LastActive is when anything was last written; zero on a first run.
	LastActive time.Time
	// Resume is where the runner left off.
	Resume    common.NavigateMsg
	Answered  int
	Questions int
	Goals     int
}

// First reports whether this is the runner's first time in the workbook.
func (v Visit) First() bool { return v.LastActive.IsZero() }

// KeyMap holds the welcome screen's keys.
type KeyMap struct {
	Up     key.Binding
	Down   key.Binding
	Choose key.Binding
}

// DefaultKeyMap returns the welcome screen's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
	}
}

// ShortHelp lists the keys for the help footer.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down, k.Choose} }

// FullHelp lists the keys for the expanded help.
func (k KeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

type choice struct {
	label string
	to    common.NavigateMsg
}

// Model is the welcome screen.
type Model struct {
	env     common.Env
	keys    KeyMap
	visit   Visit
	choices []choice
	cursor  int
	nav     common.Request

	width, height int
}

// New builds the welcome screen for a visit.
func New(env common.Env, v Visit) Model {
	m := Model{env: env, keys: DefaultKeyMap(), visit: v}
	if v.First() {
		m.choices = []choice{{"Begin", common.NavigateMsg{To: common.Reflect, Question: 0}}}
		m.keys.Up.SetEnabled(false)
		m.keys.Down.SetEnabled(false)
		return m
	}
	m.choices = []choice{{"Continue where you left off: " + describe(v.Resume, v.Questions), v.Resume}}
	for _, c := range []choice{
		{"Read back from the first question", common.NavigateMsg{To: common.Reflect, Question: 0}},
		{"Go to the goal board", common.NavigateMsg{To: common.Goals, Question: -1}},
		{"See the summary", common.NavigateMsg{To: common.Summary, Question: -1}},
	} {
		if c.to.To != v.Resume.To || (c.to.To == common.Reflect && c.to.Question != v.Resume.Question) {
			m.choices = append(m.choices, c)
		}
	}
	return m
}

// describe says in a few words where a NavigateMsg leads.
func describe(to common.NavigateMsg, questions int) string {
	switch to.To {
	case common.Reflect:
		return fmt.Sprintf("question %d of %d", to.Question+1, questions)
	case common.Values:
		return "your values"
	case common.Themes:
		return "your themes"
	case common.Goals:
		return "the goal board"
	case common.Summary:
		return "the summary"
	}
	return "the first question"
}

// TakeNavigation returns the move this screen asked for in its last
// Update, if any.
func (m *Model) TakeNavigation() (common.NavigateMsg, bool) { return m.nav.Take() }

// KeyMap returns the keys for the help footer.
func (m Model) KeyMap() KeyMap { return m.keys }

// ShortHelp lists the screen's live keys for the help footer: the screen
// is itself a help.KeyMap, as a Bubbles list is.
func (m Model) ShortHelp() []key.Binding { return m.keys.ShortHelp() }

// FullHelp lists the screen's live keys for the expanded help.
func (m Model) FullHelp() [][]key.Binding { return m.keys.FullHelp() }

// Saving returns nil: this screen writes nothing.
func (m *Model) Saving() *common.Saver { return nil }

// Typing reports that no text is being written here.
func (m Model) Typing() bool { return false }

// SetStyles applies new styles.
func (m *Model) SetStyles(s *common.Styles) { m.env.Styles = s }

// SetSize gives the screen its width and height.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// Update handles a message for this screen.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(k, m.keys.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(k, m.keys.Down):
		m.cursor = min(m.cursor+1, len(m.choices)-1)
	case key.Matches(k, m.keys.Choose):
		m.nav.Navigate(m.choices[m.cursor].to)
	}
	return m, nil
}

// View renders the screen.
func (m Model) View() string {
	s := m.env.Styles
	var b strings.Builder
	line := func(style lipgloss.Style, text string) {
		b.WriteString(style.Render(common.Wrap(text, m.width)))
		b.WriteString("\n")
	}
	if m.visit.First() {
		line(s.Title, "A quiet place to work out why you run, and what to aim for next.")
		b.WriteString("\n")
		steps := []string{
			"Reflect: eight questions about your running. Write freely; no editing yet.",
			"Look for the themes in your answers, and name the one that matters most.",
			"Draft small, medium and big goals beside those themes, then check them.",
		}
		for i, step := range steps {
			line(s.Text, fmt.Sprintf("%d  %s", i+1, step))
		}
		b.WriteString("\n")
		line(s.Muted, "Everything saves as you type. Quit any time; you will come back to the same spot.")
	} else {
		now := m.env.Now()
		line(s.Title, "Welcome back.")
		line(s.Text, fmt.Sprintf("You were last here %s.", Since(now, m.visit.LastActive)))
		line(s.Muted, fmt.Sprintf("You have answered %d of %d questions and drafted %s.",
			m.visit.Answered, m.visit.Questions, common.Plural(m.visit.Goals, "goal", "goals")))
	}
	b.WriteString("\n")
	for i, c := range m.choices {
		if i == m.cursor {
			b.WriteString(s.Selected.Render(common.Truncate("› "+c.label, m.width)))
		} else {
			b.WriteString(s.Text.Render(common.Truncate("  "+c.label, m.width)))
		}
		b.WriteString("\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// Since says how long ago then was, in the words a friend would use.
func Since(now, then time.Time) string {
	d := now.Sub(then)
	days := dayNumber(now) - dayNumber(then.In(now.Location()))
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return common.Plural(int(d/time.Minute), "minute", "minutes") + " ago"
	case days == 0:
		return "earlier today"
	case days == 1:
		return "yesterday"
	case days < 14:
		return fmt.Sprintf("%d days ago", days)
	case days < 60:
		return fmt.Sprintf("%d weeks ago", days/7)
	case days < 365:
		return fmt.Sprintf("%d months ago", days/30)
	case days < 730:
		return "over a year ago"
	}
	return fmt.Sprintf("%d years ago", days/365)
}

// dayNumber counts calendar days in t's own location, so "yesterday" means
// the day before, not 24 hours before.
func dayNumber(t time.Time) int {
	y, mo, d := t.Date()
	return int(time.Date(y, mo, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}
