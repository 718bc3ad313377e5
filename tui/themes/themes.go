// Package themes is the step between reflecting and setting goals. cairn
// reads the answers and proposes motivation themes, each with the sentences
// that suggested it; the runner confirms or dismisses them, adds their own,
// and names the one that matters most. It is a mirror, not an oracle.
package themes

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/detect"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/tui/textbox"
	"github.com/cairn-run/cairn/workbook"
)

// BoardSaver is what this screen asks of the store.
type BoardSaver interface {
	SaveThemes(seasonID string, t workbook.ThemeBoard) error
}

// The parts of the screen that take focus, in tab order.
type part int

const (
	partList part = iota
	partNotes
	partMotivation
	partCount
)

// row is one theme in the list: proposed by cairn, decided by the runner,
// or the runner's own.
type row struct {
	ref      workbook.Ref
	name     string
	polarity workbook.Polarity
	status   workbook.MarkStatus
	own      bool
	finding  *detect.Finding // nil when cairn found no evidence
}

// Model is the themes screen. Its Saver writes the theme board.
type Model struct {
	common.Saver

	env   common.Env
	saver BoardSaver
	keys  KeyMap

	board    workbook.ThemeBoard
	answers  map[string]string
	values   []common.Ref // the runner's values, shown beside the themes
	findings []detect.Finding
	rows     []row
	cursor   int
	focus    part
	adding   bool
	removing bool         // asking whether to remove the runner's own theme under the cursor
	want     workbook.Ref // the theme to select once it is listed (resuming)
	reading  bool         // the detail pane shows all answers instead of evidence
	nav      common.Request

	detail viewport.Model
	name   textinput.Model // a theme of the runner's own, while adding
	notes  textbox.Model
	motive textinput.Model

	width, height int
}

// New builds the screen on the season's saved theme board.
func New(env common.Env, saver BoardSaver, board workbook.ThemeBoard) Model {
	notes := common.NewTextArea(env.Styles, "The themes you see, in your own words…")
	notes.SetValue(board.Notes)
	notes.Blur()

	motive := textinput.New()
	// The notes' bar, not the list's "›": the field is a place to write,
	// never mistaken for the theme selected.
	motive.Prompt = "│ "
	motive.Placeholder = "The one motivation that matters most"
	motive.KeyMap.Paste.SetEnabled(false)
	motive.SetStyles(env.Styles.TextInput)
	motive.SetValue(board.Motivation)

	name := textinput.New()
	name.Prompt = "+ "
	name.Placeholder = "a theme in your words, or one of cairn's"
	name.KeyMap.Paste.SetEnabled(false)
	name.SetStyles(env.Styles.TextInput)
	name.ShowSuggestions = true
	var names []string
	for _, t := range catalog.Themes() {
		names = append(names, t.Name)
	}
	name.SetSuggestions(names)

	m := Model{
		env:    env,
		saver:  saver,
		keys:   DefaultKeyMap(),
		board:  board,
		Saver:  common.NewSaver(common.Themes, env),
		detail: viewport.New(),
		name:   name,
		notes:  notes,
		motive: motive,
	}
	m.rebuild(true)
	return m
}

// SetAnswers gives the screen the latest answers and reads them again, as
// the screen is entered. The runner's decisions are kept: they belong to
// themes, not to sentences. The list is put in order again only here:
// while the runner decides, rows stay where they are.
func (m *Model) SetAnswers(answers map[string]string) {
	m.answers = answers
	m.findings = detect.Detect(detect.SeasonSources(answers))
	m.rebuild(true)
}

// Proposed returns what cairn reads in the answers, strongest first: the
// findings the list is built from, before the runner's decisions.
func (m Model) Proposed() []detect.Finding { return slices.Clone(m.findings) }

// SetValues gives the screen the runner's chosen values to show.
func (m *Model) SetValues(values []common.Ref) { m.values = values }

// rebuild lays out the rows: cairn's proposals strongest first, then themes
// the runner decided on that the answers no longer show, then the runner's
// own; dismissed themes sink to the end. Unless resort is set, rows already
// listed keep their places and new ones (a theme just added) come last: a
// list that moved under the cursor after each decision would have the next
// key act on a theme the runner was not looking at.
func (m *Model) rebuild(resort bool) {
	var keep workbook.Ref
	at := m.cursor
	if m.cursor < len(m.rows) {
		keep = m.rows[m.cursor].ref
	}
	marks := map[workbook.Ref]workbook.ThemeMark{}
	for _, mk := range m.board.Marks {
		marks[mk.Theme] = mk
	}
	var rows []row
	seen := map[workbook.Ref]bool{}
	add := func(r row) {
		if mk, ok := marks[r.ref]; ok {
			r.status, r.polarity = mk.Status, mk.Polarity
		}
		rows = append(rows, r)
		seen[r.ref] = true
	}
	for i := range m.findings {
		f := &m.findings[i]
		t, _ := catalog.LookupTheme(f.Theme)
		add(row{ref: workbook.Theme(string(f.Theme)), name: t.Name, polarity: f.Polarity, finding: f})
	}
	for _, mk := range m.board.Marks {
		if mk.Theme.Own || mk.Status == workbook.Undecided {
			continue
		}
		if t, ok := catalog.LookupTheme(catalog.ThemeID(mk.Theme.ID)); ok && !seen[mk.Theme] {
			add(row{ref: mk.Theme, name: t.Name})
		}
	}
	for _, o := range m.board.Own {
		rows = append(rows, row{ref: o.Ref(), name: o.Name, polarity: o.Polarity, status: workbook.Confirmed, own: true})
	}
	if resort || len(m.rows) == 0 {
		slices.SortStableFunc(rows, func(a, b row) int {
			return boolInt(a.status == workbook.Dismissed) - boolInt(b.status == workbook.Dismissed)
		})
	} else {
		rows = inPlaces(m.rows, rows)
	}
	m.rows = rows
	m.cursor = max(0, min(at, len(rows)-1))
	if i := slices.IndexFunc(rows, func(r row) bool { return r.ref == keep }); i >= 0 {
		m.cursor = i
	}
	if i := slices.IndexFunc(rows, func(r row) bool { return r.ref == m.want }); i >= 0 && !m.want.IsZero() {
		m.cursor, m.want = i, workbook.Ref{}
	}
	m.layout()
	m.syncKeys()
	m.refreshDetail()
}

// inPlaces orders rows as the themes were listed in old, with themes old
// did not list after them, in their own order.
func inPlaces(old, rows []row) []row {
	place := make(map[workbook.Ref]int, len(old))
	for i, r := range old {
		place[r.ref] = i
	}
	slices.SortStableFunc(rows, func(a, b row) int {
		pa, inA := place[a.ref]
		pb, inB := place[b.ref]
		switch {
		case inA && inB:
			return pa - pb
		case inA:
			return -1
		case inB:
			return 1
		}
		return 0
	})
	return rows
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Board returns the live theme board.
func (m Model) Board() workbook.ThemeBoard { return cloneBoard(m.board) }

// Chosen returns what the runner holds to: themes they confirmed (or named)
// as drawn to, and those they would rather not build goals on, the one
// that matters most first in its list. A theme can matter most as
// something to avoid.
func (m Model) Chosen() (toward, averse []common.Ref) {
	for _, r := range m.rows {
		if r.status != workbook.Confirmed {
			continue
		}
		ref := common.Ref{Ref: r.ref, Name: r.name}
		list := &toward
		if r.polarity == workbook.Away {
			list = &averse
		}
		if r.ref == m.board.Top {
			*list = append([]common.Ref{ref}, *list...)
		} else {
			*list = append(*list, ref)
		}
	}
	return toward, averse
}

// Select puts the cursor on theme ref, now or as soon as it is listed:
// a proposed theme is listed only once the answers are read.
func (m *Model) Select(ref workbook.Ref) {
	m.want = ref
	m.rebuild(false)
}

// Selected returns the theme under the cursor, or the zero Ref.
func (m Model) Selected() workbook.Ref {
	if m.cursor < len(m.rows) {
		return m.rows[m.cursor].ref
	}
	return workbook.Ref{}
}

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

// Typing reports whether plain keys are text right now.
func (m Model) Typing() bool { return m.adding || m.focus != partList }

// EditorText returns the notes about the themes, when they have focus,
// for the runner's own editor (common.Editable).
func (m Model) EditorText() (string, bool) {
	if m.focus != partNotes || m.adding || m.removing {
		return "", false
	}
	return m.notes.Value(), true
}

// TakeNavigation returns the move this screen asked for in its last
// Update, if any.
func (m *Model) TakeNavigation() (common.NavigateMsg, bool) { return m.nav.Take() }

// SetStyles applies new styles.
func (m *Model) SetStyles(s *common.Styles) {
	m.env.Styles = s
	m.notes.SetStyles(s.TextArea)
	m.motive.SetStyles(s.TextInput)
	m.name.SetStyles(s.TextInput)
	m.refreshDetail()
}

// Focus puts the focus on the list, as when the screen is entered. A
// removal waiting for y or n is dropped: it has changed nothing yet.
func (m *Model) Focus() {
	m.adding = false
	m.removing = false
	m.reading = false
	m.setFocus(partList)
}

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
	m.syncKeys()
}

func (m *Model) syncKeys() {
	var sel row
	has := m.cursor < len(m.rows)
	if has {
		sel = m.rows[m.cursor]
	}
	m.keys.setPart(m.focus, m.adding, m.removing, sel, has)
}

// Update handles a message for this screen.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case common.AutosaveMsg, common.SavedMsg, common.RetryMsg:
		return m, m.Saver.Update(msg)
	case tea.PasteMsg:
		return m.edit(msg)
	case textbox.ReplaceMsg:
		if _, ok := m.EditorText(); ok {
			return m.edit(msg)
		}
		return m, nil
	case tea.KeyPressMsg:
		if m.removing {
			return m.updateRemoving(msg)
		}
		if m.adding {
			return m.updateAdding(msg)
		}
		switch {
		case key.Matches(msg, m.keys.Next):
			if m.focus+1 == partCount {
				m.nav.Navigate(common.GoTo(common.NextStep(common.Themes)))
				return m, m.Saver.Flush()
			}
			m.setFocus(m.focus + 1)
			return m, nil
		case key.Matches(msg, m.keys.Prev):
			if m.focus == partList {
				m.nav.Navigate(common.GoTo(common.PrevStep(common.Themes)))
				return m, m.Saver.Flush()
			}
			m.setFocus(m.focus - 1)
			return m, nil
		case key.Matches(msg, m.keys.Back):
			m.setFocus(partList)
			return m, m.Saver.Flush()
		case key.Matches(msg, m.keys.Save):
			return m, m.Saver.Flush()
		}
		if m.focus == partList {
			return m.updateList(msg)
		}
	}
	return m.edit(msg)
}

// updateList handles the keys that decide on themes.
func (m Model) updateList(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(msg, k.Down):
		m.cursor = max(min(m.cursor+1, len(m.rows)-1), 0)
	case key.Matches(msg, k.Confirm):
		return m.decide(workbook.Confirmed)
	case key.Matches(msg, k.Dismiss):
		return m.decide(workbook.Dismissed)
	case key.Matches(msg, k.Flip):
		return m.flip()
	case key.Matches(msg, k.Top):
		return m.markTop()
	case key.Matches(msg, k.Remove):
		if m.cursor < len(m.rows) && m.rows[m.cursor].own {
			m.removing = true
		}
	case key.Matches(msg, k.Add):
		m.adding = true
		m.name.Reset()
		m.syncKeys()
		return m, m.name.Focus()
	case key.Matches(msg, k.Read):
		m.reading = !m.reading
		m.refreshDetail()
		return m, nil
	default:
		var cmd tea.Cmd
		m.detail, cmd = m.detail.Update(msg)
		return m, cmd
	}
	m.syncKeys()
	m.refreshDetail()
	return m, nil
}

// decide sets the selected theme's status, keeping the direction it has;
// deciding the same way twice takes the decision back, leaving the theme
// undecided again. Each decision says what it did in the status line.
func (m Model) decide(status workbook.MarkStatus) (Model, tea.Cmd) {
	if m.cursor >= len(m.rows) || m.rows[m.cursor].own {
		return m, nil
	}
	r := m.rows[m.cursor]
	if r.status == status {
		status = workbook.Undecided
	}
	m.setMark(r.ref, r.polarity, status)
	note := r.name + ": "
	switch status {
	case workbook.Confirmed:
		note += "that's you, " + r.polarity.Words() + "."
	case workbook.Dismissed:
		note += "not you. It moves to the end next time you come here."
	default:
		note += "taken back; not decided yet."
	}
	if status != workbook.Confirmed && m.board.Top == r.ref {
		m.board.Top = workbook.Ref{}
		note += " It no longer matters most."
	}
	return m.changed(note)
}

// flip turns "drawn to it" into "would rather not" and back, and does
// nothing else: a theme not yet decided stays undecided, one that matters
// most keeps its star. The runner, not the detector, has the last word on
// direction.
func (m Model) flip() (Model, tea.Cmd) {
	if m.cursor >= len(m.rows) {
		return m, nil
	}
	r := m.rows[m.cursor]
	pol := r.polarity.Flip()
	if r.own {
		m.setOwnPolarity(r.ref, pol)
	} else {
		m.setMark(r.ref, pol, r.status)
	}
	note := r.name + ": now " + pol.Words() + "."
	if r.status == workbook.Undecided && !r.own {
		note += " y if this is you, n if it isn't."
	}
	return m.changed(note)
}

// markTop names the selected theme as the one that matters most, keeping
// its direction, and confirms it if it was not yet; marking it again takes
// the star back.
func (m Model) markTop() (Model, tea.Cmd) {
	if m.cursor >= len(m.rows) {
		return m, nil
	}
	r := m.rows[m.cursor]
	if m.board.Top == r.ref {
		m.board.Top = workbook.Ref{}
		return m.changed(r.name + ": no longer the one that matters most.")
	}
	m.board.Top = r.ref
	note := r.name + ": the one that matters most (" + r.polarity.Words() + ")."
	if !r.own && r.status != workbook.Confirmed {
		m.setMark(r.ref, r.polarity, workbook.Confirmed)
		note = r.name + ": that's you, and the one that matters most (" + r.polarity.Words() + ")."
	}
	return m.changed(note)
}

// setOwnPolarity points one of the runner's own themes the other way.
func (m *Model) setOwnPolarity(ref workbook.Ref, pol workbook.Polarity) {
	own := slices.Clone(m.board.Own)
	for i := range own {
		if own[i].Ref() == ref {
			own[i].Polarity = pol
		}
	}
	m.board.Own = own
}

// updateRemoving asks before one of the runner's own themes is removed, as
// removing a goal or a value with words does.
func (m Model) updateRemoving(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Yes):
		m.removing = false
		return m.removeOwn()
	case key.Matches(msg, m.keys.No):
		m.removing = false
		m.syncKeys()
	}
	return m, nil
}

func (m Model) removeOwn() (Model, tea.Cmd) {
	if m.cursor >= len(m.rows) || !m.rows[m.cursor].own {
		return m, nil
	}
	r := m.rows[m.cursor]
	m.board.Own = slices.DeleteFunc(slices.Clone(m.board.Own), func(o workbook.OwnTheme) bool { return o.Ref() == r.ref })
	if m.board.Top == r.ref {
		m.board.Top = workbook.Ref{}
	}
	return m.changed("Removed “" + r.name + "”.")
}

// setMark records a decision, replacing any earlier one for the theme. An
// undecided theme keeps a mark only for a direction the runner gave it
// that differs from what cairn read: that is theirs to keep.
func (m *Model) setMark(ref workbook.Ref, polarity workbook.Polarity, status workbook.MarkStatus) {
	marks := slices.DeleteFunc(slices.Clone(m.board.Marks), func(mk workbook.ThemeMark) bool { return mk.Theme == ref })
	if status != workbook.Undecided || polarity != m.detected(ref) {
		marks = append(marks, workbook.ThemeMark{Theme: ref, Polarity: polarity, Status: status})
	}
	m.board.Marks = marks
}

// detected is the direction cairn reads for a theme in the answers, or
// zero when it does not find the theme.
func (m Model) detected(ref workbook.Ref) workbook.Polarity {
	if ref.Own {
		return 0
	}
	for _, f := range m.findings {
		if string(f.Theme) == ref.ID {
			return f.Polarity
		}
	}
	return 0
}

// changed saves a decision at once, lays the list out again (in place)
// and says in the status line what happened.
func (m Model) changed(note string) (Model, tea.Cmd) {
	m.board.Updated = m.env.Now().UTC()
	m.rebuild(false)
	return m, tea.Batch(m.Saver.Write(m.record()), common.Status(note))
}

// updateAdding handles the one-line input for a theme of the runner's own.
// A name that matches one of cairn's themes confirms that theme instead.
func (m Model) updateAdding(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Cancel):
		m.adding = false
		m.name.Blur()
		m.syncKeys()
		return m, nil
	case key.Matches(msg, m.keys.Accept):
		name := common.OneLine(m.name.Value())
		m.adding = false
		m.name.Blur()
		if name == "" {
			m.syncKeys()
			return m, nil
		}
		for _, t := range catalog.Themes() {
			if strings.EqualFold(t.Name, name) || strings.EqualFold(string(t.ID), name) {
				ref := workbook.Theme(string(t.ID))
				pol := workbook.Toward
				if i := slices.IndexFunc(m.rows, func(r row) bool { return r.ref == ref }); i >= 0 {
					pol = m.rows[i].polarity // naming a listed theme confirms it as it stands
				}
				m.setMark(ref, pol, workbook.Confirmed)
				m.rebuild(false)
				m.cursor = slices.IndexFunc(m.rows, func(r row) bool { return r.ref == ref })
				return m.changed(t.Name + ": that's you, " + pol.Words() + ".")
			}
		}
		own := workbook.OwnTheme{ID: workbook.NewID(m.env.Now()), Name: name, Polarity: workbook.Toward}
		m.board.Own = append(slices.Clone(m.board.Own), own)
		m.rebuild(false)
		m.cursor = slices.IndexFunc(m.rows, func(r row) bool { return r.ref == own.Ref() })
		return m.changed("Added “" + name + "”, a theme of your own.")
	}
	return m.typeName(msg)
}

// typeName passes a key or a paste to the name being added, unless it would
// take the name past its limit.
func (m Model) typeName(msg tea.Msg) (Model, tea.Cmd) {
	msg, why := common.AdmitLine(msg, m.name.Value(), common.MaxNameRunes, "A theme's name")
	if why != "" {
		m.Saver.Refuse(why)
		return m, nil
	}
	var cmd tea.Cmd
	m.name, cmd = m.name.Update(msg)
	return m, cmd
}

// edit sends msg to the focused writing field and notices changes.
func (m Model) edit(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.focus {
	case partList:
		if m.adding {
			if _, ok := msg.(tea.PasteMsg); ok {
				return m.typeName(msg)
			}
			return m, nil
		}
		m.detail, cmd = m.detail.Update(msg)
		return m, cmd
	case partNotes:
		msg, why := common.Admit(msg, &m.notes)
		if why != "" {
			m.Saver.Refuse(why)
			return m, nil
		}
		m.notes, cmd = m.notes.Update(msg)
	case partMotivation:
		msg, why := common.AdmitLine(msg, m.board.Motivation, common.MaxLineRunes, "The motivation")
		if why != "" {
			m.Saver.Refuse(why)
			return m, nil
		}
		m.motive, cmd = m.motive.Update(msg)
	}
	if m.notes.Value() == m.board.Notes && m.motive.Value() == m.board.Motivation {
		return m, cmd
	}
	m.board.Notes, m.board.Motivation = m.notes.Value(), m.motive.Value()
	m.board.Updated = m.env.Now().UTC()
	return m, tea.Batch(cmd, m.Saver.Edited(m.record()))
}

// record is the write of the theme board as it is now. It captures a
// copy, never the model.
func (m Model) record() common.Record {
	season, saver, board := m.env.Season, m.saver, cloneBoard(m.board)
	return common.Record{Key: "themes", What: "your themes", Save: func() error {
		return saver.SaveThemes(season, board)
	}}
}

func cloneBoard(b workbook.ThemeBoard) workbook.ThemeBoard {
	b.Marks = slices.Clone(b.Marks)
	b.Own = slices.Clone(b.Own)
	return b
}
