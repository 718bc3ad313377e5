// Package compare lays seasons side by side: what changed from each
// season to the next, in plain sentences ("Headspace is new this season;
// Competition faded"), then every question with each season's answer to
// it, newest first. It only reads.
package compare

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/seasons"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// Reader is what the comparison asks of the store: the seasons, and each
// one read whole.
type Reader interface {
	Seasons() ([]workbook.Season, error)
	Workbook(seasonID string) (workbook.Snapshot, error)
}

// SeasonsMsg brings every season, oldest first.
type SeasonsMsg struct {
	Seasons []workbook.Snapshot
	Err     error
}

// RouteTo sends the seasons to the comparison.
func (SeasonsMsg) RouteTo() common.Screen { return common.Compare }

// Read reads every season.
func Read(st Reader) tea.Cmd {
	return func() tea.Msg {
		headers, err := st.Seasons()
		if err != nil {
			return SeasonsMsg{Err: err}
		}
		var out []workbook.Snapshot
		for _, h := range headers {
			wb, err := st.Workbook(h.ID)
			if err != nil {
				return SeasonsMsg{Err: err}
			}
			out = append(out, wb)
		}
		return SeasonsMsg{Seasons: out}
	}
}

// KeyMap holds the comparison's keys.
type KeyMap struct {
	common.PageKeys
	Back key.Binding
}

// DefaultKeyMap returns the comparison's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		PageKeys: common.DefaultPageKeys(),
		Back:     key.NewBinding(key.WithKeys("esc", "shift+tab"), key.WithHelp("esc", "back")),
	}
}

// ShortHelp lists the keys for the help footer.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Scroll, k.Ends, k.Back} }

// FullHelp lists the keys for the expanded help.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Scroll, k.Page, k.Ends}, {k.Back}}
}

// Model is the comparison.
type Model struct {
	common.ReadOnly

	env     common.Env
	st      Reader
	keys    KeyMap
	nav     common.Request
	seasons []workbook.Snapshot // oldest first
	loaded  bool
	err     error
	page    viewport.Model
	back    common.NavigateMsg
	width   int
}

// New builds the comparison; Open reads the seasons as it is entered.
func New(env common.Env, st Reader) Model {
	return Model{env: env, st: st, keys: DefaultKeyMap(), page: viewport.New()}
}

// Open reads every season afresh; back is where esc returns to.
func (m *Model) Open(back common.NavigateMsg) tea.Cmd {
	m.back, m.loaded, m.err = back, false, nil
	m.render()
	return Read(m.st)
}

// Set gives the comparison the seasons to lay side by side, oldest first.
func (m *Model) Set(all []workbook.Snapshot) {
	m.seasons, m.loaded = all, true
	m.render()
	m.page.GotoTop()
}

// TakeNavigation returns the move this screen asked for in its last
// Update, if any.
func (m *Model) TakeNavigation() (common.NavigateMsg, bool) { return m.nav.Take() }

// ShortHelp lists the screen's live keys for the help footer.
func (m Model) ShortHelp() []key.Binding { return m.keys.ShortHelp() }

// FullHelp lists the screen's live keys for the expanded help.
func (m Model) FullHelp() [][]key.Binding { return m.keys.FullHelp() }

// SetStyles applies new styles.
func (m *Model) SetStyles(s *common.Styles) {
	m.env.Styles = s
	m.render()
}

// SetSize gives the screen its width and height.
func (m *Model) SetSize(w, h int) {
	m.width = w
	m.page.SetWidth(w)
	m.page.SetHeight(h)
	m.render()
}

// Update handles a message for this screen.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case SeasonsMsg:
		if msg.Err != nil {
			m.err, m.loaded = msg.Err, true
			m.render()
			return m, nil
		}
		m.Set(msg.Seasons)
		return m, nil
	case tea.KeyPressMsg:
		if key.Matches(msg, m.keys.Back) {
			m.nav.Navigate(m.back)
			return m, nil
		}
	}
	cmd := m.keys.Move(&m.page, msg)
	return m, cmd
}

// View renders the page.
func (m Model) View() string { return m.page.View() }

func (m *Model) render() {
	if m.width == 0 {
		return
	}
	m.page.SetContent(Render(m.seasons, m.loaded, m.err, m.env.Styles, m.width))
}

// Render lays out every season at width w: what changed from each to the
// next, newest first, then each question with every season's answer.
func Render(all []workbook.Snapshot, loaded bool, err error, s *common.Styles, w int) string {
	var b strings.Builder
	line := func(text string) { b.WriteString(text + "\n") }
	para := func(indent int, style func(...string) string, text string) {
		pad := strings.Repeat(" ", indent)
		wrapped := common.Wrap(text, max(w-indent, 1))
		line(style(pad + strings.ReplaceAll(wrapped, "\n", "\n"+pad)))
	}
	line(s.Title.Render(common.Truncate("Season over season", w)))
	switch {
	case err != nil:
		para(0, s.Error.Render, "The seasons could not be read: "+err.Error())
		return strings.TrimRight(b.String(), "\n")
	case !loaded:
		para(0, s.Muted.Render, "Reading your seasons…")
		return strings.TrimRight(b.String(), "\n")
	case len(all) < 2:
		para(0, s.Muted.Render, "Only one season so far. Start a new one from the welcome screen, and this page will say what changed between them, question by question.")
		return strings.TrimRight(b.String(), "\n")
	}
	line("")
	line(s.Subtitle.Render(common.Truncate("What changed", w)))
	for i := len(all) - 1; i > 0; i-- {
		prev, cur := all[i-1], all[i]
		line(s.Text.Render(common.Truncate(prev.Season.Name+" → "+cur.Season.Name, w)))
		changes := seasons.Changes(prev, cur)
		if len(changes) == 0 {
			para(2, s.Muted.Render, "Nothing written yet to compare.")
		}
		for _, c := range changes {
			para(2, s.Text.Render, "· "+c)
		}
		line("")
	}
	line(s.Subtitle.Render(common.Truncate("Your answers, season by season", w)))
	nameW := 0
	for _, wb := range all {
		nameW = max(nameW, len([]rune(wb.Season.Name)))
	}
	nameW = min(nameW, max(w/3, 8))
	for _, q := range catalog.Questions() {
		line("")
		para(0, s.Title.Render, q.Prompt)
		for i := len(all) - 1; i >= 0; i-- {
			wb := all[i]
			name := common.Truncate(wb.Season.Name, nameW)
			name += strings.Repeat(" ", nameW-len([]rune(name)))
			text := strings.TrimSpace(wb.Answers[q.ID].Text)
			style := s.Text.Render
			if text == "" {
				text, style = "(not answered)", s.Muted.Render
			}
			indent := nameW + 2
			wrapped := strings.Split(common.Wrap(common.OneLine(text), max(w-indent, 1)), "\n")
			line(s.Muted.Render(name) + "  " + style(wrapped[0]))
			for _, rest := range wrapped[1:] {
				line(strings.Repeat(" ", indent) + style(rest))
			}
		}
	}
	return strings.TrimRight(b.String(), "\n")
}
