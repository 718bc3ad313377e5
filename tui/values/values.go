// Package values is the values step of the workbook (seed 003): the runner
// picks a few core values from the catalog, or names their own, and writes
// for each how running could serve it and a small experiment to test that.
package values

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/tui/textbox"
	"github.com/cairn-run/cairn/workbook"
)

// ValuesSaver is the one thing this screen asks of the store.
type ValuesSaver interface {
	SaveValues(seasonID string, v []workbook.ValueChoice) error
}

// ManyValues is how many picked values the screen takes without comment;
// past it, a gentle note says that a few go further than many. It never
// blocks a pick.
const ManyValues = 5

// row is one line of the list: a catalog value or one of the runner's own.
type row struct {
	id   string
	name string
	own  bool
	// value is the catalog entry; zero for the runner's own values.
	value catalog.Value
}

// The parts of the screen that take focus, in tab order.
type part int

const (
	partList part = iota
	partServe
	partExperiment
)

// What a pending confirmation would do.
type confirmKind int

const (
	confirmNone confirmKind = iota
	confirmUnpick
	confirmRemove
)

// Model is the values screen. Its Saver writes the list of chosen values.
type Model struct {
	common.Saver

	env   common.Env
	saver ValuesSaver
	keys  KeyMap

	rows   []row
	chosen []workbook.ValueChoice // the picked values, in the order picked
	// aside keeps the writing of values unpicked during this session, so
	// picking one again brings its words back.
	aside map[string]workbook.ValueChoice

	cursor    int
	top       int // the first row in view
	focus     part
	adding    bool
	confirm   confirmKind
	confirmID string

	serve textbox.Model
	exp   textbox.Model
	name  textinput.Model
	nav   common.Request

	width, height int
	lay           layout
}

// New builds the screen on the season's saved values. Saved values keep
// their order; a saved value the catalog does not know is shown as the
// runner's own, so nothing saved is hidden.
func New(env common.Env, saver ValuesSaver, saved []workbook.ValueChoice) Model {
	m := Model{
		env:   env,
		saver: saver,
		keys:  DefaultKeyMap(),
		aside: map[string]workbook.ValueChoice{},
		serve: newArea(env.Styles, "A sentence or two is plenty."),
		exp:   newArea(env.Styles, "One small thing to try on your next few runs."),
		name:  newName(env.Styles),
		Saver: common.NewSaver(common.Values, env),
	}
	for _, v := range catalog.Values() {
		m.rows = append(m.rows, row{id: v.ID, name: v.Name, value: v})
	}
	for _, c := range saved {
		if c.ID == "" || m.chosenIndex(c.ID) >= 0 {
			continue
		}
		m.chosen = append(m.chosen, c)
		if m.rowIndex(c.ID) < 0 {
			name := common.OneLine(c.Name)
			if name == "" {
				name = c.ID
			}
			m.rows = append(m.rows, row{id: c.ID, name: name, own: true})
		}
	}
	m.load()
	m.syncKeys()
	return m
}

func newArea(s *common.Styles, placeholder string) textbox.Model {
	ta := common.NewTextArea(s, placeholder)
	ta.SetHeight(1)
	return ta
}

func newName(s *common.Styles) textinput.Model {
	in := textinput.New()
	in.Prompt = "› "
	in.Placeholder = "A word or two"
	in.CharLimit = 0 // the screen checks common.MaxNameRunes and says so
	in.KeyMap.Paste.SetEnabled(false)
	in.SetStyles(s.TextInput)
	return in
}

// Chosen returns the live chosen values, in the order they were picked.
func (m Model) Chosen() []workbook.ValueChoice { return slices.Clone(m.chosen) }

// TakeNavigation returns the move this screen asked for in its last
// Update, if any.
func (m *Model) TakeNavigation() (common.NavigateMsg, bool) { return m.nav.Take() }

// KeyMap returns the live keys for the help footer.
func (m Model) KeyMap() KeyMap { return m.keys }

// ShortHelp lists the screen's live keys for the help footer: the screen
// is itself a help.KeyMap, as a Bubbles list is.
func (m Model) ShortHelp() []key.Binding { return m.keys.ShortHelp() }

// FullHelp lists the screen's live keys for the expanded help.
func (m Model) FullHelp() [][]key.Binding { return m.keys.FullHelp() }

// Saving returns the screen's Saver, through which the root flushes,
// salvages and reads the save mark.
func (m *Model) Saving() *common.Saver { return &m.Saver }

// Typing reports whether plain keys are text right now: in a writing field
// or while naming a value.
func (m Model) Typing() bool { return m.adding || m.focus != partList }

// EditorText returns what is being written about a value, when a writing
// field has focus, for the runner's own editor (common.Editable).
func (m Model) EditorText() (string, bool) {
	switch {
	case m.confirm != confirmNone || m.adding:
		return "", false
	case m.focus == partServe:
		return m.serve.Value(), true
	case m.focus == partExperiment:
		return m.exp.Value(), true
	}
	return "", false
}

// SetStyles applies new styles, as after the terminal reports its background.
func (m *Model) SetStyles(s *common.Styles) {
	m.env.Styles = s
	m.serve.SetStyles(s.TextArea)
	m.exp.SetStyles(s.TextArea)
	m.name.SetStyles(s.TextInput)
}

// SetSize gives the screen its width and height.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 0), max(h, 0)
	m.layout()
}

// Focus puts the focus back on the list, as when the screen is entered. A
// question waiting for y or n, or a name not yet added, is dropped; neither
// has changed anything yet.
func (m *Model) Focus() {
	m.confirm, m.confirmID = confirmNone, ""
	m.adding = false
	m.name.Blur()
	m.setFocus(partList)
	m.syncKeys()
}

func (m *Model) setFocus(p part) {
	m.focus = p
	m.serve.Blur()
	m.exp.Blur()
	switch p {
	case partServe:
		m.serve.Focus()
	case partExperiment:
		m.exp.Focus()
	}
	m.layout()
}

func (m *Model) syncKeys() {
	r, ok := m.current()
	picked := ok && m.chosenIndex(r.id) >= 0
	md := modeList
	switch {
	case m.confirm != confirmNone:
		md = modeConfirm
		what := "unpick"
		if m.confirm == confirmRemove {
			what = "remove"
		}
		m.keys.Yes.SetHelp(m.keys.Yes.Help().Key, what)
	case m.adding:
		md = modeAdd
	case m.focus != partList:
		md = modeField
	}
	m.keys.setMode(md, ok, picked, ok && r.own)
}

// current returns the row under the cursor.
func (m Model) current() (row, bool) {
	if m.cursor < 0 || m.cursor >= len(m.rows) {
		return row{}, false
	}
	return m.rows[m.cursor], true
}

func (m Model) rowIndex(id string) int {
	return slices.IndexFunc(m.rows, func(r row) bool { return r.id == id })
}

func (m Model) chosenIndex(id string) int {
	return slices.IndexFunc(m.chosen, func(c workbook.ValueChoice) bool { return c.ID == id })
}

// load fills the writing fields with the words of the value under the
// cursor.
func (m *Model) load() {
	var c workbook.ValueChoice
	if r, ok := m.current(); ok {
		if i := m.chosenIndex(r.id); i >= 0 {
			c = m.chosen[i]
		}
	}
	m.serve.SetValue(c.Serve)
	m.exp.SetValue(c.Experiment)
}

// Update handles a message for this screen.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case common.AutosaveMsg, common.SavedMsg, common.RetryMsg:
		cmd = m.Saver.Update(msg)
	case tea.KeyPressMsg:
		switch {
		case m.confirm != confirmNone:
			m, cmd = m.updateConfirm(msg)
		case m.adding:
			m, cmd = m.updateName(msg)
		case m.focus == partList:
			m, cmd = m.updateList(msg)
		default:
			m, cmd = m.updateField(msg)
		}
	case tea.PasteMsg:
		switch {
		case m.confirm != confirmNone:
		case m.adding:
			m, cmd = m.updateName(msg)
		case m.focus != partList:
			m, cmd = m.write(msg)
		}
	case textbox.ReplaceMsg:
		if _, ok := m.EditorText(); ok {
			m, cmd = m.write(msg)
		}
	}
	m.syncKeys()
	m.layout()
	return m, cmd
}

func (m Model) updateList(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		m.moveCursor(-1)
	case key.Matches(msg, k.Down):
		m.moveCursor(+1)
	case key.Matches(msg, k.Pick):
		return m.pick()
	case key.Matches(msg, k.Unpick):
		return m.askUnpick()
	case key.Matches(msg, k.Write):
		m.setFocus(partServe)
	case key.Matches(msg, k.Add):
		m.adding = true
		m.name.Reset()
		m.name.Focus()
	case key.Matches(msg, k.Remove):
		return m.askRemove()
	case key.Matches(msg, k.Next):
		m.nav.Navigate(common.GoTo(common.NextStep(common.Values)))
		return m, m.Saver.Flush()
	case key.Matches(msg, k.Prev):
		m.nav.Navigate(common.GoTo(common.PrevStep(common.Values)))
		return m, m.Saver.Flush()
	case key.Matches(msg, k.Save):
		return m, m.Saver.Flush()
	}
	return m, nil
}

func (m *Model) moveCursor(d int) {
	m.cursor = max(0, min(m.cursor+d, len(m.rows)-1))
	m.load()
}

// pick adds the value under the cursor to the chosen ones, with any
// writing it had before it was unpicked. A pick is a decision, not typing,
// so it is saved at once.
func (m Model) pick() (Model, tea.Cmd) {
	r, ok := m.current()
	if !ok || m.chosenIndex(r.id) >= 0 {
		return m, nil
	}
	c, kept := m.aside[r.id]
	if !kept {
		c = workbook.ValueChoice{ID: r.id}
		if r.own {
			c.Own, c.Name = true, r.name
		}
	}
	delete(m.aside, r.id)
	m.chosen = append(m.chosen, c)
	m.load()
	return m, m.Saver.Write(m.record())
}

// askUnpick unpicks the value under the cursor, asking first if the runner
// has written anything for it.
func (m Model) askUnpick() (Model, tea.Cmd) {
	r, ok := m.current()
	i := m.chosenIndex(r.id)
	if !ok || i < 0 {
		return m, nil
	}
	if hasWriting(m.chosen[i]) {
		m.confirm, m.confirmID = confirmUnpick, r.id
		return m, nil
	}
	return m.unpick(r.id)
}

// unpick takes a value out of the chosen ones. Its writing is set aside
// for the session, in case it is picked again.
func (m Model) unpick(id string) (Model, tea.Cmd) {
	i := m.chosenIndex(id)
	if i < 0 {
		return m, nil
	}
	if c := m.chosen[i]; hasWriting(c) {
		m.aside[id] = c
	}
	m.chosen = slices.Delete(m.chosen, i, i+1)
	if m.focus != partList {
		m.setFocus(partList)
	}
	m.load()
	return m, m.Saver.Write(m.record())
}

// askRemove takes one of the runner's own values off the list, asking
// first if they have written anything for it.
func (m Model) askRemove() (Model, tea.Cmd) {
	r, ok := m.current()
	if !ok || !r.own {
		return m, nil
	}
	c := m.aside[r.id]
	if i := m.chosenIndex(r.id); i >= 0 {
		c = m.chosen[i]
	}
	if hasWriting(c) {
		m.confirm, m.confirmID = confirmRemove, r.id
		return m, nil
	}
	return m.remove(r.id)
}

// remove deletes one of the runner's own values, with its writing.
func (m Model) remove(id string) (Model, tea.Cmd) {
	ri := m.rowIndex(id)
	if ri < 0 || !m.rows[ri].own {
		return m, nil
	}
	m.rows = slices.Delete(m.rows, ri, ri+1)
	delete(m.aside, id)
	m.cursor = max(0, min(m.cursor, len(m.rows)-1))
	m.load()
	if i := m.chosenIndex(id); i >= 0 {
		m.chosen = slices.Delete(m.chosen, i, i+1)
		return m, m.Saver.Write(m.record())
	}
	return m, nil
}

func (m Model) updateConfirm(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	kind, id := m.confirm, m.confirmID
	switch {
	case key.Matches(msg, m.keys.Yes):
		m.confirm, m.confirmID = confirmNone, ""
		if kind == confirmRemove {
			return m.remove(id)
		}
		return m.unpick(id)
	case key.Matches(msg, m.keys.No):
		m.confirm, m.confirmID = confirmNone, ""
	}
	return m, nil
}

// updateName handles keys and pastes while the runner names a value of
// their own.
func (m Model) updateName(msg tea.Msg) (Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, m.keys.AddCancel):
			m.adding = false
			m.name.Blur()
			return m, nil
		case key.Matches(k, m.keys.AddDone):
			return m.addOwn(m.name.Value())
		}
	}
	msg, why := common.AdmitLine(msg, m.name.Value(), common.MaxNameRunes, "A value's name")
	if why != "" {
		m.Saver.Refuse(why)
		return m, nil
	}
	var cmd tea.Cmd
	m.name, cmd = m.name.Update(msg)
	return m, cmd
}

// addOwn adds a value of the runner's own and picks it. A name the list
// already has picks that row instead of making a twin.
func (m Model) addOwn(name string) (Model, tea.Cmd) {
	m.adding = false
	m.name.Blur()
	name = common.OneLine(name)
	if name == "" {
		return m, nil
	}
	if i := slices.IndexFunc(m.rows, func(r row) bool { return strings.EqualFold(r.name, name) }); i >= 0 {
		m.cursor = i
		m.load()
		return m.pick()
	}
	m.rows = append(m.rows, row{id: workbook.NewID(m.env.Now()), name: name, own: true})
	m.cursor = len(m.rows) - 1
	return m.pick()
}

// updateField handles keys while a writing field has focus.
func (m Model) updateField(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Done):
		m.setFocus(partList)
		return m, m.Saver.Flush()
	case key.Matches(msg, m.keys.Field):
		if m.focus == partServe {
			m.setFocus(partExperiment)
			return m, nil
		}
		m.setFocus(partList)
		return m, m.Saver.Flush()
	case key.Matches(msg, m.keys.FieldBack):
		if m.focus == partExperiment {
			m.setFocus(partServe)
			return m, nil
		}
		m.setFocus(partList)
		return m, m.Saver.Flush()
	case key.Matches(msg, m.keys.Save):
		return m, m.Saver.Flush()
	}
	return m.write(msg)
}

// write passes msg to the focused field, refusing insertions that would
// take the writing past the answer limits, and notices changes.
func (m Model) write(msg tea.Msg) (Model, tea.Cmd) {
	r, ok := m.current()
	i := m.chosenIndex(r.id)
	if !ok || i < 0 {
		m.setFocus(partList)
		return m, nil
	}
	area, text := &m.serve, &m.chosen[i].Serve
	if m.focus == partExperiment {
		area, text = &m.exp, &m.chosen[i].Experiment
	}
	msg, why := common.Admit(msg, area)
	if why != "" {
		m.Saver.Refuse(why)
		return m, nil
	}
	var cmd tea.Cmd
	*area, cmd = area.Update(msg)
	if v := area.Value(); v != *text {
		*text = v
		return m, tea.Batch(cmd, m.Saver.Edited(m.record()))
	}
	return m, cmd
}

// record is the write of the whole list of chosen values as it is now. It
// captures a copy, never the model.
func (m Model) record() common.Record {
	season, saver := m.env.Season, m.saver
	chosen := slices.Clone(m.chosen)
	return common.Record{Key: "values", What: "your values", Save: func() error {
		return saver.SaveValues(season, chosen)
	}}
}

func hasWriting(c workbook.ValueChoice) bool {
	return strings.TrimSpace(c.Serve) != "" || strings.TrimSpace(c.Experiment) != ""
}
