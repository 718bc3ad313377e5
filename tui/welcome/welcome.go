// Package welcome is the first screen: on a first run it explains the
// exercise, a line for each step; on later runs it says how long the
// runner has been away, what is resting and due for another look, which
// goals are being worked toward, last week's steps to look back on, and
// offers to continue exactly where they left off — or, after a long gap or
// a big goal reached, a new season. The menu keeps one order whatever the
// resume point, so a key pressed from memory lands where it did last time.
package welcome

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cairn-run/cairn/seasons"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
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
	// Return is what the runner finds coming back (seasons.Returning).
	Return seasons.Return
	// Seasons counts the seasons in the workbook: with more than one, the
	// comparison and the past seasons are offered.
	Seasons int
	// OfferPassphrase offers, on a first run, to keep the workbook under
	// a passphrase: one quiet choice below Begin, never in the way.
	OfferPassphrase bool
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
	common.ReadOnly

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
		if v.OfferPassphrase {
			m.choices = append(m.choices, choice{"Keep it private with a passphrase (optional)", common.NavigateMsg{To: common.Welcome, Question: -1, Passphrase: true}})
			return m
		}
		m.keys.Up.SetEnabled(false)
		m.keys.Down.SetEnabled(false)
		return m
	}
	r := v.Return
	m.choices = []choice{{"Continue where you left off: " + describe(v.Resume, v.Questions), v.Resume}}
	if n := len(r.Unchecked); n > 0 {
		m.choices = append(m.choices, choice{fmt.Sprintf("Look back on last week's small goals (%d)", n),
			common.NavigateMsg{To: common.Goals, Question: -1, Board: common.BoardWeek}})
	}
	if n := len(r.Due); n > 0 {
		m.choices = append(m.choices, choice{fmt.Sprintf("Take another look at what has rested (%d)", n),
			common.NavigateMsg{To: common.Goals, Question: -1, Board: common.BoardLook}})
	}
	m.choices = append(m.choices,
		choice{"Read back from the first question", common.NavigateMsg{To: common.Reflect, Question: 0}},
		choice{"Go to the goal board", common.NavigateMsg{To: common.Goals, Question: -1}},
		choice{"See the summary", common.NavigateMsg{To: common.Summary, Question: -1}},
	)
	season := choice{"Start a new season", common.NavigateMsg{To: common.NewSeason, Question: -1, Why: r.Offer}}
	if r.Offer != workbook.FirstSeason {
		season.label += ": " + r.Offer.Words()
	}
	m.choices = append(m.choices, season)
	if r.Offer == workbook.BackAfterBreak {
		// Back after a long gap, the new season is what is offered.
		m.cursor = len(m.choices) - 1
	}
	if v.Seasons > 1 {
		m.choices = append(m.choices,
			choice{"Season over season", common.GoTo(common.Compare)},
			choice{"Past seasons", common.GoTo(common.History)},
		)
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
		return m.backView(block, menu)
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
	return m.menuWindow(menu)
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

// backView is the welcome back: how long it has been, then what waits,
// most pressing first, above the menu. A short window loses the lines at
// the end of the list first, and never the menu.
func (m Model) backView(block func(lipgloss.Style, string) string, menu string) string {
	s := m.env.Styles
	v, r := m.visit, m.visit.Return
	now := m.env.Now()
	away := fmt.Sprintf("You were last here %s.", Since(now, v.LastActive))
	if r.Days > 0 {
		away = fmt.Sprintf("It has been %s since you were last here.", r.Away)
	}
	var offer string
	switch r.Offer {
	case workbook.BackAfterBreak:
		offer = "After a while away, a new season is a good way back in: say why you're back, and carry over what still fits."
	case workbook.GoalReached:
		offer = "A big goal reached is a good time to do the exercise again, with a new season."
	}
	var reached string
	if len(r.Reached) > 0 {
		reached = "Reached this season: " + seasons.ActiveWords(r.Reached[:1], max(m.width-24, 20)) + "."
	}
	var active string
	if len(r.Active) > 0 {
		active = "Working toward " + seasons.ActiveWords(r.Active, max(m.width*2-20, 20)) + "."
	}
	// In order of importance: what is most worth seeing stays longest.
	parts := []struct {
		style lipgloss.Style
		text  string
	}{
		{s.Text, away},
		{s.Nudge, offer},
		{s.Nudge, seasons.DueWords(r.Due)},
		{s.Nudge, seasons.UncheckedWords(r.Unchecked, now)},
		{s.Text, active},
		{s.Muted, seasons.RestingWords(r.Resting)},
		{s.Text, reached},
		{s.Muted, fmt.Sprintf("You have answered %d of %d questions and drafted %s.",
			v.Answered, v.Questions, common.Plural(v.Goals, "goal", "goals"))},
	}
	var blocks []string
	for _, p := range parts {
		if p.text != "" {
			blocks = append(blocks, block(p.style, p.text))
		}
	}
	title := block(s.Title, "Welcome back.")
	for n := len(blocks); n >= 0; n-- {
		view := strings.Join(append(append([]string{title}, blocks[:n]...), "", menu), "\n")
		if m.height <= 0 || lipgloss.Height(view) <= m.height {
			return view
		}
	}
	if v := title + "\n" + menu; lipgloss.Height(v) <= m.height {
		return v
	}
	return m.menuWindow(menu)
}

// menuWindow shows as much of the menu as fits, the chosen entry in view.
func (m Model) menuWindow(menu string) string {
	lines := strings.Split(menu, "\n")
	if m.height <= 0 || len(lines) <= m.height {
		return menu
	}
	top := max(min(m.cursor-m.height/2, len(lines)-m.height), 0)
	return strings.Join(lines[top:top+m.height], "\n")
}
