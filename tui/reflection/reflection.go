// Package reflection is the first step of the workbook: one reflection
// question per screen, its guidance, and room to write.
package reflection

import (
	"fmt"
	"maps"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/tui/textbox"
	"github.com/cairn-run/cairn/workbook"
)

// AnswerSaver is the one thing this screen asks of the store.
type AnswerSaver interface {
	SaveAnswer(seasonID string, a workbook.Answer) error
}

// KeyMap holds the reflection screen's keys.
type KeyMap struct {
	Next    key.Binding
	Prev    key.Binding
	Newline key.Binding
	Save    key.Binding
	// Last shows last season's answer beside this one (last.go).
	Last key.Binding
}

// DefaultKeyMap returns the reflection screen's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next question")),
		Prev:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back")),
		Newline: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "new line")),
		Save:    key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save now")),
		Last:    key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "last season"), key.WithDisabled()),
	}
}

// ShortHelp lists the keys for the help footer.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Prev, k.Last, k.Newline, k.Save}
}

// FullHelp lists the keys for the expanded help.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Next, k.Prev}, {k.Newline, k.Save, k.Last}}
}

// Model is the reflection screen. Its Saver writes each answer.
type Model struct {
	common.Saver

	env   common.Env
	saver AnswerSaver
	keys  KeyMap

	questions []catalog.Question
	answers   []string          // the live text of every answer, by question index
	retired   map[string]string // answers to questions no longer asked, as saved
	idx       int
	area      textbox.Model
	head      string // the heading as drawn, made again only when it changes
	nav       common.Request
	last      last // last season's answers (last.go)

	width, height int
	full          int // the width the root gave, before the writing column's cap
}

// New builds the screen on the season's saved answers, open at question at.
func New(env common.Env, saver AnswerSaver, saved map[string]workbook.Answer, at int) Model {
	m := Model{
		env:       env,
		saver:     saver,
		keys:      DefaultKeyMap(),
		questions: catalog.Questions(),
		Saver:     common.NewSaver(common.Reflect, env),
	}
	m.answers = make([]string, len(m.questions))
	asked := map[string]bool{}
	for i, q := range m.questions {
		m.answers[i] = saved[q.ID].Text
		asked[q.ID] = true
	}
	for id, a := range saved {
		if !asked[id] {
			if m.retired == nil {
				m.retired = map[string]string{}
			}
			m.retired[id] = a.Text
		}
	}
	m.area = newArea(env.Styles)
	m.open(at)
	return m
}

func newArea(s *common.Styles) textbox.Model {
	ta := common.NewTextArea(s, "Write whatever comes up. No editing yet.")
	ta.Focus()
	return ta
}

// open shows question i, clamped to the list.
func (m *Model) open(i int) {
	m.idx = max(0, min(i, len(m.questions)-1))
	// Before the first question there is nothing to go back to: the
	// footer does not offer it.
	m.keys.Prev.SetEnabled(m.idx > 0)
	m.area.SetValue(m.answers[m.idx])
	m.area.MoveToEnd()
	m.layout() // the heading, and last season's answer to this question
}

// Open shows question i and returns the command that saves the question
// being left, if it has unsaved edits.
func (m *Model) Open(i int) tea.Cmd {
	save := m.Saver.Flush()
	m.open(i)
	return save
}

// Index returns the question being shown.
func (m Model) Index() int { return m.idx }

// Answers returns the live text of every answer, keyed by question ID,
// with the saved answers to questions this build no longer asks: they are
// still the runner's words, and theme detection reads them.
func (m Model) Answers() map[string]string {
	out := make(map[string]string, len(m.questions)+len(m.retired))
	maps.Copy(out, m.retired)
	for i, q := range m.questions {
		out[q.ID] = m.answers[i]
	}
	return out
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

// Saving returns the screen's Saver, through which the root flushes,
// salvages and reads the save mark.
func (m *Model) Saving() *common.Saver { return &m.Saver }

// Typing reports that plain keys are text here.
func (m Model) Typing() bool { return true }

// EditorText returns the answer being written, for the runner's own
// editor (common.Editable).
func (m Model) EditorText() (string, bool) { return m.area.Value(), true }

// SetStyles applies new styles, as after the terminal reports its background.
func (m *Model) SetStyles(s *common.Styles) {
	m.env.Styles = s
	m.area.SetStyles(s.TextArea)
	m.layout()
}

// MaxWriting is the widest the writing column grows: long lines are hard
// to read back.
const MaxWriting = 96

// SetSize gives the screen its width and height.
func (m *Model) SetSize(w, h int) {
	m.full, m.height = w, h
	m.layout()
}

// layout sizes the text area to what the question and guidance leave free.
func (m *Model) layout() {
	if m.full == 0 {
		return
	}
	m.width = m.writingWidth()
	m.head = m.heading()
	top := lipgloss.Height(m.head)
	room := m.height - top - 2
	m.last.panel = ""
	switch {
	case m.sideBySide():
		m.last.panel = m.lastPanel(m.full-m.width-sideGap, m.height)
	case m.last.shown:
		// Above the answer, in at most a third of the room, leaving the
		// answer at least three lines.
		m.last.panel = m.lastPanel(m.width, min(max(room/3, 2), max(room-4, 1)))
		room -= lipgloss.Height(m.last.panel) + 1
	}
	m.area.SetWidth(max(m.width, 4))
	m.area.SetHeight(max(room, 1))
}

// Update handles a message for this screen.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case common.AutosaveMsg, common.SavedMsg, common.RetryMsg:
		return m, m.Saver.Update(msg)
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Next):
			return m.move(m.idx + 1)
		case key.Matches(msg, m.keys.Prev):
			return m.move(m.idx - 1)
		case key.Matches(msg, m.keys.Save):
			return m, m.Saver.Flush()
		case key.Matches(msg, m.keys.Last):
			return m.toggleLast(), nil
		}
	}
	return m.edit(msg)
}

// edit passes msg to the text area, refusing insertions that would take the
// answer past its limits. The keys that make a new line are the text
// area's own: KeyMap.Newline only names enter for the help footer.
func (m Model) edit(msg tea.Msg) (Model, tea.Cmd) {
	msg, why := common.Admit(msg, &m.area)
	if why != "" {
		m.Saver.Refuse(why)
		return m, nil
	}
	var cmd tea.Cmd
	m.area, cmd = m.area.Update(msg)
	if text := m.area.Value(); text != m.answers[m.idx] {
		m.answers[m.idx] = text
		return m, tea.Batch(cmd, m.Saver.Edited(m.record()))
	}
	return m, cmd
}

// move leaves the current question for question i, saving first. Moving
// past the last question goes on to the next step of the workbook.
func (m Model) move(i int) (Model, tea.Cmd) {
	switch {
	case i < 0:
		return m, m.Saver.Flush()
	case i >= len(m.questions):
		m.nav.Navigate(common.GoTo(common.NextStep(common.Reflect)))
		return m, m.Saver.Flush()
	}
	return m, m.Open(i)
}

// record is the write of the current answer as it is now. It captures
// copies, never the model.
func (m Model) record() common.Record {
	season, saver := m.env.Season, m.saver
	a := workbook.Answer{Question: m.questions[m.idx].ID, Text: m.answers[m.idx], Updated: m.env.Now().UTC()}
	return common.Record{Key: "answer/" + a.Question, What: "your answer", Save: func() error {
		return saver.SaveAnswer(season, a)
	}}
}

// heading is the counter, the question and its guidance.
func (m Model) heading() string {
	s := m.env.Styles
	q := m.questions[m.idx]
	counter := s.Muted.Render(fmt.Sprintf("Question %d of %d", m.idx+1, len(m.questions)))
	return lipgloss.JoinVertical(lipgloss.Left,
		counter,
		s.Title.Render(common.Wrap(q.Prompt, m.width)),
		s.Muted.Render(common.Wrap(q.Guidance, m.width)),
		"",
	)
}

// View renders the screen.
func (m Model) View() string {
	s := m.env.Styles
	foot := s.Muted.Render(words(m.area.Words()))
	head := m.head
	if head == "" {
		head = m.heading()
	}
	// Joined by hand: this is drawn on every key, and the heading, made
	// once per question and width, need not be measured again.
	switch {
	case m.sideBySide() && m.last.panel != "":
		left := head + "\n" + m.area.View() + "\n\n" + foot
		return lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(m.width).Render(left), strings.Repeat(" ", sideGap), m.last.panel)
	case m.last.shown && m.last.panel != "":
		return head + "\n" + m.last.panel + "\n\n" + m.area.View() + "\n\n" + foot
	}
	return head + "\n" + m.area.View() + "\n\n" + foot
}

// words says how many words an answer has, as a writer counts them. The
// text area keeps the count as the text changes: counting the whole answer
// on every frame would make each key cost more as the answer grows.
func words(n int) string {
	if n == 0 {
		return ""
	}
	return common.Plural(n, "word", "words")
}
