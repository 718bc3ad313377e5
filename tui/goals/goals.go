// Package goals is the goal board: small, medium and big goals in three
// columns side by side, with the runner's themes in view.
package goals

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/seasons"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/tui/textbox"
	"github.com/cairn-run/cairn/workbook"
)

// GoalSaver is what the board asks of the store: goals written and
// deleted, a change written with the event that keeps it in the goal's
// history, and that history read a page at a time.
type GoalSaver interface {
	PutGoal(seasonID string, g workbook.Goal) error
	DeleteGoal(seasonID, goalID string) error
	SaveGoalChange(seasonID string, g workbook.Goal, ev workbook.GoalEvent) error
	HistoryReader
}

var tierOrder = workbook.Tiers()

// Context is what the board shows beside the goals: what the runner found
// in their answers.
type Context struct {
	// Motivation is the one that matters most, in the runner's words.
	Motivation string
	// Top is the theme that matters most, if one is named.
	Top workbook.Ref
	// Themes are the themes the runner is drawn to, the top one first.
	Themes []common.Ref
	// Averse are themes the runner would rather not build goals on.
	Averse []common.Ref
	// Values are the runner's core values.
	Values []common.Ref
	// Hints are short pieces of guidance that follow from the themes.
	Hints []string
}

// Model is the goal board. Its Saver writes each goal, and the editor's
// typing.
type Model struct {
	common.Saver

	env   common.Env
	saver GoalSaver
	keys  KeyMap

	goals   []workbook.Goal
	col     int
	row     [3]int
	confirm bool // asking whether to delete the selected goal
	editing bool
	editor  editor
	picking bool
	picker  picker
	hint    int // which hint the narrow strip shows
	ctx     Context
	nav     common.Request
	runs    runs // the journal's runs, for progress (progress.go)
	life    life // a goal's state, rest, week and history (life.go)

	width, height int
}

// New builds the board on the season's saved goals.
func New(env common.Env, saver GoalSaver, saved []workbook.Goal) Model {
	m := Model{
		env:   env,
		saver: saver,
		keys:  DefaultKeyMap(),
		goals: slices.Clone(saved),
		Saver: common.NewSaver(common.Goals, env),
	}
	m.syncKeys()
	return m
}

// SetContext updates what the board shows beside the goals.
func (m *Model) SetContext(c Context) {
	m.ctx = c
	m.hint = 0
	m.syncKeys()
}

// Goals returns the board's goals, in board order within each tier.
func (m Model) Goals() []workbook.Goal {
	out := slices.Clone(m.goals)
	slices.SortStableFunc(out, func(a, b workbook.Goal) int {
		if ta, tb := tierIndex(a.Tier), tierIndex(b.Tier); ta != tb {
			return ta - tb
		}
		return a.Order - b.Order
	})
	return out
}

// Where says where the runner is on the board, for the place to resume
// on: the goal selected, whether its editor is open, and the goal ideas'
// filters when they are open. A new goal is its editor's only once it has
// words, and so is on disk.
func (m Model) Where() (goal string, editing bool, ideas *workbook.IdeaSearch) {
	switch {
	case m.editing && strings.TrimSpace(m.editor.goal.Text) != "":
		return m.editor.goal.ID, true, nil
	case m.picking:
		p := m.picker
		ideas = &workbook.IdeaSearch{Query: p.search.Value()}
		if p.kind > 0 {
			ideas.Kind = string(catalog.IdeaKinds()[p.kind-1])
		}
		if p.theme > 0 {
			ideas.Theme = string(p.themes[p.theme-1])
		}
		if p.tier > 0 {
			ideas.Tier = tierOrder[p.tier-1]
		}
	}
	if i := m.selected(); i >= 0 {
		goal = m.goals[i].ID
	}
	return goal, false, ideas
}

// Select puts the board's focus on the goal with the given ID, in its
// column; an ID the board does not hold changes nothing.
func (m *Model) Select(id string) {
	i := indexByID(m.goals, id)
	if i < 0 {
		return
	}
	m.col = tierIndex(m.goals[i].Tier)
	if r := slices.Index(m.column(m.col), i); r >= 0 {
		m.row[m.col] = r
	}
	m.syncKeys()
}

// Resume opens the board as place p left it: the goal selected, and its
// editor or the goal ideas, with their filters, if they were open.
func (m *Model) Resume(p workbook.Place) {
	m.Select(p.Goal)
	switch {
	case p.Editing && indexByID(m.goals, p.Goal) >= 0:
		*m, _ = m.edit(indexByID(m.goals, p.Goal))
	case p.Ideas != nil:
		*m, _ = m.openPicker()
		m.picker.restore(*p.Ideas, m.ctx)
	}
	m.syncKeys()
}

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

// Typing reports whether plain keys are text right now.
func (m Model) Typing() bool {
	switch {
	case m.life.overlay == overlayLine && !m.editing && !m.picking:
		return true
	case m.editing:
		return m.editor.focus == fieldText
	case m.picking:
		return m.picker.typing || m.picker.filling
	}
	return false
}

// EditorText returns the goal's words, when they have focus in the goal's
// editor, for the runner's own editor (common.Editable).
func (m Model) EditorText() (string, bool) {
	if !m.editing || m.picking || m.editor.focus != fieldText {
		return "", false
	}
	return m.editor.text.Value(), true
}

// SetStyles applies new styles.
func (m *Model) SetStyles(s *common.Styles) {
	m.env.Styles = s
	if m.editing {
		m.editor.text.SetStyles(s.TextArea)
	}
}

// SetSize gives the board its width and height.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	if m.life.overlay == overlayLine {
		common.SetInputWidth(&m.life.line, max(w-4, 4))
	}
	if m.editing {
		m.editor.setWidth(w)
	}
	if m.picking {
		m.picker.setWidth(w)
	}
	m.syncKeys() // whether the hints fit beside the board depends on the size
}

func (m *Model) syncKeys() {
	switch {
	case m.editing && m.editor.focus == fieldText:
		m.keys.setMode(modeEditText, false)
	case m.editing:
		m.keys.setMode(modeEditField, false)
	case m.picking && m.picker.filling:
		m.keys.setMode(modeFill, false)
	case m.picking && m.picker.typing:
		m.keys.setMode(modePickSearch, false)
	case m.picking:
		m.keys.setMode(modePick, false)
	case m.life.overlay != noOverlay:
		m.keys.setMode(m.lifeMode(), false)
	case m.confirm:
		m.keys.setMode(modeConfirm, false)
	default:
		m.keys.setMode(modeBoard, len(m.column(m.col)) == 0)
	}
	m.syncLifeKeys()
	// Beside the board every hint shows if they fit; the narrow strip, and
	// a panel too short for them all, show one at a time.
	onBoard := !m.editing && !m.picking && !m.confirm && m.life.overlay == noOverlay
	m.keys.Hint.SetEnabled(onBoard && len(m.ctx.Hints) > 1 && !m.allHintsFit())
	m.keys.Context.SetEnabled(onBoard && m.contextCut())
}

// allHintsFit reports whether the panel beside the board has room for
// every hint.
func (m Model) allHintsFit() bool {
	side := m.sideWidth()
	return side > 0 && lipgloss.Height(m.sidePanel(side, true)) <= m.boardHeight()
}

// boardHeight is the height the columns and the panel beside them have.
func (m Model) boardHeight() int {
	if m.confirm {
		return m.height - 1
	}
	return m.height
}

// column returns the indexes into m.goals of the goals in tier column c,
// in board order: the small column holds this week's goals, and those of
// earlier weeks not looked back on yet.
func (m Model) column(c int) []int {
	var idx []int
	week := m.thisWeek()
	for i, g := range m.goals {
		if g.Tier == tierOrder[c] && g.OnBoard(week) {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int { return m.goals[a].Order - m.goals[b].Order })
	return idx
}

// selected returns the index into m.goals of the selected goal, or -1.
func (m Model) selected() int {
	col := m.column(m.col)
	if len(col) == 0 {
		return -1
	}
	return col[min(m.row[m.col], len(col)-1)]
}

// Update handles a message for this screen.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case common.AutosaveMsg, common.SavedMsg, common.RetryMsg:
		cmd = m.Saver.Update(msg)
	case RunsMsg:
		m.takeRuns(msg)
	case DiaryMsg:
		cmd = m.takeDiary(msg)
	case tea.KeyPressMsg:
		switch {
		case m.picking:
			m, cmd = m.updatePicker(msg)
		case m.editing:
			m, cmd = m.updateEditor(msg)
		case m.life.overlay != noOverlay:
			m, cmd = m.updateLife(msg)
		case m.confirm:
			m, cmd = m.updateConfirm(msg)
		default:
			m, cmd = m.updateBoard(msg)
		}
	case tea.PasteMsg:
		switch {
		case m.picking:
			m, cmd = m.updatePicker(msg)
		case m.editing:
			m, cmd = m.updateEditor(msg)
		case m.life.overlay == overlayLine:
			m, cmd = m.updateLine(msg)
		}
	case textbox.ReplaceMsg:
		if _, ok := m.EditorText(); ok {
			m, cmd = m.updateEditor(msg)
		}
	}
	m.syncKeys()
	return m, cmd
}

func (m Model) updateBoard(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Left):
		m.col = max(m.col-1, 0)
	case key.Matches(msg, k.Right):
		m.col = min(m.col+1, 2)
	case key.Matches(msg, k.Up):
		m.row[m.col] = max(m.row[m.col]-1, 0)
	case key.Matches(msg, k.Down):
		m.row[m.col] = min(m.row[m.col]+1, max(len(m.column(m.col))-1, 0))
	case key.Matches(msg, k.Add):
		return m.add()
	case key.Matches(msg, k.Ideas):
		return m.openPicker()
	case key.Matches(msg, k.Hint):
		m.hint = (m.hint + 1) % max(len(m.ctx.Hints), 1)
	case key.Matches(msg, k.Context):
		m.life.contextTop = 0
		m.open(overlayContext)
		return m, nil
	case key.Matches(msg, k.Edit):
		return m.edit(m.selected())
	case key.Matches(msg, k.Delete):
		m.confirm = true
	case key.Matches(msg, k.Feel):
		return m.toggleFeel()
	case key.Matches(msg, k.MoveLeft):
		return m.moveTier(-1)
	case key.Matches(msg, k.MoveRight):
		return m.moveTier(+1)
	case key.Matches(msg, k.MoveUp):
		return m.reorder(-1)
	case key.Matches(msg, k.MoveDown):
		return m.reorder(+1)
	case key.Matches(msg, k.State):
		return m.openState()
	case key.Matches(msg, k.Rest):
		if i := m.selected(); i >= 0 {
			g := m.goals[i]
			if !g.Status.CanMove(workbook.Resting) {
				m.Saver.Refuse(fmt.Sprintf("A %s goal does not rest: s shows what it can do.", stateWords(g, m.today())))
				return m, nil
			}
			return m.openRest([]string{g.ID})
		}
	case key.Matches(msg, k.RestAll):
		return m.restBoard()
	case key.Matches(msg, k.Diary):
		return m.openDiary()
	case key.Matches(msg, k.Week):
		m.OpenWeek()
	case key.Matches(msg, k.Look):
		return m.openLook()
	case key.Matches(msg, k.Next):
		m.nav.Navigate(common.GoTo(common.NextStep(common.Goals)))
	case key.Matches(msg, k.Prev):
		m.nav.Navigate(common.GoTo(common.PrevStep(common.Goals)))
	}
	return m, nil
}

func (m Model) updateConfirm(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Yes):
		m.confirm = false
		i := m.selected()
		if i < 0 {
			return m, nil
		}
		id := m.goals[i].ID
		m.goals = slices.Delete(m.goals, i, i+1)
		m.row[m.col] = max(min(m.row[m.col], len(m.column(m.col))-1), 0)
		return m, tea.Batch(m.remove(id), m.settleLadder())
	case key.Matches(msg, m.keys.No):
		m.confirm = false
	}
	return m, nil
}

// add starts a new goal in the focused column and opens the editor on it.
// It is saved once it has words.
func (m Model) add() (Model, tea.Cmd) {
	now := m.env.Now().UTC()
	g := workbook.Goal{
		ID:      workbook.NewID(now),
		Tier:    tierOrder[m.col],
		Status:  workbook.Draft,
		Order:   m.nextOrder(m.col),
		Created: now,
		Updated: now,
	}
	if g.Tier == workbook.Small {
		g.Week = m.thisWeek() // small goals are for this week
	}
	m.editing = true
	m.editor = newEditor(m.env.Styles, g, true, m.ctx, m.goals)
	m.editor.setWidth(m.width)
	return m, nil
}

func (m Model) edit(i int) (Model, tea.Cmd) {
	if i < 0 {
		return m, nil
	}
	m.editing = true
	m.editor = newEditor(m.env.Styles, m.goals[i], false, m.ctx, m.goals)
	m.editor.setWidth(m.width)
	return m, nil
}

// nextFeel is how a goal feels after f: doable, a little scary, then not
// marked again, and round, so a mark made too soon can be taken back.
func nextFeel(f workbook.Feel, step int) workbook.Feel {
	feels := []workbook.Feel{workbook.Unmarked, workbook.Doable, workbook.Scary}
	i := max(slices.Index(feels, f), 0)
	return feels[(i+step+len(feels))%len(feels)]
}

func (m Model) toggleFeel() (Model, tea.Cmd) {
	i := m.selected()
	if i < 0 {
		return m, nil
	}
	before := m.goals[i]
	g := before
	g.Feel = nextFeel(g.Feel, 1)
	g.Updated = m.env.Now().UTC()
	ev, _ := workbook.EditEvent(before, g, "", g.Updated)
	return m, m.change(g, ev)
}

// moveTier moves the selected goal to the next column left or right, to
// the end of that column, and follows it there.
func (m Model) moveTier(d int) (Model, tea.Cmd) {
	i := m.selected()
	to := m.col + d
	if i < 0 || to < 0 || to > 2 {
		return m, nil
	}
	before := m.goals[i]
	g := &m.goals[i]
	g.Tier, g.Order, g.Updated = tierOrder[to], m.nextOrder(to), m.env.Now().UTC()
	g.Week = m.weekFor(*g)
	m.col = to
	m.row[to] = len(m.column(to)) - 1
	m.row[m.col-d] = max(min(m.row[m.col-d], len(m.column(m.col-d))-1), 0)
	ev, _ := workbook.EditEvent(before, *g, "", g.Updated)
	return m, tea.Batch(m.change(*g, ev), m.settleLadder())
}

// weekFor is the week of g once it is in its column: a goal becoming
// small is for this week, one leaving the small column is for no week.
func (m Model) weekFor(g workbook.Goal) workbook.Day {
	switch {
	case g.Tier != workbook.Small:
		return 0
	case g.Week == 0:
		return m.thisWeek()
	}
	return g.Week
}

// reorder swaps the selected goal with its neighbour above or below.
func (m Model) reorder(d int) (Model, tea.Cmd) {
	col := m.column(m.col)
	r := min(m.row[m.col], len(col)-1)
	if r < 0 || r+d < 0 || r+d >= len(col) {
		return m, nil
	}
	// Renumber the column first so swapping orders is always a real swap.
	now := m.env.Now().UTC()
	for n, i := range col {
		m.goals[i].Order = n
	}
	a, b := &m.goals[col[r]], &m.goals[col[r+d]]
	a.Order, b.Order = b.Order, a.Order
	m.row[m.col] = r + d
	var cmds []tea.Cmd
	for _, i := range col {
		m.goals[i].Updated = now
		cmds = append(cmds, m.save(m.goals[i]))
	}
	return m, tea.Batch(cmds...)
}

// closeEditor ends editing: a goal left without words is dropped, anything
// else is saved now, with the event that keeps the change in its history
// (a new goal's adding, or what the edit changed). Either write is of the
// goal's record, so it takes the typing still waiting for its tick along.
// A change of words asks for a line about why.
func (m Model) closeEditor() (Model, tea.Cmd) {
	m.editing = false
	g := m.editor.goal
	i := indexByID(m.goals, g.ID)
	if strings.TrimSpace(g.Text) == "" {
		// Autosave may already have written a new goal while it had words,
		// so it is removed on disk whether or not the board holds it.
		if i >= 0 {
			m.goals = slices.Delete(m.goals, i, i+1)
		}
		m, back := m.done()
		return m, tea.Batch(m.remove(g.ID), m.settleLadder(), back)
	}
	if i < 0 {
		m.goals = append(m.goals, g)
	} else {
		m.goals[i] = g
	}
	m.col = tierIndex(g.Tier)
	if r := slices.IndexFunc(m.column(m.col), func(j int) bool { return m.goals[j].ID == g.ID }); r >= 0 {
		m.row[m.col] = r
	}
	now := m.env.Now().UTC()
	var save tea.Cmd
	ev, changed := workbook.EditEvent(m.editor.before, g, "", now)
	switch {
	case m.editor.isNew:
		save = m.change(g, workbook.AddedEvent(g, now))
	case changed:
		save = m.change(g, ev)
	default:
		save = m.save(g)
	}
	if changed && !m.editor.isNew && ev.Was != ev.Text {
		back := m.life.back
		m.askLine(g.ID, ev, false)
		m.life.back = back
		return m, tea.Batch(save, m.settleLadder())
	}
	m, back := m.done()
	return m, tea.Batch(save, m.settleLadder(), back)
}

// nextOrder is the position after the last goal in column col.
func (m Model) nextOrder(col int) int {
	order := 0
	for _, i := range m.column(col) {
		order = max(order, m.goals[i].Order+1)
	}
	return order
}

// settleLadder lets go of links that no longer hold: a goal whose bigger
// goal was deleted or moved to a column it cannot be a step toward. Each
// goal it changes is saved, so the export never holds a dangling link.
func (m *Model) settleLadder() tea.Cmd {
	var cmds []tea.Cmd
	for i := range m.goals {
		g := &m.goals[i]
		if g.Parent == "" {
			continue
		}
		if p, ok := workbook.GoalByID(m.goals, g.Parent); ok && workbook.ValidParent(*g, p) {
			continue
		}
		g.Parent, g.Updated = "", m.env.Now().UTC()
		cmds = append(cmds, m.save(*g))
	}
	return tea.Batch(cmds...)
}

// save writes one goal at once.
func (m *Model) save(g workbook.Goal) tea.Cmd { return m.Saver.Write(m.record(g)) }

// record is the write of goal g. It captures a copy, never the model.
func (m Model) record(g workbook.Goal) common.Record {
	season, saver := m.env.Season, m.saver
	g.Themes, g.Values = slices.Clone(g.Themes), slices.Clone(g.Values)
	g.Said, g.Purpose = cloneMap(g.Said), cloneMap(g.Purpose)
	return common.Record{Key: "goal/" + g.ID, What: "your goal", Save: func() error {
		return saver.PutGoal(season, g)
	}}
}

// remove deletes a goal on disk. It is a write of the goal's record, so it
// lands after any earlier write of the goal and is never overtaken by one.
func (m *Model) remove(id string) tea.Cmd {
	season, saver := m.env.Season, m.saver
	return m.Saver.Write(common.Record{Key: "goal/" + id, What: "the deletion", Save: func() error {
		return saver.DeleteGoal(season, id)
	}})
}

func cloneMap(in map[string]bool) map[string]bool {
	if in == nil {
		return nil
	}
	out := make(map[string]bool, len(in))
	for k, v := range in {
		out[k] = v
	}
	return out
}

// sideAt is the width from which the themes sit in a panel beside the
// columns instead of a strip above them.
const sideAt = 110

// sideWidth is the width of the side panel, or 0 when there is none.
func (m Model) sideWidth() int {
	if m.width < sideAt {
		return 0
	}
	return 32
}

// View renders the board, or the editor when a goal is open.
func (m Model) View() string {
	switch {
	case m.editing:
		return m.editor.view(m.env.Styles, m.height, m.ctx, m.goals)
	case m.picking:
		return m.pickerView()
	case m.life.overlay != noOverlay:
		return m.lifeView()
	}
	s := m.env.Styles
	var bottom string
	if m.confirm {
		if i := m.selected(); i >= 0 {
			bottom = s.Nudge.Render(common.Truncate(fmt.Sprintf("Delete “%s”? y to delete, n to keep it.", firstLine(m.goals[i].Text)), m.width))
		}
	}
	h := m.height
	if bottom != "" {
		h--
	}
	var board string
	if side := m.sideWidth(); side > 0 {
		cols := m.columnsView(m.width-side-2, h)
		board = lipgloss.JoinHorizontal(lipgloss.Top, cols, "  ", m.sideView(side, h))
	} else {
		top := m.stripView(h)
		board = lipgloss.JoinVertical(lipgloss.Left, top, m.columnsView(m.width, max(h-lipgloss.Height(top), 3)))
	}
	if bottom != "" {
		board = lipgloss.JoinVertical(lipgloss.Left, board, bottom)
	}
	return board
}

// nextStepLine answers "what is my next step this week?" for the selected
// goal, when it is part of a ladder.
func (m Model) nextStepLine() string {
	s := m.env.Styles
	i := m.selected()
	if i < 0 {
		return ""
	}
	g := m.goals[i]
	if g.Tier == workbook.Small {
		return "" // a small goal is its own next step
	}
	if step, ok := workbook.NextStep(m.goals, g.ID); ok {
		return s.Muted.Render("Next step this week: ") + s.Accent.Render(firstLine(step.Text))
	}
	return s.Muted.Render("No small step under this goal yet: add one this week and link it.")
}

// themeNames lists the themes, the one that matters most starred.
func (m Model) themeNames() string { return common.JoinRefs(m.ctx.Themes, m.ctx.Top, " · ") }

// averseNames lists the themes to avoid, starred if the one that matters
// most is one of them: it can matter most as something to stay away from.
func (m Model) averseNames() string { return common.JoinRefs(m.ctx.Averse, m.ctx.Top, ", ") }

func refNames(refs []common.Ref) string { return common.JoinRefs(refs, workbook.Ref{}, ", ") }

// stripView is the few lines above the columns on narrower terminals.
func (m Model) stripView(h int) string {
	strip, _ := m.strip(h)
	return strip
}

// strip is the few lines above the columns on narrower terminals: what
// matters most, themes and values, what to avoid, the next step for the
// selected goal, and one hint at a time, each wrapped to be read in full.
// When that would take the columns' room (h is the board's height), the
// lines that matter least for choosing goals are cut to one line, one at
// a time, the hint first, until it fits; cut reports whether any was, and
// c then shows them all (contextView).
func (m Model) strip(h int) (strip string, cut bool) {
	s := m.env.Styles
	type line struct {
		text string
		drop int // the order lines are cut in when room is short: lowest first
	}
	var lines []line
	for _, n := range m.notes() {
		lines = append(lines, line{n, 6})
	}
	if m.ctx.Motivation != "" {
		lines = append(lines, line{s.Muted.Render("What matters most: ") + s.Accent.Render(m.ctx.Motivation), 4})
	}
	// Themes and values each have a line: sharing one, the values were cut
	// off the end of it on any narrow board.
	if len(m.ctx.Themes) > 0 {
		lines = append(lines, line{s.Muted.Render("Themes: ") + s.Text.Render(m.themeNames()), 2})
	}
	if len(m.ctx.Values) > 0 {
		lines = append(lines, line{s.Muted.Render("Values: ") + s.Text.Render(refNames(m.ctx.Values)), 1})
	}
	if len(m.ctx.Averse) > 0 {
		lines = append(lines, line{s.Averse.Render("You'd rather not: " + m.averseNames()), 3})
	}
	if len(m.ctx.Themes)+len(m.ctx.Values)+len(m.ctx.Averse) == 0 && m.ctx.Motivation == "" {
		lines = append(lines, line{s.Muted.Render("No themes named yet. They help you choose goals that matter to you."), 0})
	}
	if step := m.nextStepLine(); step != "" {
		lines = append(lines, line{step, 5})
	}
	if n := len(m.ctx.Hints); n > 0 {
		hint := m.ctx.Hints[m.hint%n]
		if n > 1 {
			hint = fmt.Sprintf("(%d/%d) %s", m.hint%n+1, n, hint)
		}
		lines = append(lines, line{s.Muted.Render(hint), 0})
	}
	shown := make([]string, len(lines))
	rows := 0
	for i, l := range lines {
		shown[i] = common.Wrap(l.text, m.width)
		rows += lipgloss.Height(shown[i])
	}
	room := max(h-minColumns, len(lines))
	for drop := 0; drop <= 6 && rows > room; drop++ {
		for i, l := range lines {
			if l.drop != drop || rows <= room {
				continue
			}
			if tall := lipgloss.Height(shown[i]); tall > 1 {
				shown[i] = common.Truncate(l.text, m.width)
				rows -= tall - 1
				cut = true
			}
		}
	}
	return strings.Join(shown, "\n"), cut
}

// contextView shows in full what sits above or beside the columns, for a
// board too small to show it all: c opens it, esc goes back.
func (m Model) contextView() string {
	lines := m.contextLines()
	lines = lines[min(m.life.contextTop, m.contextEnd(lines)):]
	if h := max(m.height, 1); len(lines) > h {
		lines = append(lines[:h-1], m.env.Styles.Muted.Render(common.Truncate("↓ more", max(m.width, 1))))
	}
	return strings.Join(lines, "\n")
}

func (m Model) contextLines() []string {
	w := max(m.width, 1)
	lines := []string{m.env.Styles.Title.Render(common.Truncate("Beside your goals", w)), ""}
	return append(lines, strings.Split(m.sidePanel(w, true), "\n")...)
}

// contextEnd is the furthest the context scrolls: to its last line at the
// bottom of the board.
func (m Model) contextEnd(lines []string) int { return max(len(lines)-max(m.height, 1), 0) }

// contextCut reports whether the board cuts what sits beside the goals:
// the strip above the columns on a narrow board, or the panel beside them
// (hints apart, which t shows one at a time).
func (m Model) contextCut() bool {
	if side := m.sideWidth(); side > 0 {
		return lipgloss.Height(m.sidePanel(side, false)) > m.boardHeight()
	}
	_, cut := m.strip(m.boardHeight())
	return cut
}

// minColumns is the least height the columns keep below the strip before
// its lines are cut to one each: a heading, a card and the borders.
const minColumns = 12

// sideView is the panel of themes, values and hints beside the columns.
func (m Model) sideView(w, h int) string {
	panel := m.sidePanel(w, true)
	if lipgloss.Height(panel) > h && len(m.ctx.Hints) > 1 {
		// Not every hint fits: one at a time, as on the narrow strip,
		// rather than cut off at the bottom.
		panel = m.sidePanel(w, false)
	}
	return lipgloss.NewStyle().Width(w).MaxHeight(max(h, 1)).Render(panel)
}

// sidePanel is the panel's text, with every hint or the current one.
func (m Model) sidePanel(w int, allHints bool) string {
	s := m.env.Styles
	var b strings.Builder
	section := func(title, body string, style lipgloss.Style) {
		if body == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(s.Subtitle.Render(title) + "\n" + style.Render(common.Wrap(body, w)))
	}
	for _, n := range m.notes() {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(common.Wrap(n, w))
	}
	if step := m.nextStepLine(); step != "" {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(common.Wrap(step, w))
	}
	section("What matters most", m.ctx.Motivation, s.Accent)
	// Names are wrapped whole: "Personal goals" is one name, not two lines.
	whole := func(refs []common.Ref) []common.Ref {
		out := slices.Clone(refs)
		for i := range out {
			out[i].Name = strings.ReplaceAll(out[i].Name, " ", "\u00a0")
		}
		return out
	}
	section("Your themes", common.JoinRefs(whole(m.ctx.Themes), m.ctx.Top, " · "), s.Text)
	section("You'd rather not", common.JoinRefs(whole(m.ctx.Averse), m.ctx.Top, ", "), s.Averse)
	section("Your values", common.JoinRefs(whole(m.ctx.Values), workbook.Ref{}, ", "), s.Text)
	if b.Len() == 0 {
		b.WriteString(s.Muted.Render(common.Wrap("No themes named yet. They help you choose goals that matter to you.", w)))
	}
	hints := m.ctx.Hints
	if n := len(hints); !allHints && n > 0 {
		hints = []string{fmt.Sprintf("(%d/%d) %s", m.hint%n+1, n, hints[m.hint%n])}
	}
	for i, hint := range hints {
		if i == 0 {
			b.WriteString("\n\n" + s.Subtitle.Render("Hints"))
		}
		b.WriteString("\n" + s.Muted.Render(common.Wrap("· "+hint, w)))
	}
	return b.String()
}

// columnsView lays the three tiers side by side in width total.
func (m Model) columnsView(total, h int) string {
	// The selected goal's ladder is worked out once, for all three columns.
	var ladder map[string]bool
	if sel := m.selected(); sel >= 0 {
		ladder = workbook.Related(m.goals, m.goals[sel].ID)
	}
	s := m.env.Styles
	gap := 1
	var cols []string
	for c := range tierOrder {
		w := (total - 2*gap) / 3
		if c == len(tierOrder)-1 {
			w = total - 2*gap - 2*w // the last column takes what division leaves
		}
		style := s.Column
		if c == m.col {
			style = s.ColumnFocused
		}
		inner := max(w-style.GetHorizontalFrameSize(), 1)
		innerH := max(h-style.GetVerticalFrameSize(), 1)
		// Clip the body to the box, so its bottom border always shows.
		body := lipgloss.NewStyle().MaxHeight(innerH).Render(m.columnBody(c, inner, innerH, ladder))
		cols = append(cols, style.Width(w).Height(h).Render(body))
		if c < 2 {
			cols = append(cols, strings.Repeat(" ", gap))
		}
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, cols...)
}

// columnBody renders one column's heading, cards and nudge, scrolled so the
// selected card is always in view.
func (m Model) columnBody(c, w, h int, ladder map[string]bool) string {
	s := m.env.Styles
	info := catalog.AboutTier(tierOrder[c])
	idx := m.column(c)
	head := s.Subtitle.Render(common.Truncate(info.Name, w)) + "\n" + s.Muted.Render(common.Truncate(info.Span, w))
	var foot string
	if len(idx) > catalog.MaxSettled {
		foot = s.Nudge.Render(common.Wrap(fmt.Sprintf("%d goals here. Settle on a few?", len(idx)), w))
	}
	room := h - lipgloss.Height(head) - 1
	if foot != "" && room-lipgloss.Height(foot) >= 4 {
		room -= lipgloss.Height(foot)
	} else {
		foot = "" // when room is tight, seeing the goals matters more than the nudge
	}
	if len(idx) == 0 {
		hint := "Nothing yet. Press a to add a goal."
		return head + "\n\n" + s.Muted.Render(common.Wrap(hint, w))
	}
	var cards []string
	for r, i := range idx {
		g := m.goals[i]
		cards = append(cards, m.card(g, w, c == m.col && r == min(m.row[c], len(idx)-1), ladder[g.ID]))
	}
	body := scroll(cards, min(m.row[c], len(idx)-1), max(room, 1), s, w)
	out := head + "\n\n" + body
	if foot != "" {
		out += "\n" + foot
	}
	return out
}

// scroll shows the cards, a blank line between them, in h lines, keeping
// the selected card in view: all of it when it fits, near the middle when
// there is room around it. It shows as many whole cards as fit, never the
// tail of a card without its start: a card at the edge shows its first
// lines, cut with a "…" line, when rows are left for it. Every card is
// either shown (its first line is) or counted in a "↑ N more" or "↓ N
// more" line, so nothing is ever hidden without a word. A selected card
// taller than the column shows its start, cut with "… (enter)": enter
// opens it whole.
func scroll(cards []string, sel, h int, s *common.Styles, w int) string {
	n := len(cards)
	blocks := make([][]string, n)
	total := n - 1
	for i, c := range cards {
		blocks[i] = strings.Split(c, "\n")
		total += len(blocks[i])
	}
	if total <= h {
		return strings.Join(cards, "\n\n")
	}
	// need is the rows cards f to l take, with the gaps between them and
	// the "more" lines for the cards outside them.
	need := func(f, l int) int {
		rows := l - f + boolInt(f > 0) + boolInt(l < n-1)
		for i := f; i <= l; i++ {
			rows += len(blocks[i])
		}
		return rows
	}
	more := func(format string, k int) string {
		return s.Muted.Render(common.Truncate(fmt.Sprintf(format, k), w))
	}
	cut := func(lines []string, rows int, mark string) []string {
		return append(slices.Clone(lines[:rows-1]), s.Muted.Render(common.Truncate(mark, w)))
	}

	if need(sel, sel) > h {
		// Not even the selected card fits whole. Its first lines matter
		// more than saying what is below, and that more than above.
		up, down := sel > 0, sel < n-1
		rows := h - boolInt(up) - boolInt(down)
		if rows < 2 && up {
			up, rows = false, rows+1
		}
		if rows < 2 && down {
			down, rows = false, rows+1
		}
		var out []string
		if up {
			out = append(out, more("↑ %d more", sel))
		}
		if rows >= 2 {
			out = append(out, cut(blocks[sel], min(rows, len(blocks[sel])), "  … (enter)")...)
		} else {
			out = append(out, blocks[sel][0])
		}
		if down {
			out = append(out, more("↓ %d more", n-1-sel))
		}
		return strings.Join(out, "\n")
	}

	// As many whole cards as fit, growing below and above by turns so the
	// selected one stays near the middle.
	f, l := sel, sel
	for grew := true; grew; {
		grew = false
		if l+1 < n && need(f, l+1) <= h {
			l, grew = l+1, true
		}
		if f > 0 && need(f-1, l) <= h {
			f, grew = f-1, true
		}
	}
	// The rows left show the start of the next card below, or else of
	// the card above, cut: a gap, a line of it at least, and the "…".
	var head, tail []string
	left := h - need(f, l)
	switch {
	case l+1 < n:
		if rows := left - 1 + boolInt(l+1 == n-1); rows >= 2 {
			l++
			tail = cut(blocks[l], min(rows, len(blocks[l])), "  …")
		}
	case f > 0:
		if rows := left - 1 + boolInt(f-1 == 0); rows >= 2 {
			f--
			head = cut(blocks[f], min(rows, len(blocks[f])), "  …")
		}
	}
	var out []string
	if f > 0 {
		out = append(out, more("↑ %d more", f))
	}
	for i := f; i <= l; i++ {
		if i > f {
			out = append(out, "")
		}
		switch {
		case i == f && head != nil:
			out = append(out, head...)
		case i == l && tail != nil:
			out = append(out, tail...)
		default:
			out = append(out, blocks[i]...)
		}
	}
	if l < n-1 {
		out = append(out, more("↓ %d more", n-1-l))
	}
	return strings.Join(out, "\n")
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// card renders one goal: up to three lines of its words, how it feels, its
// checks at a glance, and what it is a step toward.
func (m Model) card(g workbook.Goal, w int, selected, onLadder bool) string {
	s := m.env.Styles
	style := s.Card
	switch {
	case selected:
		style = s.CardSelected
	case onLadder:
		style = s.CardLinked
	}
	inner := max(w-style.GetHorizontalFrameSize(), 1)
	lines := strings.Split(common.Wrap(common.OneLine(g.Text), inner), "\n")
	if len(lines) > 3 && !selected {
		// The others are cut to three lines; the selected card is there
		// to be read, in full.
		lines = append(lines[:2], common.Truncate(lines[2]+" …", inner))
	}
	var feel string
	switch g.Feel {
	case workbook.Doable:
		feel = s.Met.Render("○ doable")
	case workbook.Scary:
		feel = s.Nudge.Render("◆ a little scary")
	default:
		feel = s.Muted.Render("·") // not marked yet; the footer teaches f
	}
	met, total, purpose := tally(g, m.ctx)
	glance := s.Muted.Render(fmt.Sprintf("✓%d/%d ♥%d/3", met, total, purpose))
	gap := "  "
	if g.Feel == workbook.Unmarked {
		gap = " "
	}
	if lipgloss.Width(feel)+len(gap)+lipgloss.Width(glance) <= inner {
		lines = append(lines, feel+gap+glance)
	} else {
		lines = append(lines, common.Truncate(feel, inner), common.Truncate(glance, inner))
	}
	if state := m.stateLine(g); state != "" {
		lines = append(lines, common.Truncate(state, inner))
	}
	if steps := seasons.StepsOf(m.goals, g.ID).Words(); steps != "" && g.Tier == workbook.Medium {
		lines = append(lines, s.Muted.Render(common.Truncate(steps, inner)))
	}
	lines = append(lines, m.progressLines(g, inner)...)
	if p, ok := workbook.GoalByID(m.goals, g.Parent); ok && workbook.ValidParent(g, p) {
		step := "↳ " + firstLine(p.Text)
		if selected {
			lines = append(lines, s.Muted.Render(common.Wrap(step, inner)))
		} else {
			lines = append(lines, s.Muted.Render(common.Truncate(step, inner)))
		}
	}
	return style.Width(w).Render(strings.Join(lines, "\n"))
}

// stateLine says on a card where its goal stands, when it is not a
// draft: resting (and whether its rest is over), committed, reached, let
// go; and for a small goal of an earlier week, that it waits to be looked
// back on.
func (m Model) stateLine(g workbook.Goal) string {
	s := m.env.Styles
	today := m.today()
	switch {
	case g.Unchecked(m.thisWeek()) && g.Week == m.thisWeek()-7:
		return s.Nudge.Render("◇ last week (w)")
	case g.Unchecked(m.thisWeek()):
		return s.Nudge.Render("◇ week of " + seasons.ShortDate(g.Week, m.env.Now()) + " (w)")
	case g.Due(today):
		return s.Nudge.Render("◌ look again (o)")
	}
	switch g.Status {
	case workbook.Resting:
		return s.Muted.Render("◌ " + stateWords(g, today))
	case workbook.Committed:
		return s.Accent.Render("● committed")
	case workbook.Achieved:
		return s.Met.Render("✓ reached")
	case workbook.LetGo:
		return s.Muted.Render("· let go")
	}
	return ""
}

// notes are the lines above or beside the board about what is due: goals
// rested long enough, and small goals of earlier weeks to look back on.
func (m Model) notes() []string {
	s := m.env.Styles
	var out []string
	if due := seasons.DueWords(m.due()); due != "" {
		out = append(out, s.Nudge.Render(due+" (o)"))
	}
	if week := seasons.UncheckedWords(m.unchecked(), m.env.Now()); week != "" {
		out = append(out, s.Nudge.Render(week+" (w)"))
	}
	return out
}

func firstLine(text string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	return line
}
