// Package welcome is the first screen: on a first run it explains the
// exercise, a line for each step; on later runs it says when the runner was last
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

// steps are the exercise as the first run explains it: one line for each
// step of the header's trail, under the same name, in a long and a short
// form for windows with less room.
var steps = []struct {
	step        common.Screen
	long, short string
}{
	{common.Reflect, "eight questions about your running. Write freely; no editing yet.", "eight questions, written freely"},
	{common.Values, "pick a few core values, and how running could serve each one.", "what matters to you"},
	{common.Themes, "look for the themes in your answers, and name the one that matters most.", "what your answers keep saying"},
	{common.Goals, "draft small, medium and big goals beside those themes, then check them.", "small, medium and big goals"},
	{common.Summary, "the whole season on one page.", "the season on one page"},
}

// View renders the screen. The choices are what matter: when the window
// is short, the explanation gets shorter first, and never pushes them out
// of sight.
func (m Model) View() string {
	s := m.env.Styles
	block := func(style lipgloss.Style, text string) string {
		return style.Render(common.Wrap(text, m.width))
	}
	var choices []string
	for i, c := range m.choices {
		if i == m.cursor {
			choices = append(choices, s.Selected.Render(common.Truncate("› "+c.label, m.width)))
		} else {
			choices = append(choices, s.Text.Render(common.Truncate("  "+c.label, m.width)))
		}
	}
	menu := strings.Join(choices, "\n")

	if !m.visit.First() {
		now := m.env.Now()
		return strings.Join([]string{
			block(s.Title, "Welcome back."),
			block(s.Text, fmt.Sprintf("You were last here %s.", Since(now, m.visit.LastActive))),
			block(s.Muted, fmt.Sprintf("You have answered %d of %d questions and drafted %s.",
				m.visit.Answered, m.visit.Questions, common.Plural(m.visit.Goals, "goal", "goals"))),
			"",
			menu,
		}, "\n")
	}

	title := block(s.Title, "A quiet place to work out why you run, and what to aim for next.")
	note := block(s.Muted, "Everything saves as you type. Quit any time; you will come back to the same spot.")
	list := func(short bool) string {
		var lines []string
		for i, st := range steps {
			text := st.long
			if short {
				text = st.short
			}
			line := fmt.Sprintf("%s: %s", st.step.Title(), text)
			if short {
				line = common.Truncate(line, m.width-3)
			} else {
				// Wrapped lines hang under the words, clear of the number.
				line = strings.ReplaceAll(common.Wrap(line, max(m.width-3, 1)), "\n", "\n   ")
			}
			lines = append(lines, s.Text.Render(fmt.Sprintf("%d  %s", i+1, line)))
		}
		return strings.Join(lines, "\n")
	}
	long, short := list(false), list(true)
	for _, parts := range [][]string{
		{title, "", long, "", note, "", menu},
		{title, "", short, "", note, "", menu},
		{title, "", short, "", menu},
		{title, short, menu},
		{short, menu},
	} {
		if v := strings.Join(parts, "\n"); m.height <= 0 || lipgloss.Height(v) <= m.height {
			return v
		}
	}
	return menu
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
