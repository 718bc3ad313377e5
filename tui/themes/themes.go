// Package themes is the step between reflecting and setting goals: the
// runner reads all their answers on one page and names the themes they see
// and the one motivation that matters most.
package themes

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/tui/common"
)

// BoardSaver is what this screen asks of the store.
type BoardSaver interface {
	SaveThemes(seasonID string, t store.ThemeBoard) error
}

// KeyMap holds the themes screen's keys.
type KeyMap struct {
	Next   key.Binding
	Prev   key.Binding
	Scroll key.Binding
	Save   key.Binding
}

// DefaultKeyMap returns the themes screen's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back")),
		Scroll: key.NewBinding(key.WithKeys("up", "down", "pgup", "pgdown", "k", "j"), key.WithHelp("↑/↓", "scroll answers")),
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save now")),
	}
}

// ShortHelp lists the keys for the help footer.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Next, k.Prev, k.Scroll} }

// FullHelp lists the keys for the expanded help.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Next, k.Prev}, {k.Scroll, k.Save}}
}

// The parts of the screen that take focus, in tab order.
type part int

const (
	partAnswers part = iota
	partNotes
	partMotivation
	partCount
)

// Model is the themes screen.
type Model struct {
	env   common.Env
	saver BoardSaver
	keys  KeyMap

	board   store.ThemeBoard
	answers map[string]string
	focus   part
	read    viewport.Model
	notes   textarea.Model
	motive  textinput.Model
	auto    common.Autosave
	nav     common.Request

	width, height int
}

// New builds the screen on the season's saved theme board.
func New(env common.Env, saver BoardSaver, board store.ThemeBoard) Model {
	notes := textarea.New()
	notes.Prompt = "│ "
	notes.ShowLineNumbers = false
	notes.Placeholder = "Which themes do you see? Words that keep coming back, feelings, people, places…"
	notes.EndOfBufferCharacter = ' '
	notes.MaxHeight, notes.CharLimit, notes.MaxWidth = 0, 0, 0
	notes.KeyMap.Paste.SetEnabled(false)
	notes.SetStyles(env.Styles.TextArea)
	notes.SetValue(board.Notes)

	motive := textinput.New()
	motive.Prompt = "› "
	motive.Placeholder = "The one motivation that matters most"
	motive.CharLimit = 0
	motive.KeyMap.Paste.SetEnabled(false)
	motive.SetStyles(env.Styles.TextInput)
	motive.SetValue(board.Motivation)

	return Model{
		env:    env,
		saver:  saver,
		keys:   DefaultKeyMap(),
		board:  board,
		read:   viewport.New(),
		notes:  notes,
		motive: motive,
		auto:   common.NewAutosave(common.Themes, env),
	}
}

// Board returns the live theme board.
func (m Model) Board() store.ThemeBoard { return m.board }

// SetAnswers gives the screen the latest answers to read back.
func (m *Model) SetAnswers(answers map[string]string) {
	m.answers = answers
	m.refresh()
}

// TakeNavigation returns the move this screen asked for in its last
// Update, if any.
func (m *Model) TakeNavigation() (common.NavigateMsg, bool) { return m.nav.Take() }

// KeyMap returns the keys for the help footer.
func (m Model) KeyMap() KeyMap { return m.keys }

// Typing reports whether plain keys are text right now.
func (m Model) Typing() bool { return m.focus != partAnswers }

// Clean reports whether every edit has been written.
func (m Model) Clean() bool { return m.auto.Clean() }

// Wrote reports whether anything on this screen has been saved yet.
func (m Model) Wrote() bool { return m.auto.Wrote() }

// Failure returns the last write error, if it has not been overcome yet.
func (m Model) Failure() error { return m.auto.Failure() }

// SetStyles applies new styles.
func (m *Model) SetStyles(s *common.Styles) {
	m.env.Styles = s
	m.notes.SetStyles(s.TextArea)
	m.motive.SetStyles(s.TextInput)
	m.refresh()
}

// Focus puts the focus back on the answers, as when the screen is entered.
func (m *Model) Focus() { m.setFocus(partAnswers) }

func (m *Model) setFocus(p part) {
	m.focus = p
	m.notes.Blur()
	m.motive.Blur()
	switch p {
	case partNotes:
		m.notes.Focus()
	case partMotivation:
		m.motive.Focus()
	}
	m.keys.Scroll.SetEnabled(p == partAnswers)
}

// SetSize gives the screen its width and height.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	if m.wide() {
		left := m.width * 3 / 5
		m.read.SetWidth(left)
		m.read.SetHeight(max(h-1, 1))
		right := max(m.width-left-2, 4)
		m.notes.SetWidth(right)
		m.notes.SetHeight(max(h-6, 2))
		m.motive.SetWidth(max(right-2, 1))
	} else {
		readH := max(h/2-1, 2)
		m.read.SetWidth(w)
		m.read.SetHeight(readH)
		m.notes.SetWidth(max(w, 4))
		m.notes.SetHeight(max(h-readH-6, 1))
		m.motive.SetWidth(max(w-2, 1))
	}
	m.refresh()
}

func (m Model) wide() bool { return m.width >= 100 }

// refresh lays out the answers for reading.
func (m *Model) refresh() {
	if m.width == 0 {
		return
	}
	s := m.env.Styles
	w := m.read.Width()
	var b strings.Builder
	for i, q := range catalog.Questions() {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(s.Subtitle.Render(common.Wrap(q.Prompt, w)) + "\n")
		text := strings.TrimSpace(m.answers[q.ID])
		if text == "" {
			b.WriteString(s.Muted.Render("(not answered yet)"))
			continue
		}
		b.WriteString(s.Text.Render(common.Wrap(text, w)))
	}
	m.read.SetContent(b.String())
}

// Update handles a message for this screen.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case common.AutosaveMsg:
		if m.auto.Due(msg, m.env.Now()) {
			return m, m.save()
		}
		return m, nil
	case common.SavedMsg:
		return m, m.auto.Saved(msg, m.env.Now())
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Next):
			if m.focus+1 == partCount {
				m.nav.Navigate(common.GoTo(common.NextStep(common.Themes)))
				return m, m.Flush()
			}
			m.setFocus(m.focus + 1)
			return m, nil
		case key.Matches(msg, m.keys.Prev):
			if m.focus == partAnswers {
				m.nav.Navigate(common.GoTo(common.PrevStep(common.Themes)))
				return m, m.Flush()
			}
			m.setFocus(m.focus - 1)
			return m, nil
		case key.Matches(msg, m.keys.Save):
			return m, m.Flush()
		}
	case tea.PasteMsg:
		msg.Content = common.NormalizeNewlines(msg.Content)
		return m.edit(msg)
	}
	return m.edit(msg)
}

// edit sends msg to the focused part and notices changes to the writing.
func (m Model) edit(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.focus {
	case partAnswers:
		m.read, cmd = m.read.Update(msg)
		return m, cmd
	case partNotes:
		newline := func(k tea.KeyPressMsg) bool { return key.Matches(k, m.notes.KeyMap.InsertNewline) }
		if ins, ok := common.Inserts(msg, newline); ok {
			if fits, why := common.Fits(len(m.board.Notes), strings.Count(m.board.Notes, "\n"), ins); !fits {
				return m, common.Status(why)
			}
		}
		m.notes, cmd = m.notes.Update(msg)
	case partMotivation:
		if p, ok := msg.(tea.PasteMsg); ok {
			// One line: a pasted paragraph becomes one line, not a lost one.
			p.Content = strings.Join(strings.Fields(p.Content), " ")
			msg = p
		}
		m.motive, cmd = m.motive.Update(msg)
	}
	if m.notes.Value() == m.board.Notes && m.motive.Value() == m.board.Motivation {
		return m, cmd
	}
	m.board.Notes, m.board.Motivation = m.notes.Value(), m.motive.Value()
	m.board.Updated = m.env.Now().UTC()
	return m, tea.Batch(cmd, m.auto.Edited(m.env.Now()))
}

// Flush returns a command writing any unsaved edits now, or nil.
func (m *Model) Flush() tea.Cmd {
	if !m.auto.Take() {
		return nil
	}
	return m.save()
}

// save writes the theme board. It captures a copy, never the model.
func (m *Model) save() tea.Cmd {
	gen := m.env.Ledger.Next()
	m.auto.Writing(gen)
	season, saver, board := m.env.Season, m.saver, cloneBoard(m.board)
	return m.env.Ledger.Save(common.Themes, "your themes", "themes", gen, func() error {
		return saver.SaveThemes(season, board)
	})
}

func cloneBoard(b store.ThemeBoard) store.ThemeBoard {
	b.Marks = append([]store.ThemeMark(nil), b.Marks...)
	b.Own = append([]store.OwnTheme(nil), b.Own...)
	return b
}

// View renders the screen.
func (m Model) View() string {
	s := m.env.Styles
	readTitle := s.Muted.Render("Your answers")
	if m.focus == partAnswers {
		readTitle = s.Selected.Render("Your answers")
	}
	read := lipgloss.JoinVertical(lipgloss.Left, readTitle, m.read.View())

	label := func(p part, text string) string {
		if m.focus == p {
			return s.Selected.Render(text)
		}
		return s.Muted.Render(text)
	}
	write := lipgloss.JoinVertical(lipgloss.Left,
		label(partNotes, "Do you see themes?"),
		m.notes.View(),
		"",
		label(partMotivation, "What matters most to you?"),
		m.motive.View(),
	)
	if m.wide() {
		return lipgloss.JoinHorizontal(lipgloss.Top, read, "  ", write)
	}
	return lipgloss.JoinVertical(lipgloss.Left, read, "", write)
}
