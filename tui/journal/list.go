package journal

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	jr "github.com/cairn-run/cairn/journal"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// The list is a window onto the journal, newest first: a few pages read
// from the store around where the runner is looking, never the whole
// journal. Moving near either end of the window reads the next page that
// way; the window keeps at most maxRows runs, dropping pages far behind.
// Its cost per frame is the rows on screen, however long the journal.

const (
	pageSize = 64
	maxRows  = 4 * pageSize
	// prefetch is how close to the window's end the cursor comes before
	// the next page is asked for.
	prefetch = 16
	// recentWeeks is how many weeks the header's sparkline shows.
	recentWeeks = 12
)

// The ways a page can arrive.
const (
	pageOlder = iota
	pageNewer
	pageReset
)

type list struct {
	rows []workbook.Entry // a window of the journal, newest first
	// older is the cursor of the page after the last row, "" when the
	// oldest run is loaded.
	older string
	// atNewest reports that the first row is the newest run.
	atNewest bool
	cursor   int
	top      int
	height   int
	loading  bool
	// pending is a move past the window's edge, made once the page that
	// way arrives: no key is lost to a page still on its way.
	pending int
	// gen numbers windows: a page asked for before a jump is dropped.
	gen int
}

// Messages of the screen's own commands, routed back to it.
type (
	loadedMsg struct {
		settings workbook.JournalSettings
		page     []workbook.Entry
		next     string
		recent   []workbook.Entry
		tries    map[workbook.Ref]int
		err      error
	}
	pageMsg struct {
		gen, dir int
		entries  []workbook.Entry
		next     string
		// select is the ID of the run to put the cursor on, after a reset.
		selectID string
		// empty says why a reset found nothing.
		empty string
		// atNewest says a reset's first run is the newest of all.
		atNewest bool
		err      error
	}
)

func (loadedMsg) RouteTo() common.Screen { return common.Journal }
func (pageMsg) RouteTo() common.Screen   { return common.Journal }

// load reads what the screen needs on its first visit: the settings, the
// newest page, the last twelve weeks and the counts of experiments tried.
func load(st Store, today workbook.Day, since map[workbook.Ref]time.Time) tea.Cmd {
	return func() tea.Msg {
		var msg loadedMsg
		if msg.settings, msg.err = st.JournalSettings(); msg.err != nil {
			return msg
		}
		if msg.page, msg.next, msg.err = st.JournalPage("", pageSize, true); msg.err != nil {
			return msg
		}
		first := today.WeekStart().AddDays(-7 * (recentWeeks - 1))
		msg.err = st.JournalScan(first, today, false, func(e workbook.Entry) bool {
			msg.recent = append(msg.recent, e)
			return true
		})
		if msg.err != nil {
			return msg
		}
		msg.tries, msg.err = countTries(st, since, today)
		return msg
	}
}

// countTries counts the runs that tried each value's experiment since its
// own time: runs written after it, on any day from a month before it (a
// run written up late still counts).
func countTries(st Store, since map[workbook.Ref]time.Time, today workbook.Day) (map[workbook.Ref]int, error) {
	tries := map[workbook.Ref]int{}
	if len(since) == 0 {
		return tries, nil
	}
	earliest := today
	for _, t := range since {
		earliest = min(earliest, workbook.DayOf(t))
	}
	err := st.JournalScan(earliest.AddDays(-31), store.LastDay, false, func(e workbook.Entry) bool {
		if t, ok := since[e.Experiment]; ok && e.Created.After(t) {
			tries[e.Experiment]++
		}
		return true
	})
	return tries, err
}

func (m *Model) handleLoaded(msg loadedMsg) tea.Cmd {
	if msg.err != nil {
		return statusErr("your journal", msg.err)
	}
	m.loaded = true
	m.settings = msg.settings
	m.tries = msg.tries
	m.recent = msg.recent
	m.list.gen++
	m.list.rows, m.list.older, m.list.atNewest = msg.page, msg.next, true
	m.list.cursor, m.list.top = 0, 0
	m.list.settle()
	// A form opened before the settings arrived (the log key, first thing
	// in a session) takes their unit, and offers the runner's own kinds
	// of run, with any it already offers after them.
	m.form.unit = m.settings.Unit
	if m.mode == modeForm {
		kinds := slices.Clone(m.settings.Tags)
		for _, k := range m.form.kinds {
			if !slices.Contains(kinds, k) {
				kinds = append(kinds, k)
			}
		}
		m.form.kinds = kinds
	}
	return nil
}

// askPage returns the command that reads the next page in direction dir,
// if one is needed and none is on its way.
func (m *Model) askPage(dir int) tea.Cmd {
	l := &m.list
	if l.loading || len(l.rows) == 0 {
		return nil
	}
	st, gen := m.st, l.gen
	switch {
	case dir == pageOlder && l.older != "":
		from := l.older
		l.loading = true
		return func() tea.Msg {
			entries, next, err := st.JournalPage(from, pageSize, true)
			return pageMsg{gen: gen, dir: pageOlder, entries: entries, next: next, err: err}
		}
	case dir == pageNewer && !l.atNewest:
		from := store.JournalCursor(l.rows[0])
		l.loading = true
		return func() tea.Msg {
			// The page going forward starts at the first row itself.
			entries, next, err := st.JournalPage(from, pageSize+1, false)
			if len(entries) > 0 {
				entries = entries[1:]
			}
			slices.Reverse(entries)
			return pageMsg{gen: gen, dir: pageNewer, entries: entries, next: next, err: err}
		}
	}
	return nil
}

// reset starts a new window: at the newest run, the oldest, or the
// newest on or before a day.
func (m *Model) reset(where string, day workbook.Day) tea.Cmd {
	l := &m.list
	l.gen++
	l.loading = true
	st, gen := m.st, l.gen
	return func() tea.Msg {
		msg := pageMsg{gen: gen, dir: pageReset}
		switch where {
		case "newest":
			msg.entries, msg.next, msg.err = st.JournalPage("", pageSize, true)
			msg.atNewest = true
		case "oldest":
			var entries []workbook.Entry
			entries, _, msg.err = st.JournalPage("", pageSize, false)
			slices.Reverse(entries)
			msg.entries = entries
			msg.atNewest = len(entries) < pageSize
			if len(entries) > 0 {
				msg.selectID = entries[len(entries)-1].ID
				// Older than the oldest there is nothing.
				msg.next = ""
			}
		case "day":
			msg.entries, msg.next, msg.err = st.JournalPage(store.JournalFrom(day, true), pageSize, true)
			if len(msg.entries) == 0 && msg.err == nil {
				msg.empty = fmt.Sprintf("No runs on or before %s.", jr.LongDate(day))
			}
		}
		return msg
	}
}

func (m *Model) handlePage(msg pageMsg) tea.Cmd {
	l := &m.list
	if msg.gen != l.gen {
		return nil // a page of a window since left
	}
	l.loading = false
	if msg.err != nil {
		return statusErr("your journal", msg.err)
	}
	switch msg.dir {
	case pageOlder:
		l.rows = append(l.rows, msg.entries...)
		l.older = msg.next
		if l.pending > 0 {
			l.cursor = min(l.cursor+l.pending, len(l.rows)-1)
			l.pending = 0
		}
		if drop := len(l.rows) - maxRows; drop > 0 {
			l.rows = slices.Delete(l.rows, 0, drop)
			l.cursor, l.top = max(l.cursor-drop, 0), max(l.top-drop, 0)
			l.atNewest = false
		}
	case pageNewer:
		l.rows = append(slices.Clone(msg.entries), l.rows...)
		l.cursor += len(msg.entries)
		l.top += len(msg.entries)
		if l.pending < 0 {
			l.cursor = max(l.cursor+l.pending, 0)
			l.pending = 0
		}
		if len(msg.entries) < pageSize {
			l.atNewest = true
		}
		if drop := len(l.rows) - maxRows; drop > 0 {
			l.older = store.JournalCursor(l.rows[len(l.rows)-drop])
			l.rows = l.rows[:len(l.rows)-drop]
		}
	case pageReset:
		l.pending = 0
		if msg.empty != "" {
			return common.Status(msg.empty)
		}
		l.rows, l.older = msg.entries, msg.next
		l.atNewest = msg.atNewest
		l.cursor, l.top = 0, 0
		if msg.selectID != "" {
			l.cursor = len(l.rows) - 1
		}
	}
	l.settle()
	return nil
}

// settle keeps the cursor on a row and in view.
func (l *list) settle() {
	l.cursor = max(min(l.cursor, len(l.rows)-1), 0)
	h := max(l.height, 1)
	if l.cursor < l.top {
		l.top = l.cursor
	}
	if l.cursor >= l.top+h {
		l.top = l.cursor - h + 1
	}
	l.top = max(min(l.top, len(l.rows)-h), 0)
}

// move moves the cursor by d rows and asks for the next page when the
// cursor nears an end of the window. A move past an edge that has more
// beyond it waits for that page.
func (m *Model) move(d int) tea.Cmd {
	l := &m.list
	target := l.cursor + d + l.pending
	l.pending = 0
	switch {
	case target < 0 && !l.atNewest:
		l.pending = target
	case target >= len(l.rows) && l.older != "":
		l.pending = target - (len(l.rows) - 1)
	}
	l.cursor = target - l.pending
	l.settle()
	switch {
	case l.cursor >= len(l.rows)-prefetch:
		return m.askPage(pageOlder)
	case l.cursor < prefetch:
		return m.askPage(pageNewer)
	}
	return nil
}

// selected returns the run under the cursor.
func (m Model) selected() (workbook.Entry, bool) {
	if len(m.list.rows) == 0 {
		return workbook.Entry{}, false
	}
	return m.list.rows[m.list.cursor], true
}

// after orders runs as the list shows them: newest day first, and within
// a day by ID, the latest first.
func after(a, b workbook.Entry) int {
	return cmp.Or(cmp.Compare(b.Day, a.Day), cmp.Compare(b.ID, a.ID))
}

// upsert puts e where it belongs in the window, replacing the run with its
// ID, and in the recent weeks; the store gets it through the Saver.
func (m *Model) upsert(e workbook.Entry) {
	m.remove(e.ID)
	l := &m.list
	i, _ := slices.BinarySearchFunc(l.rows, e, after)
	// Only where the window holds that stretch of the journal: above its
	// first row only if that is the newest, below its last only if
	// nothing older is left unread.
	inside := len(l.rows) == 0 || (i > 0 || l.atNewest) && (i < len(l.rows) || l.older == "")
	if inside {
		l.rows = slices.Insert(l.rows, i, e)
		if i <= l.cursor && len(l.rows) > 1 {
			l.cursor++
		}
	}
	if e.Day >= m.today().WeekStart().AddDays(-7*(recentWeeks-1)) {
		j, _ := slices.BinarySearchFunc(m.recent, e, func(a, b workbook.Entry) int { return -after(a, b) })
		m.recent = slices.Insert(m.recent, j, e)
	}
	l.settle()
}

// remove takes the run with id out of the window and the recent weeks.
func (m *Model) remove(id string) {
	l := &m.list
	if i := slices.IndexFunc(l.rows, func(e workbook.Entry) bool { return e.ID == id }); i >= 0 {
		l.rows = slices.Delete(l.rows, i, i+1)
		if i < l.cursor {
			l.cursor--
		}
	}
	m.recent = slices.DeleteFunc(m.recent, func(e workbook.Entry) bool { return e.ID == id })
	l.settle()
}

// selectID puts the cursor on the run with id, if it is in the window.
func (l *list) selectID(id string) {
	if i := slices.IndexFunc(l.rows, func(e workbook.Entry) bool { return e.ID == id }); i >= 0 {
		l.cursor = i
		l.settle()
	}
}

func (m *Model) updateList(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	page := max(m.list.height-1, 1)
	switch {
	case key.Matches(msg, k.Up):
		return m.move(-1)
	case key.Matches(msg, k.Down):
		return m.move(1)
	case key.Matches(msg, k.PageUp):
		return m.move(-page)
	case key.Matches(msg, k.PageDown):
		return m.move(page)
	case key.Matches(msg, k.Newest):
		return m.reset("newest", 0)
	case key.Matches(msg, k.Oldest):
		return m.reset("oldest", 0)
	case key.Matches(msg, k.Open):
		if _, ok := m.selected(); ok {
			m.mode = modeDetail
		}
	case key.Matches(msg, k.New):
		return m.openForm(workbook.Entry{}, false)
	case key.Matches(msg, k.Edit):
		if e, ok := m.selected(); ok {
			return m.openForm(e, false)
		}
	case key.Matches(msg, k.Delete):
		if _, ok := m.selected(); ok {
			m.mode, m.confirmFromDetail = modeConfirm, false
		}
	case key.Matches(msg, k.Jump):
		m.mode = modeJump
		m.jump.SetValue("")
		return m.jump.Focus()
	case key.Matches(msg, k.Insights):
		m.mode = modeInsights
		return m.loadInsights()
	case key.Matches(msg, k.Settings):
		m.mode = modeSettings
		m.settingsForm = newSettingsForm(m.settings)
	case key.Matches(msg, k.Review):
		if pending := m.pendingReviews(); len(pending) > 0 {
			m.openReview(pending[0])
		}
	case key.Matches(msg, k.Back):
		m.goBack()
	}
	return nil
}

func (m *Model) updateJump(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Cancel):
		m.mode = modeList
		m.jump.Blur()
		return nil
	case key.Matches(msg, m.keys.Go):
		day, err := jr.ParseDate(m.jump.Value(), m.env.Now())
		if err != nil {
			m.Saver.Refuse(capitalise(err.Error()) + ".")
			return nil
		}
		m.mode = modeList
		m.jump.Blur()
		return m.reset("day", day)
	}
	msg2, why := common.AdmitLine(msg, m.jump.Value(), common.MaxLineRunes, "A date")
	if why != "" {
		m.Saver.Refuse(why)
		return nil
	}
	var cmd tea.Cmd
	m.jump, cmd = m.jump.Update(msg2)
	return cmd
}

func (m *Model) updateConfirm(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Yes):
		e, ok := m.selected()
		m.mode = modeList
		if !ok {
			return nil
		}
		m.remove(e.ID)
		return tea.Batch(m.Saver.Write(m.deleteRecord(e.ID)), common.Status("Deleted the run of "+jr.LongDate(e.Day)+"."))
	case key.Matches(msg, m.keys.No):
		m.mode = modeList
		if m.confirmFromDetail {
			m.mode = modeDetail
		}
	}
	return nil
}

func (m *Model) updateDetail(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Edit):
		if e, ok := m.selected(); ok {
			return m.openForm(e, false)
		}
	case key.Matches(msg, m.keys.Delete):
		m.mode, m.confirmFromDetail = modeConfirm, true
	case key.Matches(msg, m.keys.Back):
		m.mode = modeList
	}
	return nil
}

// deleteRecord is the write that deletes the run with id.
func (m Model) deleteRecord(id string) common.Record {
	st := m.st
	return common.Record{Key: "entry/" + id, What: "the deletion", Save: func() error { return st.DeleteEntry(id) }}
}

// listHeight is how many rows the list shows: the screen less the header
// (title, sparkline, a blank line) and the line kept for questions.
func (m Model) listHeight() int { return max(m.height-4, 1) }

// thisWeek is the current week's runs against the runner's plan.
func (m Model) thisWeek() string {
	today := m.today()
	weeks := jr.Weeks(m.recent, today.WeekStart(), today)
	if len(weeks) == 0 {
		return ""
	}
	return jr.PlannedRuns(weeks[0], m.settings.Plan) + " this week"
}

// listView draws the header, the rows in view, and the line for a
// question (delete? which date?).
func (m Model) listView() string {
	s := m.env.Styles
	w := m.width
	left := s.Title.Render("Your running journal")
	right := s.Muted.Render(m.thisWeek())
	head := left
	if gap := w - lipgloss.Width(left) - lipgloss.Width(right); gap >= 2 {
		head += strings.Repeat(" ", gap) + right
	}
	lines := []string{common.Truncate(head, w), common.Truncate(m.sparkline(), w), ""}

	l := m.list
	switch {
	case !m.loaded:
		lines = append(lines, s.Muted.Render("Opening your journal…"))
	case len(l.rows) == 0:
		lines = append(lines, s.Muted.Render(common.Wrap("No runs yet. Press a to write one, or ctrl+l from anywhere in cairn; cairn import-runs brings in a watch's runs.", w)))
	default:
		end := min(l.top+l.height, len(l.rows))
		for i := l.top; i < end; i++ {
			lines = append(lines, m.row(l.rows[i], i == l.cursor, w))
		}
		if end == len(l.rows) && l.older != "" {
			lines = append(lines, s.Muted.Render("…"))
		}
	}
	body := strings.Join(lines, "\n")
	body = lipgloss.NewStyle().MaxHeight(max(m.height-1, 1)).Render(body)
	if q := m.questionLine(); q != "" {
		pad := max(m.height-1-lipgloss.Height(body), 0)
		body += strings.Repeat("\n", pad) + "\n" + q
	}
	return body
}

// questionLine is the line at the foot of the list that asks something.
func (m Model) questionLine() string {
	s := m.env.Styles
	switch m.mode {
	case modeConfirm:
		if e, ok := m.selected(); ok {
			return s.Nudge.Render(common.Truncate(fmt.Sprintf("Delete the run of %s? y to delete, n to keep it.", jr.LongDate(e.Day)), m.width))
		}
	case modeJump:
		return common.Truncate(s.Accent.Render("Go to a date: ")+m.jump.View(), m.width)
	}
	if p := m.pendingReviews(); len(p) > 0 && m.mode == modeList {
		return s.Nudge.Render(common.Truncate(fmt.Sprintf("You have tried your experiment for %s %d times. r to look back at it.", p[0].Name, m.tries[p[0].Ref]), m.width))
	}
	return ""
}

// row draws one run on one line.
func (m Model) row(e workbook.Entry, selected bool, w int) string {
	s := m.env.Styles
	date := e.Day.Time().Format("Mon 2 Jan 2006")
	text := jr.Describe(e, m.settings.Unit)
	if len(e.Tags) > 0 {
		text += " · " + strings.Join(e.Tags, ", ")
	}
	if note := common.OneLine(e.Note); note != "" {
		text += " · " + note
	}
	if selected {
		return s.Selected.Render(common.Truncate("› "+date+"  "+text, w))
	}
	return common.Truncate("  "+s.Muted.Render(date)+"  "+s.Text.Render(text), w)
}

// sparkline is the header's view of the last twelve weeks' distance.
func (m Model) sparkline() string {
	s := m.env.Styles
	today := m.today()
	weeks := jr.Weeks(m.recent, today.WeekStart().AddDays(-7*(recentWeeks-1)), today)
	values := make([]float64, len(weeks))
	total := 0
	for i, w := range weeks {
		values[i] = float64(w.Metres)
		total += w.Metres
	}
	if total == 0 {
		return s.Muted.Render("Weekly distance will show here as the runs come in.")
	}
	return s.Accent.Render(sparkline(values)) + s.Muted.Render(fmt.Sprintf("  %s in the last %d weeks", jr.FormatDistance(total, m.settings.Unit), recentWeeks))
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
