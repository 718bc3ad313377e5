package goals

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/seasons"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// The weekly loop (seed 002): when a new week begins, last week's small
// goals are looked back on one by one — done, partly, missed or let go —
// and a step missed can be tried again this week, as it was or adjusted.
// And another look (seed 001): a goal whose rest is over is kept as it
// was, edited, committed to or let go.

// week is the look back at last week's small goals.
type week struct {
	rows []weekRow
	at   int
}

// weekRow is one small goal looked back on: the goal as it was when the
// look back began (so a change of mind starts from there), the answer,
// and the goal that tries it again, once made.
type weekRow struct {
	before  workbook.Goal
	outcome workbook.Outcome
	again   string
}

func (w week) row() (weekRow, bool) {
	if w.at < len(w.rows) {
		return w.rows[w.at], true
	}
	return weekRow{}, false
}

// OpenWeek opens the look back at the small goals of earlier weeks, if
// there are any.
func (m *Model) OpenWeek() {
	rows := make([]weekRow, 0)
	for _, g := range m.unchecked() {
		rows = append(rows, weekRow{before: g})
	}
	if len(rows) == 0 {
		return
	}
	m.life.week = week{rows: rows}
	m.life.back = noOverlay
	m.open(overlayWeek)
}

func (m Model) updateWeek(k tea.KeyPressMsg) (Model, tea.Cmd) {
	w := &m.life.week
	keys := m.keys
	switch {
	case key.Matches(k, keys.OptUp):
		w.at = max(w.at-1, 0)
	case key.Matches(k, keys.OptDown):
		w.at = min(w.at+1, len(w.rows)-1)
	case key.Matches(k, keys.DoneIt):
		return m.answer(workbook.Done)
	case key.Matches(k, keys.PartlyIt):
		return m.answer(workbook.Partly)
	case key.Matches(k, keys.MissedIt):
		return m.answer(workbook.Missed)
	case key.Matches(k, keys.DropIt):
		return m.answer(workbook.Dropped)
	case key.Matches(k, keys.TryAgain):
		m, cmd, _ := m.tryAgain()
		return m, cmd
	case key.Matches(k, keys.Adjust):
		m, cmd, id := m.tryAgain()
		if id == "" {
			return m, cmd
		}
		m.life.back = overlayWeek
		m.life.overlay = noOverlay
		m2, edit := m.edit(indexByID(m.goals, id))
		return m2, tea.Batch(cmd, edit)
	case key.Matches(k, keys.Back):
		m.life.overlay = noOverlay
		if words := m.life.week.words(); words != "" {
			return m, common.Status(words)
		}
	}
	return m, nil
}

// answer records how the week of the step under the cursor went, and
// moves on to the next step not answered yet.
func (m Model) answer(o workbook.Outcome) (Model, tea.Cmd) {
	w := &m.life.week
	r, ok := w.row()
	if !ok {
		return m, nil
	}
	g, ev := r.before.CheckWeek(o, m.env.Now())
	w.rows[w.at].outcome = o
	cmd := m.change(g, ev)
	if o == workbook.Done || o == workbook.Dropped {
		// Nothing to try again: on to the next step still to answer.
		for i := range w.rows {
			if j := (w.at + 1 + i) % len(w.rows); w.rows[j].outcome == workbook.NotChecked {
				w.at = j
				break
			}
		}
	}
	return m, cmd
}

// tryAgain carries the step under the cursor into this week as a new
// small goal ("show up the next week and try again"), returning its ID.
func (m Model) tryAgain() (Model, tea.Cmd, string) {
	w := &m.life.week
	r, ok := w.row()
	if !ok || r.again != "" || (r.outcome != workbook.Missed && r.outcome != workbook.Partly) {
		return m, nil, ""
	}
	n, ev := r.before.TryAgain(m.thisWeek(), m.nextOrder(0), m.env.Now())
	w.rows[w.at].again = n.ID
	return m, m.change(n, ev), n.ID
}

// words sums up the week so far: "2 of 3 done — try again this week?".
func (w week) words() string {
	var outcomes []workbook.Outcome
	for _, r := range w.rows {
		outcomes = append(outcomes, r.outcome)
	}
	return seasons.WeekWords(outcomes)
}

func (m Model) weekView() string {
	s := m.env.Styles
	w := m.life.week
	var first, last workbook.Day
	if len(w.rows) > 0 {
		first, last = w.rows[0].before.Week, w.rows[len(w.rows)-1].before.Week
	}
	head := "Last week's small goals"
	switch {
	case first != last:
		head = "Small goals from the weeks since " + seasons.ShortDate(first, m.env.Now())
	case first < m.thisWeek()-7:
		head = "Small goals from the week of " + seasons.ShortDate(first, m.env.Now())
	}
	lines := []string{m.title(head)}
	if words := w.words(); words != "" {
		lines = append(lines, s.Accent.Render(common.Truncate(words, m.width)))
	} else {
		lines = append(lines, m.muted("How did each go? A week that did not go to plan is still a week run: try it again."))
	}
	lines = append(lines, "")
	// The goals in a column, the answers in another beside it.
	textW := 0
	for _, r := range w.rows {
		textW = max(textW, len([]rune(common.OneLine(r.before.Text))))
	}
	textW = max(min(textW, m.width-34), 8)
	for i, r := range w.rows {
		answer := "done, partly, missed or let go?"
		switch {
		case r.again != "":
			answer = r.outcome.Words() + " · trying again this week"
		case r.outcome != workbook.NotChecked:
			answer = r.outcome.Words()
		}
		text := common.Truncate(common.OneLine(r.before.Text), textW)
		line := fmt.Sprintf("%s%s  %s", text, strings.Repeat(" ", max(textW-len([]rune(text)), 0)), answer)
		if i == w.at {
			lines = append(lines, s.Selected.Render(common.Truncate("› "+line, m.width)))
		} else {
			lines = append(lines, common.Truncate("  "+line, m.width))
		}
	}
	if r, ok := w.row(); ok && (r.outcome == workbook.Missed || r.outcome == workbook.Partly) && r.again == "" {
		lines = append(lines, "", m.muted("t tries it again this week as it was; e adjusts it first."))
	}
	return scrollLines(lines, 3+w.at, m.height)
}

// scrollLines keeps line sel in view in h lines, the first line (the
// title) always shown.
func scrollLines(lines []string, sel, h int) string {
	if h <= 0 || len(lines) <= h {
		return strings.Join(lines, "\n")
	}
	top := max(min(sel-h/2, len(lines)-h), 1)
	out := append([]string{lines[0]}, lines[top:min(top+h-1, len(lines))]...)
	return strings.Join(out, "\n")
}

// look is another look at goals whose rest is over, one at a time.
type look struct {
	ids []string
	at  int
}

func (l look) current() (string, bool) {
	if l.at < len(l.ids) {
		return l.ids[l.at], true
	}
	return "", false
}

// done takes goals out of the look: they were looked at.
func (l *look) done(ids []string) {
	l.ids = slices.DeleteFunc(l.ids, func(id string) bool { return slices.Contains(ids, id) })
	if l.at >= len(l.ids) {
		l.at = 0
	}
}

// OpenLook opens another look at every goal whose rest is over.
func (m *Model) OpenLook() {
	*m, _ = m.openLook()
}

func (m Model) openLook() (Model, tea.Cmd) {
	var ids []string
	for _, g := range m.due() {
		ids = append(ids, g.ID)
	}
	return m.lookAt(ids)
}

// lookAt opens another look at goals ids, whether or not their rest is
// over: the runner may look before cairn asks.
func (m Model) lookAt(ids []string) (Model, tea.Cmd) {
	// A goal looked at before is looked at again from where it is.
	ids = slices.DeleteFunc(slices.Clone(ids), func(id string) bool {
		g, ok := m.goal(id)
		return !ok || g.Status != workbook.Resting
	})
	if len(ids) == 0 {
		m.life.overlay = noOverlay
		m.syncKeys()
		return m, nil
	}
	at := 0
	if cur, ok := m.life.look.current(); ok {
		at = max(slices.Index(ids, cur), 0)
	}
	m.life.look = look{ids: ids, at: at}
	m.life.back = noOverlay
	m.open(overlayLook)
	return m, nil
}

func (m Model) updateLook(k tea.KeyPressMsg) (Model, tea.Cmd) {
	id, ok := m.life.look.current()
	if !ok {
		m.life.overlay = noOverlay
		return m, nil
	}
	g, ok := m.goal(id)
	if !ok {
		m.life.look.done([]string{id})
		return m.lookAt(m.life.look.ids)
	}
	now := m.env.Now()
	keys := m.keys
	switch {
	case key.Matches(k, keys.KeepIt):
		next, ev, err := g.Keep(now)
		return m.looked(id, next, ev, err)
	case key.Matches(k, keys.CommitIt):
		next, ev, err := g.Move(workbook.Committed, "", now)
		return m.looked(id, next, ev, err)
	case key.Matches(k, keys.LetItGo):
		next, ev, err := g.Move(workbook.LetGo, "", now)
		m, cmd := m.looked(id, next, ev, err)
		if err == nil {
			m.askLine(id, ev, false)
			m.life.back = overlayLook
		}
		return m, cmd
	case key.Matches(k, keys.EditIt):
		// Back to where it rested from, then the words: the edit and its
		// why go in its history as usual.
		next, ev, err := g.Keep(now)
		m, cmd := m.looked(id, next, ev, err)
		if err != nil {
			return m, cmd
		}
		m.life.overlay = noOverlay
		m.life.back = overlayLook
		m.Select(id)
		m2, edit := m.edit(indexByID(m.goals, id))
		return m2, tea.Batch(cmd, edit)
	case key.Matches(k, keys.RestAgain):
		m, cmd := m.openRest([]string{id})
		m.life.back = overlayLook
		return m, cmd
	case key.Matches(k, keys.Skip):
		m.life.look.at = (m.life.look.at + 1) % len(m.life.look.ids)
	case key.Matches(k, keys.Back):
		m.life.overlay = noOverlay
	}
	return m, nil
}

// looked writes what another look decided, and moves on.
func (m Model) looked(id string, g workbook.Goal, ev workbook.GoalEvent, err error) (Model, tea.Cmd) {
	if err != nil {
		m.Saver.Refuse(capitalFirst(err.Error()) + ".")
		return m, nil
	}
	cmd := m.change(g, ev)
	m.life.look.done([]string{id})
	if len(m.life.look.ids) == 0 {
		m.life.overlay = noOverlay
		return m, tea.Batch(cmd, common.Status("Every resting goal has had another look."))
	}
	return m, cmd
}

func (m Model) lookView() string {
	s := m.env.Styles
	id, ok := m.life.look.current()
	g, found := m.goal(id)
	if !ok || !found {
		return ""
	}
	head := "Another look"
	if n := len(m.life.look.ids); n > 1 {
		head = fmt.Sprintf("Another look (%d of %d)", m.life.look.at+1, n)
	}
	rested := "It has rested"
	if !g.Rest.Since.IsZero() {
		rested = "It has rested since " + seasons.ShortDate(workbook.DayOf(g.Rest.Since.In(m.env.Now().Location())), m.env.Now())
	}
	tier := strings.ToLower(string(g.Tier))
	lines := []string{
		m.title(head),
		m.goalLines(g, 4),
		m.muted(fmt.Sprintf("A %s goal. %s. Read it again with fresh eyes: does it still excite you, and make you smile?", tier, rested)),
		"",
	}
	for _, c := range []struct{ k, what string }{
		{"k", "keep it as it is"},
		{"e", "edit it"},
		{"c", "commit to it"},
		{"l", "let it go"},
		{"r", "rest it a little longer"},
	} {
		lines = append(lines, common.Truncate(s.Accent.Render(c.k)+"  "+c.what, m.width))
	}
	return strings.Join(lines, "\n")
}
