package goals

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cairn-run/cairn/journal"
	"github.com/cairn-run/cairn/seasons"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// A goal's life on the board: its state (s), a rest of some days for it or
// the whole board (r, R), another look once a rest is over (o), the look
// back at last week's small goals (w, week.go), its history (d, diary.go)
// and, on reaching it, a line about how it felt and the next step. Every
// move is written with the event that keeps it in the goal's history.

// overlay is what the board shows in its place while the runner decides
// something about a goal.
type overlay uint8

const (
	noOverlay      overlay = iota
	overlayState           // the moves the goal's state allows
	overlayRest            // how many days to rest
	overlayLine            // a line: why a change, or how reaching it felt
	overlayNext            // after reaching a goal: the next step
	overlayWeek            // looking back on last week (week.go)
	overlayLook            // another look at goals that rested (week.go)
	overlayDiary           // a goal's history (diary.go)
	overlayContext         // what the board cut to fit, in full (goals.go)
)

// option is one choice of the state menu.
type option struct {
	label string
	do    func(m Model) (Model, tea.Cmd)
}

// life is what the overlays hold.
type life struct {
	overlay overlay
	// back is where to go when the overlay open now is done: another
	// look or the week, when a rest or a line was asked from there.
	back overlay

	// the state menu
	options []option
	at      int

	// the rest: how long, and which goals
	days    int
	resting []string

	// the line: the goal and event it goes with, whether it says how
	// reaching the goal felt (else why the change), and what comes after
	line      textinput.Model
	lineGoal  string
	lineEvent workbook.GoalEvent
	felt      bool

	// the next step after reaching a goal
	reached string

	week  week  // week.go
	look  look  // week.go
	diary diary // diary.go

	// contextTop is the first line shown of what the board cut to fit.
	contextTop int
}

// SaveGoalChange and GoalHistory are what the board asks of the store for
// a goal's life, beside PutGoal and DeleteGoal (GoalSaver).

// today is the runner's calendar day, and thisWeek its Monday: the
// journal's week.
func (m Model) today() workbook.Day    { return workbook.DayOf(m.env.Now()) }
func (m Model) thisWeek() workbook.Day { return journal.ThisWeek(m.today()) }

// change writes goal g with the event for its history, and keeps it on
// the board. Rewriting an event under its ID (adding the runner's why
// after the move was written) replaces it.
func (m *Model) change(g workbook.Goal, ev workbook.GoalEvent) tea.Cmd {
	if i := indexByID(m.goals, g.ID); i >= 0 {
		m.goals[i] = g
	} else {
		m.goals = append(m.goals, g)
	}
	season, saver := m.env.Season, m.saver
	g.Themes, g.Values = slices.Clone(g.Themes), slices.Clone(g.Values)
	g.Said, g.Purpose = cloneMap(g.Said), cloneMap(g.Purpose)
	return m.Saver.Write(common.Record{Key: "goal/" + g.ID, What: "your goal", Save: func() error {
		return saver.SaveGoalChange(season, g, ev)
	}})
}

// goal returns the goal with id and whether the board holds it.
func (m Model) goal(id string) (workbook.Goal, bool) { return workbook.GoalByID(m.goals, id) }

// open shows overlay o.
func (m *Model) open(o overlay) {
	m.life.overlay = o
	m.syncKeys()
}

// done closes the overlay shown, going back to the one it was asked from.
func (m Model) done() (Model, tea.Cmd) {
	back := m.life.back
	m.life.back = noOverlay
	switch back {
	case overlayLook:
		return m.openLook()
	case overlayWeek:
		m.life.overlay = overlayWeek
		return m, nil
	}
	m.life.overlay = noOverlay
	return m, nil
}

// openState opens the moves the selected goal's state allows.
func (m Model) openState() (Model, tea.Cmd) {
	i := m.selected()
	if i < 0 {
		return m, nil
	}
	id := m.goals[i].ID
	move := func(to workbook.GoalStatus) func(Model) (Model, tea.Cmd) {
		return func(m Model) (Model, tea.Cmd) { return m.moveGoal(id, to) }
	}
	var opts []option
	switch m.goals[i].Status {
	case workbook.Draft:
		opts = []option{
			{"Rest it for a few days, then look again", func(m Model) (Model, tea.Cmd) { return m.openRest([]string{id}) }},
			{"Commit to it", move(workbook.Committed)},
			{"Reached it", move(workbook.Achieved)},
			{"Let it go", move(workbook.LetGo)},
		}
	case workbook.Resting:
		opts = []option{
			{"Take another look now", func(m Model) (Model, tea.Cmd) { return m.lookAt([]string{id}) }},
			{"Commit to it", move(workbook.Committed)},
			{"Let it go", move(workbook.LetGo)},
		}
	case workbook.Committed:
		opts = []option{
			{"Reached it", move(workbook.Achieved)},
			{"Rest it for a few days, then look again", func(m Model) (Model, tea.Cmd) { return m.openRest([]string{id}) }},
			{"Let it go", move(workbook.LetGo)},
		}
	case workbook.Achieved:
		opts = []option{{"Not reached after all: back to committed", move(workbook.Committed)}}
	case workbook.LetGo:
		opts = []option{{"Take it up again, as a draft", move(workbook.Draft)}}
	}
	m.life.options, m.life.at = opts, 0
	m.open(overlayState)
	return m, nil
}

// moveGoal moves goal id to state to. Reaching a goal asks how it felt;
// letting one go asks why; neither answer is needed, and the move is
// written before either is asked.
func (m Model) moveGoal(id string, to workbook.GoalStatus) (Model, tea.Cmd) {
	g, ok := m.goal(id)
	if !ok {
		return m.done()
	}
	now := m.env.Now() // the runner's own calendar: the moves keep UTC times
	var (
		next workbook.Goal
		ev   workbook.GoalEvent
		err  error
	)
	if to == workbook.Achieved {
		next, ev, err = g.Reach("", now)
	} else {
		next, ev, err = g.Move(to, "", now)
	}
	if err != nil {
		m.Saver.Refuse(capitalFirst(err.Error()) + ".")
		return m.done()
	}
	cmd := m.change(next, ev)
	switch to {
	case workbook.Achieved:
		m.life.reached = id
		m.askLine(id, ev, true)
	case workbook.LetGo:
		m.askLine(id, ev, false)
	default:
		m, _ = m.done()
	}
	return m, cmd
}

// askLine asks for the runner's line about event ev of goal id: how
// reaching it felt, or why the change.
func (m *Model) askLine(id string, ev workbook.GoalEvent, felt bool) {
	in := textinput.New()
	in.Prompt = "› "
	in.KeyMap.Paste.SetEnabled(false)
	in.SetStyles(m.env.Styles.TextInput)
	in.Placeholder = "why, in a few words (or enter to skip)"
	if felt {
		in.Placeholder = "how did it feel? (or enter to skip)"
	}
	in.Focus()
	common.SetInputWidth(&in, max(m.width-4, 4))
	m.life.line, m.life.lineGoal, m.life.lineEvent, m.life.felt = in, id, ev, felt
	m.open(overlayLine)
}

// updateLine types the runner's line, and keeps it on enter: the event is
// written again under its ID with the line, and a reached goal keeps how
// it felt.
func (m Model) updateLine(msg tea.Msg) (Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, m.keys.SaveLine):
			return m.keepLine()
		case key.Matches(k, m.keys.Back):
			return m.afterLine(nil)
		}
	}
	msg, why := common.AdmitLine(msg, m.life.line.Value(), common.MaxLineRunes, "A line")
	if why != "" {
		m.Saver.Refuse(why)
		return m, nil
	}
	var cmd tea.Cmd
	m.life.line, cmd = m.life.line.Update(msg)
	return m, cmd
}

func (m Model) keepLine() (Model, tea.Cmd) {
	text := strings.TrimSpace(m.life.line.Value())
	g, ok := m.goal(m.life.lineGoal)
	if text == "" || !ok {
		return m.afterLine(nil)
	}
	ev := m.life.lineEvent
	if m.life.felt {
		ev.Felt = text
		g.Reached.Felt = text
	} else {
		ev.Why = text
	}
	return m.afterLine(m.change(g, ev))
}

// afterLine goes on from the line: to the next step after reaching a goal,
// or back.
func (m Model) afterLine(cmd tea.Cmd) (Model, tea.Cmd) {
	if m.life.felt && m.life.reached != "" {
		m.open(overlayNext)
		return m, cmd
	}
	m, back := m.done()
	return m, tea.Batch(cmd, back)
}

// updateNext offers the next step after a goal is reached: a bigger goal
// on the ladder, or a new season.
func (m Model) updateNext(k tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Bigger):
		g, ok := m.goal(m.life.reached)
		m.life.reached = ""
		m.life.overlay = noOverlay
		if !ok {
			return m, nil
		}
		if p, ok := m.goal(g.Parent); ok && workbook.ValidParent(g, p) && p.Status.Active() {
			// The next stone up is already on the ladder.
			m.Select(p.ID)
			return m, common.Status("Next on the ladder: " + firstLine(p.Text))
		}
		up, ok := workbook.ParentTier(g.Tier)
		if !ok {
			up = workbook.Big
		}
		m.col = tierIndex(up)
		return m.add()
	case key.Matches(k, m.keys.NewSeason):
		m.life.reached, m.life.overlay = "", noOverlay
		m.nav.Navigate(common.NavigateMsg{To: common.NewSeason, Question: -1, Why: workbook.GoalReached})
	case key.Matches(k, m.keys.Back):
		m.life.reached, m.life.overlay = "", noOverlay
	}
	return m, nil
}

// openRest asks how many days to rest goals ids for.
func (m Model) openRest(ids []string) (Model, tea.Cmd) {
	if len(ids) == 0 {
		return m.done()
	}
	m.life.resting, m.life.days = ids, workbook.DefaultRestDays
	m.open(overlayRest)
	return m, nil
}

// restBoard rests every goal on the board still being worked toward and
// not resting already: the whole list put away for a few days.
func (m Model) restBoard() (Model, tea.Cmd) {
	return m.openRest(m.restable())
}

// restable lists the goals the whole board's rest would rest.
func (m Model) restable() []string {
	var ids []string
	week := m.thisWeek()
	for _, g := range m.Goals() {
		if (g.Status == workbook.Draft || g.Status == workbook.Committed) && g.OnBoard(week) {
			ids = append(ids, g.ID)
		}
	}
	return ids
}

func (m Model) updateRest(k tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Fewer):
		m.life.days = max(m.life.days-1, 1)
	case key.Matches(k, m.keys.More):
		m.life.days = min(m.life.days+1, workbook.MaxRestDays)
	case key.Matches(k, m.keys.OptPick):
		now := m.env.Now() // a rest ends on the runner's own calendar
		var cmds []tea.Cmd
		for _, id := range m.life.resting {
			g, ok := m.goal(id)
			if !ok {
				continue
			}
			next, ev, err := g.RestFor(m.life.days, "", now)
			if err != nil {
				continue
			}
			cmds = append(cmds, m.change(next, ev))
		}
		until := workbook.DayOf(m.env.Now()).AddDays(m.life.days)
		cmds = append(cmds, common.Status(fmt.Sprintf("Resting until %s. cairn will ask for another look then.", seasons.DayName(until))))
		if m.life.back == overlayLook {
			m.life.look.done(m.life.resting)
		}
		m.life.resting = nil
		m, back := m.done()
		return m, tea.Batch(append(cmds, back)...)
	case key.Matches(k, m.keys.Back):
		m.life.resting = nil
		return m.done()
	}
	return m, nil
}

func (m Model) updateState(k tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.OptUp):
		m.life.at = max(m.life.at-1, 0)
	case key.Matches(k, m.keys.OptDown):
		m.life.at = min(m.life.at+1, len(m.life.options)-1)
	case key.Matches(k, m.keys.OptPick):
		if m.life.at < len(m.life.options) {
			m.life.overlay = noOverlay
			return m.life.options[m.life.at].do(m)
		}
	case key.Matches(k, m.keys.Back):
		return m.done()
	}
	return m, nil
}

// updateLife handles a key or a paste while an overlay is open.
func (m Model) updateLife(msg tea.Msg) (Model, tea.Cmd) {
	if m.life.overlay == overlayLine {
		return m.updateLine(msg)
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	switch m.life.overlay {
	case overlayState:
		return m.updateState(k)
	case overlayRest:
		return m.updateRest(k)
	case overlayNext:
		return m.updateNext(k)
	case overlayWeek:
		return m.updateWeek(k)
	case overlayLook:
		return m.updateLook(k)
	case overlayDiary:
		return m.updateDiary(k)
	case overlayContext:
		switch {
		case key.Matches(k, m.keys.OptUp):
			m.life.contextTop = max(m.life.contextTop-1, 0)
		case key.Matches(k, m.keys.OptDown):
			m.life.contextTop = min(m.life.contextTop+1, m.contextEnd(m.contextLines()))
		case key.Matches(k, m.keys.Back):
			m.life.overlay = noOverlay
			m.syncKeys()
		}
	}
	return m, nil
}

// lifeMode is the key mode of the overlay shown.
func (m Model) lifeMode() mode {
	switch m.life.overlay {
	case overlayState:
		return modeState
	case overlayRest:
		return modeRest
	case overlayLine:
		return modeLine
	case overlayNext:
		return modeNext
	case overlayWeek:
		return modeWeek
	case overlayLook:
		return modeLook
	case overlayContext:
		return modeContext
	}
	return modeDiary
}

// syncLifeKeys turns on the keys that depend on the goals: resting the
// whole board, the week's look back, another look, and trying a step
// again.
func (m *Model) syncLifeKeys() {
	k := &m.keys
	switch m.life.overlay {
	case noOverlay:
		if m.editing || m.picking || m.confirm {
			return
		}
		k.RestAll.SetEnabled(len(m.restable()) > 1)
		k.Week.SetEnabled(len(m.unchecked()) > 0)
		k.Look.SetEnabled(len(m.due()) > 0)
	case overlayWeek:
		r, ok := m.life.week.row()
		again := ok && (r.outcome == workbook.Missed || r.outcome == workbook.Partly) && r.again == ""
		k.TryAgain.SetEnabled(again)
		k.Adjust.SetEnabled(again)
	}
}

// due lists the goals whose rest is over today, in board order.
func (m Model) due() []workbook.Goal {
	var out []workbook.Goal
	today := m.today()
	for _, g := range m.Goals() {
		if g.Due(today) {
			out = append(out, g)
		}
	}
	return out
}

// unchecked lists the small goals of earlier weeks not looked back on,
// oldest week first.
func (m Model) unchecked() []workbook.Goal {
	var out []workbook.Goal
	week := m.thisWeek()
	for _, g := range m.Goals() {
		if g.Unchecked(week) {
			out = append(out, g)
		}
	}
	slices.SortStableFunc(out, func(a, b workbook.Goal) int { return int(a.Week - b.Week) })
	return out
}

// lifeView draws the overlay shown in the board's place.
func (m Model) lifeView() string {
	s := m.env.Styles
	var body string
	switch m.life.overlay {
	case overlayState:
		body = m.stateView()
	case overlayRest:
		body = m.restView()
	case overlayLine:
		body = m.lineView()
	case overlayNext:
		body = m.nextView()
	case overlayWeek:
		body = m.weekView()
	case overlayLook:
		body = m.lookView()
	case overlayDiary:
		body = m.diaryView()
	case overlayContext:
		body = m.contextView()
	}
	return lipgloss.NewStyle().MaxHeight(max(m.height, 1)).MaxWidth(max(m.width, 1)).Render(s.Text.Render(body))
}

// goalLines quotes a goal's words, wrapped, at most n lines.
func (m Model) goalLines(g workbook.Goal, n int) string {
	s := m.env.Styles
	lines := strings.Split(common.Wrap(common.OneLine(g.Text), max(m.width-2, 1)), "\n")
	if len(lines) > n {
		lines = append(lines[:n-1], common.Truncate(lines[n-1]+" …", max(m.width-2, 1)))
	}
	for i, l := range lines {
		lines[i] = "  " + s.Accent.Render(l)
	}
	return strings.Join(lines, "\n")
}

func (m Model) title(text string) string {
	return m.env.Styles.Title.Render(common.Truncate(text, m.width))
}

func (m Model) muted(text string) string {
	return m.env.Styles.Muted.Render(common.Wrap(text, max(m.width, 1)))
}

func (m Model) stateView() string {
	s := m.env.Styles
	i := m.selected()
	if i < 0 {
		return ""
	}
	g := m.goals[i]
	lines := []string{
		m.title("Where this goal stands"),
		m.goalLines(g, 3),
		m.muted("Now " + stateWords(g, m.today()) + "."),
		"",
	}
	for j, o := range m.life.options {
		line := common.Truncate("  "+o.label, m.width)
		if j == m.life.at {
			line = s.Selected.Render(common.Truncate("› "+o.label, m.width))
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func (m Model) restView() string {
	s := m.env.Styles
	ids := m.life.resting
	head := "Put it away for a few days"
	var what string
	if len(ids) == 1 {
		if g, ok := m.goal(ids[0]); ok {
			what = m.goalLines(g, 3)
		}
	} else {
		head = "Put the whole board away for a few days"
		what = m.muted(fmt.Sprintf("%d goals still being worked toward will rest together.", len(ids)))
	}
	until := workbook.DayOf(m.env.Now()).AddDays(m.life.days)
	days := s.Selected.Render(fmt.Sprintf("‹ %s ›", common.Plural(m.life.days, "day", "days")))
	return strings.Join([]string{
		m.title(head),
		what,
		"",
		m.muted("Sit on it, then look again with fresh eyes: keep it, change it, commit to it or let it go."),
		"",
		common.Truncate(days+s.Muted.Render("  until "+seasons.DayName(until)), m.width),
	}, "\n")
}

func (m Model) lineView() string {
	g, _ := m.goal(m.life.lineGoal)
	head := "Why let it go?"
	note := "Nothing needs explaining. A line now can help when you look back."
	switch {
	case m.life.felt:
		head = "You reached it."
		note = "How did it feel? A line is enough: the feeling is the reward, more than any medal."
	case m.life.lineEvent.Kind == workbook.EventEdited:
		head = "What changed?"
		note = "A line about why, if you like: “after the calf strain”."
	}
	return strings.Join([]string{
		m.title(head),
		m.goalLines(g, 3),
		"",
		m.muted(note),
		"",
		m.life.line.View(),
	}, "\n")
}

func (m Model) nextView() string {
	g, _ := m.goal(m.life.reached)
	s := m.env.Styles
	up := "a bigger goal on the ladder"
	if p, ok := m.goal(g.Parent); ok && workbook.ValidParent(g, p) && p.Status.Active() {
		up = "the next stone up: " + common.OneLine(p.Text)
	}
	lines := []string{
		m.title("Reached."),
		m.goalLines(g, 3),
	}
	if f := strings.TrimSpace(g.Reached.Felt); f != "" {
		lines = append(lines, m.muted("“"+f+"”"))
	}
	lines = append(lines, "",
		m.muted("What comes next?"),
		common.Truncate(s.Accent.Render("b")+"  "+up, m.width),
		common.Truncate(s.Accent.Render("n")+"  a new season: reaching a goal is a good time to do the exercise again", m.width),
		common.Truncate(s.Accent.Render("esc")+"  back to the board", m.width),
	)
	return strings.Join(lines, "\n")
}

// stateWords says where a goal stands, for its card and the menu.
func stateWords(g workbook.Goal, today workbook.Day) string {
	switch g.Status {
	case workbook.Resting:
		if g.Due(today) {
			return "rested, due for another look"
		}
		return "resting until " + seasons.DayName(g.Rest.Until)
	case workbook.Achieved:
		return "reached"
	}
	return g.Status.Words()
}

func capitalFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
