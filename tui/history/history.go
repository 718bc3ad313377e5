// Package history is a calm, read-only browser of past seasons: each one's
// summary, drawn by the same Render as the summary of the season being
// written. Nothing here writes.
package history

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/tui/summary"
	"github.com/cairn-run/cairn/workbook"
)

// Reader is what the browser asks of the store: one season, read whole
// when it is shown.
type Reader interface {
	Workbook(seasonID string) (workbook.Snapshot, error)
}

// SeasonMsg brings a season read from the store.
type SeasonMsg struct {
	ID  string
	WB  workbook.Snapshot
	Err error
}

// RouteTo sends the season to the browser.
func (SeasonMsg) RouteTo() common.Screen { return common.History }

// read reads season id.
func read(st Reader, id string) tea.Cmd {
	return func() tea.Msg {
		wb, err := st.Workbook(id)
		return SeasonMsg{ID: id, WB: wb, Err: err}
	}
}

// KeyMap holds the browser's keys.
type KeyMap struct {
	Prev key.Binding
	Next key.Binding
	common.PageKeys
	Back key.Binding
}

// DefaultKeyMap returns the browser's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Prev:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", "another season")),
		Next:     key.NewBinding(key.WithKeys("right", "l")),
		PageKeys: common.DefaultPageKeys(),
		Back:     key.NewBinding(key.WithKeys("esc", "shift+tab"), key.WithHelp("esc", "back")),
	}
}

// ShortHelp lists the keys for the help footer.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Prev, k.Scroll, k.Ends, k.Back} }

// FullHelp lists the keys for the expanded help.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Prev, k.Back}, {k.Scroll, k.Page, k.Ends}}
}

// Model is the browser.
type Model struct {
	common.ReadOnly

	env   common.Env
	st    Reader
	keys  KeyMap
	nav   common.Request
	past  []workbook.Season // newest first
	names map[string]string // every season's name, for "carried over from"
	at    int
	read  map[string]workbook.Snapshot
	err   error
	page  viewport.Model
	back  common.NavigateMsg

	width, height int
}

// New builds the browser; Open fills it as it is entered.
func New(env common.Env, st Reader) Model {
	return Model{env: env, st: st, keys: DefaultKeyMap(), page: viewport.New(), read: map[string]workbook.Snapshot{}}
}

// Open shows the seasons before current, newest first, and reads the
// newest of them. back is where esc returns to.
func (m *Model) Open(all []workbook.Season, current string, back common.NavigateMsg) tea.Cmd {
	m.past, m.names = nil, map[string]string{}
	for _, s := range all {
		m.names[s.ID] = s.Name
		if s.ID != current {
			m.past = append(m.past, s)
		}
	}
	slices.Reverse(m.past)
	m.at, m.back, m.err = 0, back, nil
	m.keys.Prev.SetEnabled(len(m.past) > 1)
	m.keys.Next.SetEnabled(len(m.past) > 1)
	return m.show()
}

// show draws the season chosen, reading it first if it was not read.
func (m *Model) show() tea.Cmd {
	m.render()
	if len(m.past) == 0 {
		return nil
	}
	id := m.past[m.at].ID
	if _, ok := m.read[id]; ok {
		return nil
	}
	return read(m.st, id)
}

func (m *Model) render() {
	if m.width == 0 {
		return
	}
	s := m.env.Styles
	switch {
	case m.err != nil:
		m.page.SetContent(s.Error.Render(common.Wrap("This season could not be read: "+m.err.Error(), m.width)))
	case len(m.past) == 0:
		m.page.SetContent(s.Muted.Render(common.Wrap("No past seasons yet: this is the first. Each new season keeps the one before it here, exactly as it was.", m.width)))
	default:
		wb, ok := m.read[m.past[m.at].ID]
		if !ok {
			m.page.SetContent(s.Muted.Render("Reading…"))
			return
		}
		m.page.SetContent(summary.Render(summary.FromSnapshot(wb, m.names[wb.Season.From]), s, m.width))
	}
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
	m.width, m.height = w, h
	m.page.SetWidth(w)
	m.page.SetHeight(max(h-2, 1))
	m.render()
}

// Update handles a message for this screen.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case SeasonMsg:
		if msg.Err != nil {
			m.err = msg.Err
		} else {
			m.read[msg.ID] = msg.WB
		}
		m.render()
		return m, nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Back):
			m.nav.Navigate(m.back)
			return m, nil
		case key.Matches(msg, m.keys.Prev) && len(m.past) > 0:
			m.at = (m.at + 1) % len(m.past) // older
			return m, m.show()
		case key.Matches(msg, m.keys.Next) && len(m.past) > 0:
			m.at = (m.at + len(m.past) - 1) % len(m.past) // newer
			return m, m.show()
		}
	}
	cmd := m.keys.Move(&m.page, msg)
	return m, cmd
}

// View renders the season chosen under a line naming it.
func (m Model) View() string {
	s := m.env.Styles
	head := s.Title.Render(common.Truncate("Past seasons", m.width))
	if n := len(m.past); n > 0 {
		cur := m.past[m.at]
		where := cur.Name
		if n > 1 {
			where = fmt.Sprintf("‹ %s · %d of %d, newest first ›", cur.Name, m.at+1, n)
		}
		head = s.Title.Render("Past seasons  ") + s.Muted.Render(common.Truncate(where, max(m.width-14, 1)))
		head = common.Truncate(head, m.width)
	}
	return head + "\n\n" + m.page.View()
}
