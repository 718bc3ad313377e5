package tui

import (
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// Coming back, through the root: rests falling due, the week rolling
// over, the long gap's welcome, a new season that carries things over and
// leaves the old one as it was, last season's answers beside this one,
// past seasons and the comparison. The clock is the package's clock,
// moved on and put back.

var keyCtrlR = tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl}

// later moves the clock on by d for the rest of the test.
func later(t *testing.T, d time.Duration) {
	t.Helper()
	was := clock
	clock = clock.Add(d)
	t.Cleanup(func() { clock = was })
}

// comingBack walks the screens of coming back from h, the workbook that
// screens (root_test.go) wrote, calling fn on each; the clock moves on
// four weeks on the way and is put back after.
func comingBack(t *testing.T, h *harness, fn func(t *testing.T, name string, h *harness)) {
	was := clock
	defer func() { clock = was }()
	w, hgt := h.width(), h.height()

	h.send(common.GoTo(common.Goals), keyUp, keyUp, keyUp)
	h.send(letter('r'))
	fn(t, "goals-rest", h)
	h.send(keyEnter, keyDown, letter('s'))
	fn(t, "goals-state", h)
	h.send(keyDown, keyDown, keyEnter) // reached it
	h.typeText("Like the first spring morning")
	fn(t, "goals-reached", h)
	h.send(keyEnter)
	fn(t, "goals-next", h)
	h.send(keyEsc, letter('d'))
	fn(t, "goals-diary", h)
	h.send(keyEsc, common.GoTo(common.Summary))

	clock = clock.AddDate(0, 0, 28)
	back := startHarness(t, h.st, h.path, w, hgt)
	fn(t, "welcome-break", back)
	back.send(common.NavigateMsg{To: common.Goals, Question: -1, Board: common.BoardLook})
	fn(t, "goals-look", back)
	back.send(letter('k'))
	back.send(common.NavigateMsg{To: common.Goals, Question: -1, Board: common.BoardWeek})
	back.send(letter('d'), letter('m'))
	fn(t, "goals-week", back)
	back.send(letter('t'), keyEsc)
	back.send(common.NavigateMsg{To: common.NewSeason, Question: -1, Why: workbook.BackAfterBreak})
	fn(t, "new-season", back)
	back.send(keyTab, keyTab, keyTab, keyEnter)
	back.send(keyCtrlR)
	fn(t, "reflect-last", back)
	back.send(common.GoTo(common.History))
	fn(t, "history", back)
	back.send(keyEsc, common.GoTo(common.Compare))
	fn(t, "compare", back)
	back.send(keyEsc)
}

func (h *harness) width() int  { return h.root().width }
func (h *harness) height() int { return h.root().height }

// seasonHarness is a workbook with a season in it: answers, values,
// confirmed themes, and goals in several states, written at the package's
// clock.
func seasonHarness(t *testing.T, w, hgt int) *harness {
	t.Helper()
	h := newHarness(t, w, hgt)
	h.send(keyEnter)
	h.typeText("Numbers, always: pace and splits.")
	h.send(keyTab, keyTab)
	h.typeText("I hate races.")
	h.send(common.GoTo(common.Values), keySpace, keyEnter)
	h.typeText("Quiet loops before work.")
	h.send(keyEsc, common.GoTo(common.Themes), letter('*'))
	h.send(common.GoTo(common.Goals))
	for _, g := range []string{"Tuesday hills at 7", "Thursday tempo"} {
		h.send(letter('a'))
		h.typeText(g)
		h.send(keyEsc)
	}
	h.send(keyRight, keyRight, letter('a'))
	h.typeText("A spring half marathon")
	h.send(keyEsc, letter('s'), keyDown, keyEnter) // committed
	h.send(keyLeft, letter('a'))
	h.typeText("Run 20 km a week")
	h.send(keyEsc, letter('r'), keyEnter) // resting for three days
	return h
}

var (
	keyLeft = tea.KeyPressMsg{Code: tea.KeyLeft}
	keyUp   = tea.KeyPressMsg{Code: tea.KeyUp}
)

// TestComingBackFourWeeksLater is the long gap's journey: the welcome
// offers a new season back after a break, the runner carries only their
// values over, and the old season is there, unchanged, to read back and
// compare.
func TestComingBackFourWeeksLater(t *testing.T) {
	h := seasonHarness(t, 100, 30)
	h.send(keyCtrlC)
	old := h.workbook()
	if len(old.Goals) != 4 || len(old.Values) != 1 {
		t.Fatalf("the first season: %+v", old)
	}

	later(t, 28*24*time.Hour)
	back := startHarness(t, h.st, h.path, 100, 30)
	back.mustShow("It has been four weeks since you were last here.", "a new season is a good way back in",
		"› Start a new season: back after a break",
		"“Run 20 km a week” has rested long enough", "The week of 16 Nov had 2 small goals")
	back.send(keyEnter)
	back.mustShow("A new season", "● back after a break", "Winter 2026", "values, with their experiments (1)",
		"confirmed themes (1)", "goals not yet reached or let go (4)")
	back.send(keyTab, keyTab, keyDown, keySpace, keyDown, keySpace) // carry the values, not the themes or goals
	back.send(keyTab, keyEnter)
	if back.root().active != common.Reflect {
		t.Fatalf("the new season did not open on its first question:\n%s", back.view())
	}
	back.mustShow("Question 1 of 8", "Winter 2026 begins. Autumn 2026 is kept as it was, in Past seasons.")

	seasons, err := back.st.(*store.Store).Seasons()
	if err != nil || len(seasons) != 2 {
		t.Fatalf("seasons = %+v, %v", seasons, err)
	}
	now := back.workbook()
	if now.Season.Name != "Winter 2026" || now.Season.Why != workbook.BackAfterBreak || now.Season.From != old.Season.ID ||
		now.Season.Carried != (workbook.Carry{Values: true}) {
		t.Errorf("the new season = %+v", now.Season)
	}
	if !reflect.DeepEqual(now.Values, old.Values) || len(now.Goals) != 0 || len(now.Themes.Marks) != 0 || len(now.Answers) != 0 {
		t.Errorf("the new season carried %+v", now)
	}
	again, err := back.st.Workbook(old.Season.ID)
	if err != nil || !reflect.DeepEqual(again, old) {
		t.Errorf("the old season changed:\n%+v\nwas\n%+v", again, old)
	}

	// Last season's answer, one key away.
	back.send(keyCtrlR)
	back.mustShow("Last season · Autumn 2026", "Numbers, always: pace and splits.")
	back.typeText("Feelings now.")
	if got := back.workbook().Answers["numbers-or-feelings"].Text; got != "Feelings now." {
		t.Errorf("the new answer = %q", got)
	}

	back.send(common.GoTo(common.History))
	back.mustShow("Past seasons", "Autumn 2026", "Numbers, always: pace and splits.", "A spring half marathon — committed")
	back.send(keyEsc)
	if back.root().active != common.Reflect {
		t.Errorf("esc from past seasons went to %v", back.root().active)
	}
	back.send(common.GoTo(common.Compare))
	back.mustShow("Season over season", "Autumn 2026 → Winter 2026", "You kept Adventure.", "Feelings now.", "Numbers, always")

	// The welcome of the next visit offers the two.
	back.send(keyCtrlC)
	next := startHarness(t, back.st, back.path, 100, 30)
	next.mustShow("Season over season", "Past seasons")
}

// TestRestsFallDueAndTheWeekRollsOver through the root: the welcome after
// three days asks for another look and about last week, and each entry
// opens the board on it.
func TestRestsFallDueAndTheWeekRollsOver(t *testing.T) {
	h := seasonHarness(t, 100, 30)
	h.send(keyCtrlC)
	later(t, 2*24*time.Hour) // Sunday: the rest is not over, the week is not
	sunday := startHarness(t, h.st, h.path, 100, 30)
	if v := sunday.view(); strings.Contains(v, "another look") || strings.Contains(v, "Last week") {
		t.Errorf("on Sunday:\n%s", v)
	}
	sunday.mustShow("“Run 20 km a week” rests until Mon 23 Nov.")
	sunday.send(keyCtrlC)

	later(t, 24*time.Hour) // Monday
	monday := startHarness(t, h.st, h.path, 100, 30)
	monday.mustShow("has rested long enough", "Last week had 2 small goals: how did they go?",
		"Look back on last week's small goals (2)", "Take another look at what has rested (1)")
	monday.send(keyDown, keyEnter)
	monday.mustShow("Last week's small goals", "Tuesday hills at 7")
	monday.send(letter('d'), letter('m'), letter('t'), keyEsc)
	monday.mustShow("1 of 2 done — try again this week?")
	monday.send(letter('o'))
	monday.mustShow("Another look", "Run 20 km a week")
	monday.send(letter('c'))
	wb := monday.workbook()
	var steps, again int
	for _, g := range wb.Goals {
		switch {
		case g.Text == "Run 20 km a week" && g.Status != workbook.Committed:
			t.Errorf("after another look: %+v", g)
		case g.Again != "":
			again++
		case g.Check.Outcome != workbook.NotChecked:
			steps++
		}
	}
	if steps != 2 || again != 1 {
		t.Errorf("%d steps looked back on, %d tried again: %+v", steps, again, wb.Goals)
	}
	if evs, _, err := monday.st.GoalHistory(wb.Season.ID, wb.Goals[0].ID, "", 10, false); err != nil || len(evs) == 0 {
		t.Errorf("no history: %v", err)
	}
}

// TestANewSeasonWaitsForEverythingToBeSaved: while a write of the season
// being left fails, the new season does not begin, and the runner is told;
// once the disk recovers it does, with the answer saved in the old one.
func TestANewSeasonWaitsForEverythingToBeSaved(t *testing.T) {
	base := newHarness(t, 100, 30)
	flaky := &flakyStore{Store: base.st}
	h := startHarness(t, flaky, base.path, 100, 30)
	h.dropTicks = true
	h.send(keyEnter)
	h.typeText("written just before")
	flaky.setBroken(true)
	h.send(common.NavigateMsg{To: common.NewSeason, Question: -1, Why: workbook.JustNew})
	h.send(keyTab, keyTab, keyTab, keyEnter)
	h.mustShow("The new season did not begin")
	if seasons, _ := base.st.(*store.Store).Seasons(); len(seasons) != 1 {
		t.Fatalf("a season began over an unsaved answer: %d seasons", len(seasons))
	}
	flaky.setBroken(false)
	h.send(keyEnter)
	if h.root().active != common.Reflect || len(h.root().seasons) != 2 {
		t.Fatalf("once the disk recovered the season did not begin:\n%s", h.view())
	}
	seasons, _ := base.st.(*store.Store).Seasons()
	old, err := base.st.Workbook(seasons[0].ID)
	if err != nil || old.Answers["numbers-or-feelings"].Text != "written just before" {
		t.Errorf("the answer typed before = %+v, %v", old.Answers, err)
	}
}
