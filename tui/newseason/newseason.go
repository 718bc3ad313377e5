// Package newseason is the screen that starts the next pass through the
// exercise: why the runner is back (seed 001: after a break, a new
// training cycle, a goal reached, a plateau or low motivation), the
// season's name, and what to carry over from the season before. The
// season being left is never changed; the root saves every screen first
// and then begins the new season (common.StartSeasonMsg).
package newseason

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// Source is the season things would be carried over from: its name, and
// how many of each thing it has to carry.
type Source struct {
	Name   string
	Values int // values chosen
	Themes int // themes confirmed
	Goals  int // goals not yet reached or let go
	// Taken are the names seasons already have, so the name offered is
	// one the new season will really get.
	Taken []string
}

// KeyMap holds the screen's keys.
type KeyMap struct {
	Up     key.Binding
	Down   key.Binding
	Next   key.Binding
	Prev   key.Binding
	Toggle key.Binding
	Enter  key.Binding
	Back   key.Binding
}

// DefaultKeyMap returns the screen's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:     key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "choose")),
		Down:   key.NewBinding(key.WithKeys("down")),
		Next:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back")),
		Toggle: key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "carry or not")),
		Enter:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "not now")),
	}
}

// ShortHelp lists the keys for the help footer.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Enter, k.Up, k.Toggle, k.Next, k.Back}
}

// FullHelp lists the keys for the expanded help.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Enter, k.Up, k.Toggle}, {k.Next, k.Prev, k.Back}}
}

// part is a section of the form, in tab order.
type part int

const (
	partWhy part = iota
	partName
	partCarry
	partBegin
	partCount
)

// reasons are the rows of "why now?": seed 001's reasons, then the
// runner's own words.
var reasons = append(workbook.Whys(), workbook.OwnWords)

// carries are the rows of what to carry over.
var carries = []string{"values, with their experiments", "confirmed themes", "goals not yet reached or let go"}

// Model is the new season screen. It writes nothing itself; its Saver is
// there for the refusals a name too long gets, which the root shows.
type Model struct {
	common.Saver

	env    common.Env
	keys   KeyMap
	nav    common.Request
	source Source

	focus part
	why   int // index into reasons
	own   textinput.Model
	name  textinput.Model
	carry [3]bool
	at    int // the carry row under the cursor

	width, height int
}

// New builds the screen; Open fills it as it is entered.
func New(env common.Env) Model {
	m := Model{env: env, keys: DefaultKeyMap(), Saver: common.NewSaver(common.NewSeason, env)}
	m.own = input(env.Styles, "", "type them here")
	m.name = input(env.Styles, "", "")
	m.sync()
	return m
}

func input(s *common.Styles, prompt, placeholder string) textinput.Model {
	in := textinput.New()
	in.Prompt = prompt
	in.Placeholder = placeholder
	in.KeyMap.Paste.SetEnabled(false)
	in.SetStyles(s.TextInput)
	return in
}

// Open sets the screen up to start a season for reason why (just a new
// season when none is offered), carrying over from source.
func (m *Model) Open(why workbook.Why, source Source) {
	m.source = source
	m.focus, m.why = partWhy, 0
	for i, r := range reasons {
		if r == why {
			m.why = i
		}
	}
	if why == workbook.FirstSeason || why == workbook.OwnWords {
		m.why = indexOf(workbook.JustNew)
	}
	m.own.SetValue("")
	m.name.SetValue("")
	m.name.Placeholder = workbook.UniqueName(workbook.SeasonName(m.env.Now()), source.Taken)
	// Everything that can be carried is, unless the runner says not.
	m.carry = [3]bool{source.Values > 0, source.Themes > 0, source.Goals > 0}
	m.at = 0
	m.sync()
}

func indexOf(w workbook.Why) int {
	for i, r := range reasons {
		if r == w {
			return i
		}
	}
	return 0
}

// Plan is what the runner chose so far.
func (m Model) Plan() workbook.SeasonPlan {
	p := workbook.SeasonPlan{
		Name:  strings.TrimSpace(m.name.Value()),
		Why:   reasons[m.why],
		Carry: workbook.Carry{Values: m.carry[0], Themes: m.carry[1], Goals: m.carry[2]},
	}
	if p.Why == workbook.OwnWords {
		p.Reason = common.OneLine(m.own.Value())
		if p.Reason == "" {
			p.Why = workbook.JustNew // no words given: just a new season
		}
	}
	return p
}

// TakeNavigation returns the move this screen asked for in its last
// Update, if any.
func (m *Model) TakeNavigation() (common.NavigateMsg, bool) { return m.nav.Take() }

// ShortHelp lists the screen's live keys for the help footer.
func (m Model) ShortHelp() []key.Binding { return m.keys.ShortHelp() }

// FullHelp lists the screen's live keys for the expanded help.
func (m Model) FullHelp() [][]key.Binding { return m.keys.FullHelp() }

// KeyMap returns the live keys.
func (m Model) KeyMap() KeyMap { return m.keys }

// Saving returns the screen's Saver, which only ever holds a refusal: the
// root saves the other screens and begins the season.
func (m *Model) Saving() *common.Saver { return &m.Saver }

// Typing reports whether plain keys are text: in the name, and in the
// runner's own words while that row is chosen.
func (m Model) Typing() bool {
	return m.focus == partName || (m.focus == partWhy && reasons[m.why] == workbook.OwnWords)
}

// SetStyles applies new styles.
func (m *Model) SetStyles(s *common.Styles) {
	m.env.Styles = s
	m.own.SetStyles(s.TextInput)
	m.name.SetStyles(s.TextInput)
}

// SetSize gives the screen its width and height.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	common.SetInputWidth(&m.own, max(w-24, 4))
	common.SetInputWidth(&m.name, max(min(w-12, 40), 4))
}

// sync focuses the input that takes keys and says what enter does.
func (m *Model) sync() {
	m.own.Blur()
	m.name.Blur()
	switch {
	case m.focus == partName:
		m.name.Focus()
	case m.focus == partWhy && reasons[m.why] == workbook.OwnWords:
		m.own.Focus()
	}
	if m.focus == partBegin {
		m.keys.Enter.SetHelp("enter", "begin the season")
	} else {
		m.keys.Enter.SetHelp("enter", "next")
	}
	m.keys.Up.SetEnabled(m.focus == partWhy || m.focus == partCarry)
	m.keys.Down.SetEnabled(m.focus == partWhy || m.focus == partCarry)
	m.keys.Toggle.SetEnabled(m.focus == partCarry)
}

// Update handles a message for this screen.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		m, cmd = m.handleKey(msg)
	case tea.PasteMsg:
		m, cmd = m.typeIn(msg)
	}
	m.sync()
	return m, cmd
}

func (m Model) handleKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	keys := m.keys
	switch {
	case key.Matches(k, keys.Back):
		m.nav.Navigate(common.GoTo(common.Welcome))
		return m, nil
	case key.Matches(k, keys.Next):
		m.focus = min(m.focus+1, partBegin)
		return m, nil
	case key.Matches(k, keys.Prev):
		m.focus = max(m.focus-1, partWhy)
		return m, nil
	case key.Matches(k, keys.Enter):
		if m.focus == partBegin {
			plan := m.Plan()
			return m, func() tea.Msg { return common.StartSeasonMsg{Plan: plan} }
		}
		m.focus++
		return m, nil
	case key.Matches(k, keys.Up) && m.focus == partWhy:
		m.why = max(m.why-1, 0)
		return m, nil
	case key.Matches(k, keys.Down) && m.focus == partWhy:
		m.why = min(m.why+1, len(reasons)-1)
		return m, nil
	case key.Matches(k, keys.Up) && m.focus == partCarry:
		m.at = max(m.at-1, 0)
		return m, nil
	case key.Matches(k, keys.Down) && m.focus == partCarry:
		m.at = min(m.at+1, len(carries)-1)
		return m, nil
	case key.Matches(k, keys.Toggle) && m.focus == partCarry:
		if m.count(m.at) > 0 {
			m.carry[m.at] = !m.carry[m.at]
		}
		return m, nil
	}
	return m.typeIn(k)
}

// typeIn passes a key or paste to the field taking text, refusing what
// would take it past its limit.
func (m Model) typeIn(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch {
	case m.focus == partName:
		msg, why := common.AdmitLine(msg, m.name.Value(), common.MaxNameRunes, "A season's name")
		if why != "" {
			return m.refuse(why), nil
		}
		m.name, cmd = m.name.Update(msg)
	case m.focus == partWhy && reasons[m.why] == workbook.OwnWords:
		msg, why := common.AdmitLine(msg, m.own.Value(), common.MaxLineRunes, "The reason")
		if why != "" {
			return m.refuse(why), nil
		}
		m.own, cmd = m.own.Update(msg)
	}
	return m, cmd
}

// refuse says why nothing was taken in, in the status line.
func (m Model) refuse(why string) Model {
	m.Saver.Refuse(why)
	return m
}

func (m Model) count(i int) int {
	return [3]int{m.source.Values, m.source.Themes, m.source.Goals}[i]
}

// View renders the form, scrolled so the part in focus is in view.
func (m Model) View() string {
	s := m.env.Styles
	var lines []string
	sel := 0
	mark := func(p part) {
		if m.focus == p {
			sel = len(lines)
		}
	}
	wrap := func(text string) []string {
		return strings.Split(s.Muted.Render(common.Wrap(text, max(m.width, 1))), "\n")
	}
	head := func(p part, text string) string {
		if m.focus == p {
			return s.Subtitle.Render(common.Truncate(text, m.width))
		}
		return s.Text.Render(common.Truncate(text, m.width))
	}

	lines = append(lines, s.Title.Render(common.Truncate("A new season", m.width)))
	kept := "The season you leave stays exactly as it is, to read back and compare."
	if m.source.Name != "" {
		kept = m.source.Name + " stays exactly as it is, to read back and compare."
	}
	lines = append(lines, wrap("The exercise is worth doing again whenever you come back to running: after a break, at a new training cycle, after reaching a goal, or when motivation sags. "+kept)...)
	lines = append(lines, "")

	mark(partWhy)
	lines = append(lines, head(partWhy, "Why now?"))
	for i, r := range reasons {
		dot := "○ "
		if i == m.why {
			dot = "● "
		}
		label := r.Words()
		if r == workbook.OwnWords {
			label = "in my own words: "
		}
		line := dot + label
		if r == workbook.OwnWords {
			line += m.own.View()
		}
		switch {
		case i == m.why && m.focus == partWhy:
			sel = len(lines)
			lines = append(lines, common.Truncate(s.Selected.Render("› ")+s.Selected.Render(dot+label)+strings.TrimPrefix(line, dot+label), m.width))
		default:
			lines = append(lines, common.Truncate("  "+line, m.width))
		}
	}
	lines = append(lines, "")

	mark(partName)
	lines = append(lines, common.Truncate(head(partName, "Its name  ")+m.name.View(), m.width))
	lines = append(lines, "")

	mark(partCarry)
	from := "Carry over"
	if m.source.Name != "" {
		from = "Carry over from " + m.source.Name
	}
	lines = append(lines, head(partCarry, from))
	for i, c := range carries {
		box := "[ ] "
		if m.carry[i] {
			box = "[x] "
		}
		n := m.count(i)
		label := fmt.Sprintf("%s (%d)", c, n)
		if n == 0 {
			label = c + " (none yet)"
		}
		line := box + label
		switch {
		case m.focus == partCarry && i == m.at:
			sel = len(lines)
			lines = append(lines, s.Selected.Render(common.Truncate("› "+line, m.width)))
		case n == 0:
			lines = append(lines, s.Muted.Render(common.Truncate("  "+line, m.width)))
		default:
			lines = append(lines, common.Truncate("  "+line, m.width))
		}
	}
	lines = append(lines, "")

	mark(partBegin)
	begin := "Begin the season"
	if m.focus == partBegin {
		lines = append(lines, s.Selected.Render(common.Truncate("› "+begin, m.width)))
	} else {
		lines = append(lines, s.Muted.Render(common.Truncate("  "+begin, m.width)))
	}
	return window(lines, sel, m.height)
}

// window shows h of lines, keeping line sel in view.
func window(lines []string, sel, h int) string {
	if h <= 0 || len(lines) <= h {
		return strings.Join(lines, "\n")
	}
	top := max(min(sel-h/2, len(lines)-h), 0)
	return strings.Join(lines[top:top+h], "\n")
}
