package journal

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cairn-run/cairn/tui/textbox"

	jr "github.com/cairn-run/cairn/journal"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// The entry form: a run in thirty seconds. The date is filled in, the
// cursor starts on the distance, and every field is optional. What is
// typed is saved as it is typed, once the form holds something and
// everything in it reads; a blank form saves nothing. A value that cannot
// be (a 3-minute marathon, enjoyment 9) is never trimmed to fit: the form
// says what is wrong, beside the field and in the status line, and keeps
// the last run that made sense.

// fieldKind is what a form field takes, and so which keys work on it.
type fieldKind int

const (
	kindLine   fieldKind = iota // one line of text: a date, a distance, a time
	kindScore                   // 1 to 5
	kindTags                    // kinds of run, ticked
	kindChoice                  // one of a few
	kindNote                    // the note
)

// slotID names a field of the form.
type slotID int

const (
	sDate slotID = iota
	sDistance
	sTime
	sEnjoy
	sBefore
	sAfter
	sKinds
	sFit // one for each value
	sTried
	sNote
)

// slot is one field of the form. It holds no pointers: the form is
// copied with the model on every update.
type slot struct {
	id    slotID
	label string
	// value is the value a fit slot rates; zero for other slots.
	value workbook.Ref
}

// kind is what the field takes.
func (sl slot) kind() fieldKind {
	switch sl.id {
	case sDate, sDistance, sTime:
		return kindLine
	case sEnjoy, sBefore, sAfter, sFit:
		return kindScore
	case sKinds:
		return kindTags
	case sTried:
		return kindChoice
	}
	return kindNote
}

// line is the text field of a date, distance or time slot.
func (f *form) line(id slotID) *textinput.Model {
	switch id {
	case sDate:
		return &f.date
	case sDistance:
		return &f.distance
	}
	return &f.time
}

// MaxFieldRunes is the longest a date, a distance or a time is typed.
const MaxFieldRunes = 40

type form struct {
	isNew bool
	// base is the run as the form opened it: its ID, when it was made and
	// where it came from are kept.
	base   workbook.Entry
	unit   workbook.Unit
	values []Value
	slots  []slot
	focus  int

	date, distance, time textinput.Model
	note                 textbox.Model
	enjoy, before, after workbook.Score
	fit                  map[workbook.Ref]workbook.Score
	tags                 []string
	kinds                []string // the kinds offered: the runner's, then any on the run
	kindCursor           int
	adding               bool
	newKind              textinput.Model
	tried                workbook.Ref

	// The last reading of each text field that made sense, and what is
	// wrong with each that does not.
	day      workbook.Day
	metres   int
	duration time.Duration
	problems map[int]string
	// leaving is set by a first esc with something wrong: a second esc
	// leaves, keeping the last run that made sense.
	leaving bool
	width   int
}

// openForm opens the form on e, or on a new run when e has no ID. A run
// logged with the log key from another screen returns there when done.
func (m *Model) openForm(e workbook.Entry, fromLogKey bool) tea.Cmd {
	now := m.env.Now()
	f := form{isNew: e.ID == "", unit: m.settings.Unit, values: m.enter.Values, problems: map[int]string{}, width: m.width}
	if f.isNew {
		e = workbook.Entry{ID: workbook.NewID(now), Day: workbook.DayOf(now), Created: now.UTC(), Source: workbook.Source{Kind: workbook.Typed}}
	}
	if !fromLogKey {
		m.hasBack = false
	}
	f.base = e.Clone()
	s := m.env.Styles
	f.date = newLine(s, "today")
	f.distance = newLine(s, "5k, 10 km, 3.1 mi, half")
	f.time = newLine(s, "28:30, 1h05, 45m")
	f.newKind = newLine(s, "a kind of your own")
	f.note = common.NewTextArea(s, "A line or two: the route, the company, how it went.")
	f.note.SetHeight(3)
	f.day, f.metres, f.duration = e.Day, e.Metres, e.Duration
	switch {
	case f.isNew || e.Day == workbook.DayOf(now):
		f.date.SetValue("today")
	default:
		f.date.SetValue(e.Day.String())
	}
	if e.Metres > 0 {
		f.distance.SetValue(jr.FormatDistance(e.Metres, f.unit))
	}
	if e.Duration > 0 {
		f.time.SetValue(jr.FormatDuration(e.Duration))
	}
	f.note.SetValue(e.Note)
	f.enjoy, f.before, f.after = e.Enjoyment, e.Before, e.After
	f.fit = maps.Clone(e.Fit)
	if f.fit == nil {
		f.fit = map[workbook.Ref]workbook.Score{}
	}
	f.tags = slices.Clone(e.Tags)
	f.kinds = slices.Clone(m.settings.Tags)
	for _, t := range e.Tags {
		if !slices.Contains(f.kinds, t) {
			f.kinds = append(f.kinds, t)
		}
	}
	f.tried = e.Experiment
	f.layout()
	f.setWidth(m.width)
	m.form = f
	m.mode = modeForm
	m.form.focus = 1 // the distance: the date is today unless changed
	return m.form.focusSlot()
}

// layout lists the form's fields in the order they are asked.
func (f *form) layout() {
	f.slots = []slot{
		{id: sDate, label: "Date"},
		{id: sDistance, label: "Distance"},
		{id: sTime, label: "Time"},
		{id: sEnjoy, label: "Enjoyment"},
		{id: sBefore, label: "Before"},
		{id: sAfter, label: "After"},
		{id: sKinds, label: "Kind of run"},
	}
	for _, v := range f.values {
		f.slots = append(f.slots, slot{id: sFit, label: v.Name, value: v.Ref})
	}
	if len(f.experiments()) > 0 || !f.tried.IsZero() {
		f.slots = append(f.slots, slot{id: sTried, label: "Experiment"})
	}
	f.slots = append(f.slots, slot{id: sNote, label: "Note"})
}

// experiments are the values with an experiment to try.
func (f form) experiments() []Value {
	var out []Value
	for _, v := range f.values {
		if strings.TrimSpace(v.Experiment) != "" {
			out = append(out, v)
		}
	}
	return out
}

func (f form) kind() fieldKind {
	if f.focus < 0 || f.focus >= len(f.slots) {
		return kindLine
	}
	if f.adding {
		return kindLine
	}
	return f.slots[f.focus].kind()
}

// scoreOf is the score a score slot holds.
func (f *form) scoreOf(sl slot) workbook.Score {
	switch sl.id {
	case sEnjoy:
		return f.enjoy
	case sBefore:
		return f.before
	case sAfter:
		return f.after
	}
	return f.fit[sl.value]
}

func (f *form) setScore(sl slot, s workbook.Score) {
	switch sl.id {
	case sEnjoy:
		f.enjoy = s
	case sBefore:
		f.before = s
	case sAfter:
		f.after = s
	default:
		if s == 0 {
			delete(f.fit, sl.value)
			return
		}
		// The map is the model's own copy-on-write: an older copy of the
		// model never sees the change.
		fit := maps.Clone(f.fit)
		fit[sl.value] = s
		f.fit = fit
	}
}

// focusSlot focuses the text field of the slot in focus, if it has one.
func (f *form) focusSlot() tea.Cmd {
	f.date.Blur()
	f.distance.Blur()
	f.time.Blur()
	f.note.Blur()
	f.newKind.Blur()
	switch sl := f.slots[f.focus]; sl.kind() {
	case kindLine:
		f.line(sl.id).CursorEnd()
		return f.line(sl.id).Focus()
	case kindNote:
		return f.note.Focus()
	}
	return nil
}

func (f *form) setStyles(s *common.Styles) {
	if len(f.slots) == 0 {
		return
	}
	for _, in := range []*textinput.Model{&f.date, &f.distance, &f.time, &f.newKind} {
		in.SetStyles(s.TextInput)
	}
	f.note.SetStyles(s.TextArea)
}

// labelWidth is the width of the labels' column.
// labelWidth is the width of the labels' column: the marker, the longest
// label in cells (a value's name may hold an emoji, two cells wide) and two
// spaces before the field, so a label never runs into its dots. A long
// name of the runner's own is cut only when the window has no room for
// it: the column takes at most a third of the width.
func (f form) labelWidth() int {
	w := 12
	for _, sl := range f.slots {
		w = max(w, 2+lipgloss.Width(sl.label)+2)
	}
	return min(w, max(22, f.width/3))
}

func (f *form) setWidth(w int) {
	f.width = w
	if len(f.slots) == 0 {
		return // not open: its fields are not made yet
	}
	field := max(w-f.labelWidth()-2, 8)
	// Short fields, so what they read as shows beside them.
	for _, in := range []*textinput.Model{&f.date, &f.distance, &f.time, &f.newKind} {
		in.SetWidth(min(field, 22))
	}
	f.note.SetWidth(field)
}

// entry is the run the form holds: the last reading of each text field
// that made sense, and everything chosen.
func (f form) entry() workbook.Entry {
	e := f.base.Clone()
	e.Day, e.Metres, e.Duration = f.day, f.metres, f.duration
	e.Enjoyment, e.Before, e.After = f.enjoy, f.before, f.after
	e.Fit = nil
	if len(f.fit) > 0 {
		e.Fit = maps.Clone(f.fit)
	}
	e.Tags = slices.Clone(f.tags)
	if len(e.Tags) == 0 {
		e.Tags = nil
	}
	e.Experiment = f.tried
	e.Note = f.note.Value()
	return e
}

// read reads the text field of slot i, noting what is wrong with it.
func (f *form) read(i int, now time.Time) {
	delete(f.problems, i)
	sl := f.slots[i]
	if sl.kind() != kindLine {
		return
	}
	text := strings.TrimSpace(f.line(sl.id).Value())
	var err error
	switch sl.id {
	case sDate:
		var d workbook.Day
		if text == "" {
			err = fmt.Errorf("a run needs a date: today, yesterday, 30 nov")
		} else if d, err = jr.ParseDate(text, now); err == nil {
			f.day = d
		}
	case sDistance:
		m := 0
		if text != "" {
			m, err = jr.ParseDistance(text, f.unit)
		}
		if err == nil {
			f.metres = m
		}
	case sTime:
		var d time.Duration
		if text != "" {
			d, err = jr.ParseDuration(text)
		}
		if err == nil {
			f.duration = d
		}
	}
	if err != nil {
		f.problems[i] = capitalise(err.Error()) + "."
	}
}

// check returns what is wrong with the form: a field that does not read,
// or a run that cannot be (in the order the fields are asked), and the
// slot it is in.
func (f form) check(today workbook.Day) (int, string) {
	for i := range f.slots {
		if p, ok := f.problems[i]; ok {
			return i, p
		}
	}
	for _, p := range jr.Check(f.entry(), today, f.unit) {
		return f.slotOf(p.Field), p.Text
	}
	return -1, ""
}

// problemAt is what is wrong with the field in slot i, if anything.
func (f form) problemAt(i int, today workbook.Day) string {
	if p, ok := f.problems[i]; ok {
		return p
	}
	for _, p := range jr.Check(f.entry(), today, f.unit) {
		if f.slotOf(p.Field) == i {
			return p.Text
		}
	}
	return ""
}

// slotOf finds the slot a problem's field names.
func (f form) slotOf(field string) int {
	want, ok := map[string]slotID{"date": sDate, "distance": sDistance, "time": sTime, "enjoyment": sEnjoy,
		"before": sBefore, "after": sAfter, "tags": sKinds, "fit": sFit, "note": sNote, "experiment": sTried}[field]
	for i, sl := range f.slots {
		if ok && sl.id == want {
			return i
		}
	}
	return f.focus
}

// record is the write of the run as the form holds it, from copies.
func (m Model) entryRecord(e workbook.Entry) common.Record {
	st := m.st
	e = e.Clone()
	return common.Record{Key: "entry/" + e.ID, What: "your run", Save: func() error { return st.PutEntry(e) }}
}

func (m Model) settingsRecord(s workbook.JournalSettings) common.Record {
	st := m.st
	s.Tags = slices.Clone(s.Tags)
	return common.Record{Key: "journal-settings", What: "your journal's settings", Save: func() error { return st.SaveJournalSettings(s) }}
}

// edited takes an edit of the form: if the form holds a run that reads
// and can be, it is kept in the list and saved; otherwise nothing is
// saved, and the last run that made sense stays.
func (m *Model) edited() tea.Cmd {
	f := &m.form
	f.leaving = false
	e := f.entry()
	if jr.Blank(e) {
		return nil
	}
	if _, why := f.check(m.today()); why != "" {
		return nil
	}
	e.Updated = m.env.Now().UTC()
	m.upsert(e)
	m.list.selectID(e.ID)
	return m.Saver.Edited(m.entryRecord(e))
}

func (m *Model) updateForm(msg tea.KeyPressMsg) tea.Cmd {
	f := &m.form
	k := m.keys
	if f.adding {
		return m.updateAddKind(msg)
	}
	sl := f.slots[f.focus]
	switch {
	case key.Matches(msg, k.Save):
		if i, why := f.check(m.today()); why != "" {
			m.Saver.Refuse(why)
			f.focus = i
			return f.focusSlot()
		}
		return m.Saver.Flush()
	case key.Matches(msg, k.Done):
		return m.done()
	case msg.String() == "tab" || msg.String() == "shift+tab" ||
		(sl.kind() != kindNote && (msg.String() == "up" || msg.String() == "down")):
		return m.moveFocus(msg.String() == "tab" || msg.String() == "down")
	}
	switch sl.kind() {
	case kindScore:
		return m.updateScore(sl, msg)
	case kindTags:
		return m.updateTags(msg)
	case kindChoice:
		return m.updateTried(msg)
	}
	return m.formInput(msg)
}

// moveFocus moves to the next field (or back), saying what is wrong with
// the field left, if anything.
func (m *Model) moveFocus(forward bool) tea.Cmd {
	f := &m.form
	if why := f.problemAt(f.focus, m.today()); why != "" {
		m.Saver.Refuse(why)
	}
	n := len(f.slots)
	if forward {
		f.focus = (f.focus + 1) % n
	} else {
		f.focus = (f.focus + n - 1) % n
	}
	return f.focusSlot()
}

// done closes the form. With something wrong, the first esc says what
// and stays; a second leaves, keeping the last run that made sense.
func (m *Model) done() tea.Cmd {
	f := &m.form
	if i, why := f.check(m.today()); why != "" && !f.leaving {
		f.leaving = true
		f.focus = i
		m.Saver.Refuse(why + " (esc again leaves it as it was)")
		return f.focusSlot()
	}
	return m.closeForm(true)
}

// closeForm writes what waits to be written and leaves the form: back to
// the screen the log key came from, or to the list.
func (m *Model) closeForm(leave bool) tea.Cmd {
	if m.mode != modeForm {
		return nil
	}
	f := m.form
	flush := m.Saver.Flush()
	m.mode = modeList
	e := f.entry()
	saved := !jr.Blank(e) && f.problemFree(m.today())
	var status tea.Cmd
	switch {
	case !saved && f.isNew:
		status = common.Status("Nothing was written, so nothing was kept.")
	case !saved:
		status = common.Status("The run was left as it was.")
	default:
		status = common.Status(fmt.Sprintf("Kept: %s, %s.", jr.LongDate(e.Day), jr.Describe(e, m.settings.Unit)))
		m.countTry(f.base, e)
	}
	if p := m.pendingReviews(); saved && len(p) > 0 && !m.asked[p[0].Ref] {
		m.asked[p[0].Ref] = true
		m.openReview(p[0])
		return tea.Batch(flush, status)
	}
	if leave && m.hasBack {
		m.hasBack = false
		m.goBack()
	}
	return tea.Batch(flush, status)
}

// problemFree reports whether the form's run reads and can be.
func (f form) problemFree(today workbook.Day) bool {
	_, why := f.check(today)
	return why == ""
}

// countTry notes a run that now tries an experiment it did not before.
func (m *Model) countTry(before, after workbook.Entry) {
	if before.Experiment == after.Experiment {
		return
	}
	if !before.Experiment.IsZero() && m.tries[before.Experiment] > 0 {
		m.tries[before.Experiment]--
	}
	if !after.Experiment.IsZero() {
		m.tries[after.Experiment]++
	}
}

func (m *Model) updateScore(sl slot, msg tea.KeyPressMsg) tea.Cmd {
	f := &m.form
	cur := f.scoreOf(sl)
	switch {
	case key.Matches(msg, m.keys.Clear):
		f.setScore(sl, 0)
	case key.Matches(msg, m.keys.Less):
		f.setScore(sl, workbook.Score(max(int(cur)-1, 0)))
	case key.Matches(msg, m.keys.More):
		f.setScore(sl, min(cur+1, workbook.MaxScore))
	case len(msg.Text) == 1 && msg.Text[0] >= '1' && msg.Text[0] <= '9':
		n := workbook.Score(msg.Text[0] - '0')
		if !n.Valid() {
			m.Saver.Refuse(fmt.Sprintf("%s goes from 1 to 5, not %d.", scoreName(sl), n))
			return nil
		}
		f.setScore(sl, n)
	case msg.Text != "":
		m.Saver.Refuse(fmt.Sprintf("%s is a number from 1 to 5 (0 clears it).", scoreName(sl)))
		return nil
	default:
		return nil
	}
	return m.edited()
}

// scoreName says which score a slot is, for a refusal.
func scoreName(sl slot) string {
	switch sl.label {
	case "Before":
		return "How you felt before"
	case "After":
		return "How you felt after"
	case "Enjoyment":
		return "Enjoyment"
	}
	return "How well it fit " + sl.label
}

func (m *Model) updateTags(msg tea.KeyPressMsg) tea.Cmd {
	f := &m.form
	n := len(f.kinds) + 1 // the kinds, then "+ your own"
	switch {
	case key.Matches(msg, m.keys.Less):
		f.kindCursor = (f.kindCursor + n - 1) % n
	case key.Matches(msg, m.keys.More):
		f.kindCursor = (f.kindCursor + 1) % n
	case key.Matches(msg, m.keys.AddKind) || (key.Matches(msg, m.keys.Toggle) && f.kindCursor == len(f.kinds)):
		f.adding = true
		f.newKind.SetValue("")
		return f.newKind.Focus()
	case key.Matches(msg, m.keys.Toggle) || msg.String() == "enter":
		if f.kindCursor < len(f.kinds) {
			t := f.kinds[f.kindCursor]
			if i := slices.Index(f.tags, t); i >= 0 {
				f.tags = slices.Delete(f.tags, i, i+1)
			} else {
				f.tags = append(f.tags, t)
			}
			return m.edited()
		}
	}
	return nil
}

// updateAddKind takes the name of a kind of run of the runner's own.
func (m *Model) updateAddKind(msg tea.KeyPressMsg) tea.Cmd {
	f := &m.form
	switch msg.String() {
	case "esc":
		f.adding = false
		f.newKind.Blur()
		return nil
	case "enter":
		t := workbook.Tag(f.newKind.Value())
		f.adding = false
		f.newKind.Blur()
		if t == "" {
			return nil
		}
		if !slices.Contains(f.kinds, t) {
			f.kinds = append(f.kinds, t)
		}
		f.kindCursor = slices.Index(f.kinds, t)
		if !slices.Contains(f.tags, t) {
			f.tags = append(f.tags, t)
		}
		var saveSettings tea.Cmd
		if next, added := m.settings.AddTags(t); len(added) > 0 {
			m.settings = next
			saveSettings = m.Saver.Write(m.settingsRecord(next))
		}
		return tea.Batch(saveSettings, m.edited())
	}
	msg2, why := common.AdmitLine(msg, f.newKind.Value(), jr.MaxTagRunes, "A kind of run")
	if why != "" {
		m.Saver.Refuse(why)
		return nil
	}
	var cmd tea.Cmd
	f.newKind, cmd = f.newKind.Update(msg2)
	return cmd
}

func (m *Model) updateTried(msg tea.KeyPressMsg) tea.Cmd {
	f := &m.form
	choices := []workbook.Ref{{}}
	for _, v := range f.experiments() {
		choices = append(choices, v.Ref)
	}
	if !f.tried.IsZero() && !slices.Contains(choices, f.tried) {
		choices = append(choices, f.tried) // a value no longer chosen keeps its mark
	}
	i := slices.Index(choices, f.tried)
	switch {
	case key.Matches(msg, m.keys.Less):
		i = (i + len(choices) - 1) % len(choices)
	case key.Matches(msg, m.keys.More), key.Matches(msg, m.keys.Toggle):
		i = (i + 1) % len(choices)
	default:
		return nil
	}
	f.tried = choices[i]
	return m.edited()
}

// formInput passes a key or a paste to the text field in focus, refusing
// what would not fit, and reads the field again.
func (m *Model) formInput(msg tea.Msg) tea.Cmd {
	f := &m.form
	if f.adding {
		if p, ok := msg.(tea.PasteMsg); ok {
			p2, why := common.AdmitLine(p, f.newKind.Value(), jr.MaxTagRunes, "A kind of run")
			if why != "" {
				m.Saver.Refuse(why)
				return nil
			}
			var cmd tea.Cmd
			f.newKind, cmd = f.newKind.Update(p2)
			return cmd
		}
		return nil
	}
	sl := f.slots[f.focus]
	var cmd tea.Cmd
	switch sl.kind() {
	case kindNote:
		msg, why := common.Admit(msg, &f.note)
		if why != "" {
			m.Saver.Refuse(why)
			return nil
		}
		before := f.note.Value()
		f.note, cmd = f.note.Update(msg)
		if f.note.Value() == before {
			return cmd
		}
	case kindLine:
		line := f.line(sl.id)
		msg, why := common.AdmitLine(msg, line.Value(), MaxFieldRunes, sl.label)
		if why != "" {
			m.Saver.Refuse(why)
			return nil
		}
		before := line.Value()
		*line, cmd = line.Update(msg)
		if line.Value() == before {
			return cmd
		}
		f.read(f.focus, m.env.Now())
	default:
		return nil
	}
	return tea.Batch(cmd, m.edited())
}

// formView draws the form, scrolled so the field in focus shows.
func (m Model) formView() string {
	s := m.env.Styles
	f := m.form
	lw := f.labelWidth()
	title := "Log a run"
	if !f.isNew {
		title = "Your run of " + jr.LongDate(f.base.Day)
	}
	var lines []string
	focusAt := 0
	for i, sl := range f.slots {
		if i == f.focus {
			focusAt = len(lines)
		}
		label := common.Truncate(sl.label, lw-4)
		mark := "  "
		style := s.Muted
		if i == f.focus {
			mark, style = "› ", s.Accent
		}
		if _, bad := f.problems[i]; bad {
			mark = s.Nudge.Render("! ")
		}
		head := mark + style.Render(label) + strings.Repeat(" ", max(lw-2-lipgloss.Width(label), 0))
		for j, l := range strings.Split(m.slotView(i, sl), "\n") {
			if j == 0 {
				lines = append(lines, head+l)
			} else {
				lines = append(lines, strings.Repeat(" ", lw)+l)
			}
		}
	}
	foot := ""
	if _, why := f.check(m.today()); why != "" {
		foot = s.Nudge.Render(common.Wrap(why, m.width))
	} else if e := f.entry(); !jr.Blank(e) {
		foot = s.Muted.Render(common.Truncate(jr.Describe(e, f.unit), m.width))
	}
	head := []string{s.Title.Render(common.Truncate(title, m.width)), ""}
	room := m.height - len(head) - lipgloss.Height(foot) - 1
	if room < 1 {
		room = max(m.height-len(head), 1)
		foot = ""
	}
	start := 0
	if len(lines) > room {
		start = min(max(focusAt-room/2, 0), len(lines)-room)
	}
	body := lines[start:min(start+room, len(lines))]
	for i := range body {
		body[i] = common.Truncate(body[i], m.width)
	}
	out := strings.Join(append(head, body...), "\n")
	if foot != "" {
		out += "\n\n" + foot
	}
	return out
}

// slotView draws the value of one field.
func (m Model) slotView(i int, sl slot) string {
	s := m.env.Styles
	f := m.form
	focused := i == f.focus
	switch sl.kind() {
	case kindLine:
		v := f.line(sl.id).View()
		if sl.id == sDate && f.day != 0 && f.problems[i] == "" {
			v += s.Muted.Render("  " + jr.LongDate(f.day))
		}
		return v
	case kindScore:
		return scoreView(f.scoreOf(sl), focused, s)
	case kindTags:
		var parts []string
		for j, t := range append(slices.Clone(f.kinds), "+ your own") {
			text := t
			style := s.Muted
			if j < len(f.kinds) && slices.Contains(f.tags, t) {
				text, style = "✓ "+t, s.Text
			}
			if focused && j == f.kindCursor {
				style = s.Selected
				text = "[" + text + "]"
			}
			parts = append(parts, style.Render(text))
		}
		if f.adding {
			parts = append(parts, s.Accent.Render("new: ")+f.newKind.View())
		}
		return common.Wrap(strings.Join(parts, s.Muted.Render(" · ")), max(m.width-f.labelWidth(), 10))
	case kindChoice:
		text := "none"
		if !f.tried.IsZero() {
			text = m.valueName(f.tried)
			for _, v := range f.values {
				if v.Ref == f.tried && v.Experiment != "" {
					text += ": " + common.OneLine(v.Experiment)
				}
			}
		}
		if focused {
			return s.Selected.Render("‹ " + text + " ›")
		}
		return s.Text.Render(text)
	case kindNote:
		return f.note.View()
	}
	return ""
}

// scoreView draws a score as five dots, the number beside.
func scoreView(n workbook.Score, focused bool, s *common.Styles) string {
	dots := strings.Repeat("●", int(min(n, workbook.MaxScore))) + strings.Repeat("○", int(workbook.MaxScore-min(n, workbook.MaxScore)))
	style := s.Muted
	if focused {
		style = s.Accent
	}
	if !n.Given() {
		return style.Render(dots) + s.Muted.Render("  not said")
	}
	return style.Render(dots) + s.Text.Render(fmt.Sprintf("  %d", n))
}
