package goals

import (
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// SaveGoalChange keeps the goal and its event, an event written again
// under its ID replacing the first.
func (b *board) SaveGoalChange(_ string, g workbook.Goal, ev workbook.GoalEvent) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.goals[g.ID] = g
	if b.events == nil {
		b.events = map[string][]workbook.GoalEvent{}
	}
	evs := b.events[g.ID]
	if i := slices.IndexFunc(evs, func(e workbook.GoalEvent) bool { return e.ID == ev.ID }); i >= 0 {
		evs[i] = ev
	} else {
		evs = append(evs, ev)
	}
	b.events[g.ID] = evs
	return nil
}

// GoalHistory pages the events as the store does, newest first.
func (b *board) GoalHistory(_, goal, from string, limit int, newestFirst bool) ([]workbook.GoalEvent, string, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	evs := slices.Clone(b.events[goal])
	if newestFirst {
		slices.Reverse(evs)
	}
	start := 0
	if from != "" {
		start = slices.IndexFunc(evs, func(e workbook.GoalEvent) bool { return e.ID == from })
	}
	evs = evs[max(start, 0):]
	if len(evs) > limit {
		return evs[:limit], evs[limit].ID, nil
	}
	return evs, "", nil
}

func (b *board) history(id string) []workbook.GoalEvent {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.events[id])
}

func (b *board) saved(id string) workbook.Goal {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.goals[id]
}

// setupAt builds the board on a clock the test moves.
func setupAt(t *testing.T, clock *time.Time, saved ...workbook.Goal) (Model, *board) {
	t.Helper()
	now := func() time.Time { return *clock }
	env := common.Env{
		Season: "s", Ledger: common.NewLedger(), Styles: common.NewStyles(false), Now: now,
		Tick: func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
			return func() tea.Msg { return fn(now()) }
		},
	}
	st := &board{goals: map[string]workbook.Goal{}}
	for _, g := range saved {
		st.goals[g.ID] = g
	}
	m := New(env, st, saved)
	m.SetSize(100, 30)
	return m, st
}

var (
	enterK = tea.KeyPressMsg{Code: tea.KeyEnter}
	downK  = tea.KeyPressMsg{Code: tea.KeyDown}
	rightK = tea.KeyPressMsg{Code: tea.KeyRight}
)

// evening is the board's evening: Friday 20 November 2026, in the week of
// Monday 16 November.
var evening = time.Date(2026, 11, 20, 21, 0, 0, 0, time.UTC)

func view(m Model) string { return ansi.Strip(m.View()) }

func kinds(evs []workbook.GoalEvent) string {
	var out []string
	for _, ev := range evs {
		out = append(out, ev.Kind.String()+":"+ev.To.String())
	}
	return strings.Join(out, " ")
}

// TestRestThenAnotherLookWhenItFallsDue rests a goal for four days; the
// board asks for another look only once the clock reaches the day.
func TestRestThenAnotherLookWhenItFallsDue(t *testing.T) {
	clock := evening
	m, st := setupAt(t, &clock, workbook.Goal{ID: "m", Tier: workbook.Medium, Text: "Run 20 km a week", Status: workbook.Draft})
	m = press(m, rightK)
	m = press(m, keys("s")...)
	if !strings.Contains(view(m), "Rest it for a few days") || !m.KeyMap().OptPick.Enabled() || m.KeyMap().Add.Enabled() {
		t.Fatalf("the state menu:\n%s", view(m))
	}
	m = press(m, enterK) // rest it
	m = press(m, rightK) // four days
	if !strings.Contains(view(m), "‹ 4 days ›  until Tue 24 Nov") {
		t.Fatalf("the rest:\n%s", view(m))
	}
	m = press(m, enterK)
	g := st.saved("m")
	if g.Status != workbook.Resting || g.Rest.Until != workbook.MakeDay(2026, 11, 24) || g.Rest.From != workbook.Draft {
		t.Fatalf("rested goal = %+v", g)
	}
	if h := st.history("m"); kinds(h) != "moved:resting" || h[0].Until != g.Rest.Until {
		t.Errorf("history = %+v", h)
	}
	if !strings.Contains(view(m), "◌ resting until Tue 24 Nov") || m.KeyMap().Look.Enabled() {
		t.Errorf("the board before the rest is over:\n%s", view(m))
	}

	clock = time.Date(2026, 11, 23, 23, 0, 0, 0, time.UTC) // Monday night: not yet
	m = press(m, tea.WindowSizeMsg{})
	m.syncKeys()
	if m.KeyMap().Look.Enabled() {
		t.Error("another look was offered a day early")
	}
	clock = time.Date(2026, 11, 24, 7, 0, 0, 0, time.UTC) // Tuesday morning
	m.syncKeys()
	if !m.KeyMap().Look.Enabled() || !strings.Contains(view(m), "has rested long enough") || !strings.Contains(view(m), "◌ look again (o)") {
		t.Fatalf("the rest fell due but the board does not say so:\n%s", view(m))
	}
	m = press(m, keys("o")...)
	if !strings.Contains(view(m), "Another look") || !m.KeyMap().KeepIt.Enabled() {
		t.Fatalf("another look:\n%s", view(m))
	}
	m = press(m, keys("c")...)
	if g := st.saved("m"); g.Status != workbook.Committed || g.Rest != (workbook.Rest{}) {
		t.Errorf("after committing on another look: %+v", g)
	}
	if h := st.history("m"); kinds(h) != "moved:resting moved:committed" || h[1].From != workbook.Resting {
		t.Errorf("history = %s", kinds(h))
	}
	if !strings.Contains(view(m), "● committed") || m.life.overlay != noOverlay {
		t.Errorf("back on the board:\n%s", view(m))
	}
}

// TestAnotherLookKeepsEditsAndLetsGo walks another look's other answers.
func TestAnotherLookKeepsEditsAndLetsGo(t *testing.T) {
	clock := evening
	rest := workbook.Rest{Since: evening.AddDate(0, 0, -5), Until: workbook.DayOf(evening), From: workbook.Committed}
	m, st := setupAt(t, &clock,
		workbook.Goal{ID: "a", Tier: workbook.Big, Text: "Half marathon", Status: workbook.Resting, Rest: rest, Order: 0},
		workbook.Goal{ID: "b", Tier: workbook.Big, Text: "Ultra", Status: workbook.Resting, Rest: rest, Order: 1},
		workbook.Goal{ID: "c", Tier: workbook.Big, Text: "Trail 30k", Status: workbook.Resting, Rest: rest, Order: 2},
	)
	m.OpenLook()
	if !strings.Contains(view(m), "Another look (1 of 3)") || !strings.Contains(view(m), "rested since 15 Nov") {
		t.Fatalf("another look:\n%s", view(m))
	}
	m = press(m, keys("k")...) // keep as is: back to committed
	if g := st.saved("a"); g.Status != workbook.Committed {
		t.Errorf("kept: %+v", g)
	}
	m = press(m, keys("l")...) // let go, and why
	if !m.Typing() || !strings.Contains(view(m), "Why let it go?") {
		t.Fatalf("letting go did not ask why:\n%s", view(m))
	}
	m = press(m, keys("not this year")...)
	m = press(m, enterK)
	if g, h := st.saved("b"), st.history("b"); g.Status != workbook.LetGo || len(h) != 1 || h[0].Why != "not this year" {
		t.Errorf("let go: %+v, history %+v", g, h)
	}
	if !strings.Contains(view(m), "Another look") || !strings.Contains(view(m), "Trail 30k") {
		t.Fatalf("after the line, the look did not go on:\n%s", view(m))
	}
	m = press(m, keys("e")...) // edit: back to committed, then the words
	if !m.editing || st.saved("c").Status != workbook.Committed {
		t.Fatalf("edit did not open the editor on the kept goal")
	}
	m = press(m, keys(" in spring")...)
	m = press(m, esc)
	if !strings.Contains(view(m), "What changed?") {
		t.Fatalf("an edit of the words did not ask why:\n%s", view(m))
	}
	m = press(m, keys("after the calf strain")...)
	m = press(m, enterK)
	h := st.history("c")
	if kinds(h) != "moved:committed edited:committed" || h[1].Was != "Trail 30k" || h[1].Text != "Trail 30k in spring" || h[1].Why != "after the calf strain" {
		t.Errorf("history of the edited goal = %+v", h)
	}
	if m.life.overlay != noOverlay || m.editing {
		t.Errorf("the look did not end once every goal was looked at")
	}
	m = press(m, keys("lld")...) // its history, on the big column's first goal
	if v := view(m); !strings.Contains(v, "Its history, newest first") {
		t.Fatalf("the diary:\n%s", v)
	}
}

// TestEditingAnExistingGoalKeepsTheChangeAndItsWhy, from the board.
func TestEditingAnExistingGoalKeepsTheChangeAndItsWhy(t *testing.T) {
	clock := evening
	m, st := setupAt(t, &clock, workbook.Goal{ID: "g", Tier: workbook.Medium, Text: "sub-25 5k", Status: workbook.Committed})
	m = press(m, rightK, enterK)
	for range len("25 5k") {
		m = press(m, tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	m = press(m, keys("26 5k")...)
	m = press(m, esc)
	m = press(m, keys("after the calf strain")...)
	m = press(m, enterK)
	m = press(m, keys("d")...)
	for len(m.life.diary.events) == 0 {
		t.Fatalf("the diary read nothing:\n%s", view(m))
	}
	if v := view(m); !strings.Contains(v, "changed “sub-25 5k” to “sub-26 5k” after the calf strain, 20 Nov") {
		t.Errorf("the diary:\n%s", v)
	}
	m = press(m, esc)
	// A feel or a column changed on the board is kept without asking.
	m = press(m, keys("f")...)
	m = press(m, keys(">")...)
	if h := st.history("g"); kinds(h) != "edited:committed edited:committed edited:committed" || h[1].Feel != workbook.Doable || h[2].Tier != workbook.Big || h[2].TierWas != workbook.Medium {
		t.Errorf("history = %+v", h)
	}
	if m.Typing() {
		t.Error("a change of feel or column asked for a line")
	}
}

// TestReachingAGoalAsksHowItFeltThenTheNextStep.
func TestReachingAGoalAsksHowItFeltThenTheNextStep(t *testing.T) {
	clock := evening
	m, st := setupAt(t, &clock,
		workbook.Goal{ID: "big", Tier: workbook.Big, Text: "Half marathon", Status: workbook.Committed},
		workbook.Goal{ID: "med", Tier: workbook.Medium, Text: "Run 20 km a week", Status: workbook.Committed, Parent: "big"},
	)
	m = press(m, rightK, rightK)
	m = press(m, keys("s")...)
	m = press(m, enterK) // "Reached it" comes first for a committed goal
	if !strings.Contains(view(m), "You reached it.") || !m.Typing() {
		t.Fatalf("reaching a goal did not ask how it felt:\n%s", view(m))
	}
	m = press(m, keys("like flying")...)
	m = press(m, enterK)
	g := st.saved("big")
	if g.Status != workbook.Achieved || g.Reached.Felt != "like flying" {
		t.Errorf("reached goal = %+v", g)
	}
	if h := st.history("big"); len(h) != 1 || h[0].Felt != "like flying" || h[0].To != workbook.Achieved {
		t.Errorf("history = %+v (the line is written into the move's own event)", h)
	}
	if v := view(m); !strings.Contains(v, "“like flying”") || !strings.Contains(v, "a new season") || !m.KeyMap().NewSeason.Enabled() {
		t.Fatalf("the next step:\n%s", v)
	}
	m = press(m, keys("n")...)
	to, ok := m.TakeNavigation()
	if !ok || to.To != common.NewSeason || to.Why != workbook.GoalReached {
		t.Errorf("n went to %+v, %v", to, ok)
	}

	// A medium goal reached points up the ladder.
	m = press(m, tea.KeyPressMsg{Code: tea.KeyLeft})
	m = press(m, keys("s")...)
	m = press(m, enterK, enterK) // reached; no line
	m = press(m, keys("b")...)
	if g := m.goals[m.selected()]; g.ID != "big" {
		t.Errorf("b selected %q, want the big goal it was a step toward", g.ID)
	}
}

// TestRestTheWholeBoard puts every goal still being worked toward away.
func TestRestTheWholeBoard(t *testing.T) {
	clock := evening
	m, st := setupAt(t, &clock,
		workbook.Goal{ID: "d", Tier: workbook.Small, Text: "Tuesday hills", Status: workbook.Draft, Week: workbook.DayOf(evening).WeekStart()},
		workbook.Goal{ID: "c", Tier: workbook.Big, Text: "Half", Status: workbook.Committed},
		workbook.Goal{ID: "a", Tier: workbook.Medium, Text: "Club", Status: workbook.Achieved},
	)
	if !m.KeyMap().RestAll.Enabled() {
		t.Fatal("R is not offered")
	}
	m = press(m, keys("R")...)
	if !strings.Contains(view(m), "2 goals still being worked toward will rest together") {
		t.Fatalf("the board's rest:\n%s", view(m))
	}
	m = press(m, enterK)
	for id, from := range map[string]workbook.GoalStatus{"d": workbook.Draft, "c": workbook.Committed} {
		if g := st.saved(id); g.Status != workbook.Resting || g.Rest.From != from || g.Rest.Until != workbook.DayOf(evening)+3 {
			t.Errorf("%s = %+v", id, g)
		}
	}
	if g := st.saved("a"); g.Status != workbook.Achieved {
		t.Error("a goal reached was put to rest")
	}
}

// TestTheWeekRollsOverAndIsLookedBackOn: on Monday last week's small goals
// wait to be looked back on; a missed one is tried again this week.
func TestTheWeekRollsOverAndIsLookedBackOn(t *testing.T) {
	sunday := time.Date(2026, 11, 22, 22, 0, 0, 0, time.UTC)
	week := workbook.MakeDay(2026, 11, 16)
	clock := sunday
	m, st := setupAt(t, &clock,
		workbook.Goal{ID: "med", Tier: workbook.Medium, Text: "Run 20 km a week", Status: workbook.Committed},
		workbook.Goal{ID: "s1", Tier: workbook.Small, Text: "Tuesday hills", Status: workbook.Committed, Parent: "med", Week: week},
		workbook.Goal{ID: "s2", Tier: workbook.Small, Text: "Thursday tempo", Status: workbook.Draft, Parent: "med", Week: week, Order: 1},
		workbook.Goal{ID: "s3", Tier: workbook.Small, Text: "Sunday long", Status: workbook.Draft, Parent: "med", Week: week, Order: 2},
	)
	if m.KeyMap().Week.Enabled() {
		t.Fatal("the week was looked back on before it was over")
	}
	clock = sunday.Add(3 * time.Hour) // Monday, 01:00
	m.syncKeys()
	if !m.KeyMap().Week.Enabled() || !strings.Contains(view(m), "Last week had 3 small goals: how did they go? (w)") {
		t.Fatalf("Monday's board:\n%s", view(m))
	}
	m = press(m, keys("w")...)
	if v := view(m); !strings.Contains(v, "Last week's small goals") || !strings.Contains(v, "Tuesday hills") {
		t.Fatalf("the look back:\n%s", v)
	}
	m = press(m, keys("d")...) // Tuesday hills: done; the cursor moves on
	m = press(m, keys("m")...) // Thursday tempo: missed
	if !m.KeyMap().TryAgain.Enabled() || !strings.Contains(view(m), "1 of 2 done — try again this week?") {
		t.Fatalf("after a missed step:\n%s", view(m))
	}
	m = press(m, keys("t")...)
	m = press(m, downK)
	m = press(m, keys("l")...) // Sunday long: let go
	m = press(m, esc)

	if g := st.saved("s1"); g.Status != workbook.Achieved || g.Check.Outcome != workbook.Done || g.Check.Week != week {
		t.Errorf("done = %+v", g)
	}
	if g := st.saved("s2"); g.Status != workbook.Draft || g.Check.Outcome != workbook.Missed {
		t.Errorf("missed = %+v", g)
	}
	if g := st.saved("s3"); g.Status != workbook.LetGo || g.Check.Outcome != workbook.Dropped {
		t.Errorf("let go = %+v", g)
	}
	var again workbook.Goal
	for _, g := range m.Goals() {
		if g.Again == "s2" {
			again = g
		}
	}
	if again.ID == "" || again.Text != "Thursday tempo" || again.Week != week+7 || again.Parent != "med" || st.saved(again.ID).ID == "" {
		t.Fatalf("tried again = %+v", again)
	}
	if h := st.history(again.ID); kinds(h) != "again:draft" || h[0].Week != week {
		t.Errorf("its history = %+v", h)
	}
	v := view(m)
	if strings.Contains(v, "Tuesday hills") || strings.Contains(v, "Sunday long") || !strings.Contains(v, "Thursday tempo") {
		t.Errorf("the small column shows last week's steps looked back on, or not this week's:\n%s", v)
	}
	if !strings.Contains(v, "weekly steps: 1 of 2 done") {
		t.Errorf("the medium goal does not count its weekly steps:\n%s", v)
	}
	if m.KeyMap().Week.Enabled() {
		t.Error("the week is still offered once looked back on")
	}
}
