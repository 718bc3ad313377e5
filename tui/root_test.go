package tui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/detect"
	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

func TestFirstRunExplainsThenResumesWhereLeft(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.mustShow("A quiet place", "Reflect: eight questions", "Begin")

	h.send(keyEnter)
	h.mustShow("Question 1 of 8", catalog.Questions()[0].Prompt)
	h.typeText("I love my watch.\nNumbers keep me honest.")
	h.send(keyTab)
	h.mustShow("Question 2 of 8")
	h.typeText("Trails with my sister")
	h.send(keyTab)
	h.mustShow("Question 3 of 8")
	h.send(keyCtrlC)
	if !h.quit {
		t.Fatal("ctrl+c did not quit")
	}

	wb := h.workbook()
	if got := wb.Answers["numbers-or-feelings"].Text; got != "I love my watch.\nNumbers keep me honest." {
		t.Errorf("answer 1 = %q", got)
	}
	if got := wb.Answers["places-and-people"].Text; got != "Trails with my sister" {
		t.Errorf("answer 2 = %q", got)
	}
	if wb.Place.Screen != "reflect" || wb.Place.Question != 2 {
		t.Errorf("place = %+v, want reflect question index 2", wb.Place)
	}

	// Coming back: the welcome screen offers the exact spot.
	again := startHarness(t, h.st, h.path, 80, 24)
	again.mustShow("Welcome back.", "You were last here just now.", "answered 2 of 8", "question 3 of 8")
	again.send(keyEnter)
	again.mustShow("Question 3 of 8")
}

func TestTypingSavesWithoutLeavingTheQuestion(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.send(keyEnter)
	h.typeText("still typing")
	if got := h.workbook().Answers["numbers-or-feelings"].Text; got != "still typing" {
		t.Errorf("autosaved answer = %q", got)
	}
	h.mustShow("✓ saved")
}

func TestSavedMarkOnlyAfterAWrite(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.send(keyEnter)
	if strings.Contains(h.view(), "saved") {
		t.Error(`"saved" shown before anything was written`)
	}
	h.dropTicks = true // typing, with the debounce not yet fired
	h.typeText("abc")
	h.mustShow("saving…")
}

// TestLongAnswersKeepTakingEnter guards against the Bubbles textarea
// default that stops accepting enter after 99 lines.
func TestLongAnswersKeepTakingEnter(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.send(keyEnter)
	var want strings.Builder
	for i := range 150 {
		if i > 0 {
			want.WriteString("\n")
		}
		fmt.Fprintf(&want, "%d", i)
	}
	h.send(tea.PasteMsg{Content: want.String()})
	h.typeText("\nlast")
	got := h.workbook().Answers["numbers-or-feelings"].Text
	if got != want.String()+"\nlast" {
		t.Errorf("answer has %d lines, want 151", strings.Count(got, "\n")+1)
	}
}

func TestPasteIsNormalizedAndLongPastesAreRefusedWhole(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.send(keyEnter)
	h.send(tea.PasteMsg{Content: "line one\r\nline two\r\n"})
	want := "line one\nline two\n"
	if got := h.workbook().Answers["numbers-or-feelings"].Text; got != want {
		t.Fatalf("after CRLF paste: %q, want %q", got, want)
	}

	big := strings.Repeat("long words ", common.MaxAnswerBytes/10)
	h.send(tea.PasteMsg{Content: big})
	if got := h.workbook().Answers["numbers-or-feelings"].Text; got != want {
		t.Errorf("an oversized paste changed the answer (%d bytes)", len(got))
	}
	h.mustShow("Not added")

	// Up to the limit is fine: a paste that fills it exactly is kept whole.
	fill := strings.Repeat("x", common.MaxAnswerBytes-len(want))
	h.send(tea.PasteMsg{Content: fill})
	if got := h.workbook().Answers["numbers-or-feelings"].Text; len(got) != common.MaxAnswerBytes {
		t.Errorf("answer is %d bytes, want the full %d", len(got), common.MaxAnswerBytes)
	}
	h.typeText("y")
	h.mustShow("This answer is full")
}

func TestShiftTabGoesBackAndLastQuestionLeadsOn(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.send(keyEnter, keyTab, keyShiftTab)
	h.mustShow("Question 1 of 8")
	for range len(catalog.Questions()) {
		h.send(keyTab)
	}
	if h.root().active != common.NextStep(common.Reflect) {
		t.Errorf("after the last question, active = %v", h.root().active)
	}
}

func TestGoalBoardJourney(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.send(common.NavigateMsg{To: common.Goals, Question: -1})
	h.mustShow("Small", "Medium", "Big", "this week", "2–6 weeks", "the next 12 months")

	h.send(letter('a'))
	h.mustShow("New goal", "What's the goal?")
	h.typeText("Run Tuesday and Thursday at 7am")
	h.send(keyEsc)
	goals := h.workbook().Goals
	if len(goals) != 1 || goals[0].Text != "Run Tuesday and Thursday at 7am" || goals[0].Tier != "small" {
		t.Fatalf("goals after adding = %+v", goals)
	}

	h.send(letter('f'))
	if g := h.workbook().Goals[0]; g.Feel != workbook.Doable {
		t.Errorf("feel = %q, want doable", g.Feel)
	}
	h.send(letter('f'))
	h.mustShow("a little scary")

	h.send(letter('>'))
	if g := h.workbook().Goals[0]; g.Tier != "medium" {
		t.Errorf("after moving right, tier = %q", g.Tier)
	}
	if h.root().goals.Goals()[0].Tier != "medium" {
		t.Error("board did not follow the moved goal")
	}

	// Editing: change the column from the editor.
	h.send(keyEnter)
	h.mustShow("Edit goal")
	h.send(keyTab, keyRight, keyEsc)
	if g := h.workbook().Goals[0]; g.Tier != "big" {
		t.Errorf("tier after editing = %q, want big", g.Tier)
	}

	h.send(letter('x'))
	h.mustShow("Delete “Run Tuesday")
	h.send(letter('n'))
	if len(h.workbook().Goals) != 1 {
		t.Fatal("n deleted the goal")
	}
	h.send(letter('x'), letter('y'))
	if n := len(h.workbook().Goals); n != 0 {
		t.Errorf("%d goals after deleting", n)
	}
}

func TestEmptyNewGoalIsDropped(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.send(common.NavigateMsg{To: common.Goals, Question: -1})
	h.send(letter('a'), keyEsc)
	if n := len(h.workbook().Goals); n != 0 {
		t.Errorf("an empty goal was saved (%d goals)", n)
	}
	h.mustShow("Nothing yet")
}

func TestBoardNudgesPastThreeGoals(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.send(common.NavigateMsg{To: common.Goals, Question: -1})
	for i := range 3 {
		h.send(letter('a'))
		h.typeText(fmt.Sprintf("goal %d", i+1))
		h.send(keyEsc)
	}
	if strings.Contains(h.view(), "Settle on a few") {
		t.Error("nudge shown at three goals")
	}
	h.send(letter('a'))
	h.typeText("goal 4")
	h.send(keyEsc)
	h.mustShow("4 goals here.", "Settle on")
}

func TestThemesNotesAreSaved(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.send(keyEnter)
	h.typeText("Running clears my head after work")
	h.send(common.NavigateMsg{To: common.Themes, Question: -1})
	h.mustShow("Themes in your answers", "Headspace", "Running clears my head after work")
	h.send(keyTab)
	h.typeText("headspace, evenings")
	h.send(keyTab)
	h.typeText("time for me")
	wb := h.workbook()
	if wb.Themes.Notes != "headspace, evenings" || wb.Themes.Motivation != "time for me" {
		t.Errorf("theme board = %+v", wb.Themes)
	}
	h.send(keyTab)
	if h.root().active != common.Goals {
		t.Fatalf("tab past the last field went to %v", h.root().active)
	}
	h.mustShow("What matters most: time for me")
}

func TestQKeyTypesInAnswersButQuitsElsewhere(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.send(keyEnter, letter('q'))
	if h.quit {
		t.Fatal("q quit while typing an answer")
	}
	if got := h.workbook().Answers["numbers-or-feelings"].Text; got != "q" {
		t.Errorf("answer = %q, want the q typed", got)
	}
	h.send(common.NavigateMsg{To: common.Summary, Question: -1}, letter('q'))
	if !h.quit {
		t.Error("q did not quit from the summary")
	}
}

// flakyStore fails its writes while broken is set.
type flakyStore struct {
	Store
	mu     sync.Mutex
	broken bool
}

func (f *flakyStore) SaveAnswer(season string, a workbook.Answer) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.broken {
		return errors.New("disk is full")
	}
	return f.Store.SaveAnswer(season, a)
}

func (f *flakyStore) PutGoal(season string, g workbook.Goal) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.broken {
		return errors.New("disk is full")
	}
	return f.Store.PutGoal(season, g)
}

func (f *flakyStore) SaveGoalChange(season string, g workbook.Goal, ev workbook.GoalEvent) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.broken {
		return errors.New("disk is full")
	}
	return f.Store.SaveGoalChange(season, g, ev)
}

func (f *flakyStore) setBroken(b bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.broken = b
}

// TestAFailedAnswerIsRetriedAfterMovingOn: the write of question 1 fails as
// the runner moves to question 2; the disk recovers; quitting must still
// save question 1, not only the question on screen.
func TestAFailedAnswerIsRetriedAfterMovingOn(t *testing.T) {
	base := newHarness(t, 80, 24)
	flaky := &flakyStore{Store: base.st}
	h := startHarness(t, flaky, base.path, 80, 24)
	h.dropTicks = true
	h.send(keyEnter)
	h.typeText("the first answer")
	flaky.setBroken(true)
	h.send(keyTab) // leaving saves, and fails
	h.mustShow("not saved yet")
	flaky.setBroken(false)
	h.typeText("the second answer")
	h.send(keyCtrlC)
	if !h.quit {
		t.Fatal("did not quit once the disk recovered")
	}
	wb := h.workbook()
	if got := wb.Answers["numbers-or-feelings"].Text; got != "the first answer" {
		t.Errorf("question 1 = %q", got)
	}
	if got := wb.Answers["places-and-people"].Text; got != "the second answer" {
		t.Errorf("question 2 = %q", got)
	}
}

// TestAFailedGoalChangeIsRetriedWithTheEditorClosed covers a decision made
// on the board (not typing) whose write fails.
func TestAFailedGoalChangeIsRetriedWithTheEditorClosed(t *testing.T) {
	base := newHarness(t, 100, 30)
	flaky := &flakyStore{Store: base.st}
	h := startHarness(t, flaky, base.path, 100, 30)
	h.dropTicks = true
	h.send(common.NavigateMsg{To: common.Goals, Question: -1}, letter('a'))
	h.typeText("Run on Tuesday at 7")
	h.send(keyEsc)
	flaky.setBroken(true)
	h.send(letter('f'))
	h.mustShow("not saved yet")
	h.send(letter('q'))
	if h.quit {
		t.Fatal("quit while the change could not be saved")
	}
	flaky.setBroken(false)
	h.send(letter('q'))
	if !h.quit {
		t.Fatal("did not quit once the disk recovered")
	}
	if g := h.workbook().Goals; len(g) != 1 || g[0].Feel != workbook.Doable {
		t.Errorf("goals on disk: %+v", g)
	}
}

func TestFailedSaveIsShownAndRetried(t *testing.T) {
	base := newHarness(t, 80, 24)
	flaky := &flakyStore{Store: base.st, broken: true}
	h := startHarness(t, flaky, base.path, 80, 24)
	h.send(keyEnter)
	h.dropTicks = true
	h.typeText("precious words")
	h.send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	h.mustShow("not saved yet", "Could not save your answer, trying again: disk is full")

	// Quitting while the disk is broken keeps the workbook open.
	h.send(keyCtrlC)
	if h.quit {
		t.Fatal("quit although the last save failed")
	}
	h.mustShow("ctrl+c again quits without saving")

	flaky.mu.Lock()
	flaky.broken = false
	flaky.mu.Unlock()
	h.send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	if got := h.workbook().Answers["numbers-or-feelings"].Text; got != "precious words" {
		t.Errorf("after the disk recovered: %q", got)
	}
	h.mustShow("✓ saved")
}

func TestShutdownSavesUnsavedTyping(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.send(keyEnter)
	h.dropTicks = true // the debounce never fires: only the shutdown saves
	h.typeText("typed just before the window closed")
	h.send(common.ShutdownMsg{})
	if !h.quit {
		t.Fatal("shutdown did not quit")
	}
	if got := h.workbook().Answers["numbers-or-feelings"].Text; got != "typed just before the window closed" {
		t.Errorf("answer = %q", got)
	}
}

func TestSalvageAfterTheProgramEndedSavesTyping(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.send(keyEnter)
	h.dropTicks = true
	h.typeText("last words")
	final := h.root()
	if final.Done() {
		t.Fatal("Done before quitting")
	}
	final.Salvage()() // what main does when the program was killed
	if got := h.workbook().Answers["numbers-or-feelings"].Text; got != "last words" {
		t.Errorf("answer = %q", got)
	}
}

// TestSalvageSavesEvenWhatAFlushHandedOver: the program asked to save and
// quit, the flush command was built (so the edits count as handed over),
// and then the program was killed before it ran.
func TestSalvageSavesEvenWhatAFlushHandedOver(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.send(keyEnter)
	h.dropTicks = true
	h.typeText("words in a dropped flush")
	next, dropped := h.m.Update(common.ShutdownMsg{})
	_ = dropped // the program is killed before it runs
	final := next.(Model)
	if final.Done() {
		t.Fatal("Done although the flush never ran")
	}
	final.Salvage()()
	if got := h.workbook().Answers["numbers-or-feelings"].Text; got != "words in a dropped flush" {
		t.Errorf("answer = %q", got)
	}
}

func TestLoadErrorEndsTheProgram(t *testing.T) {
	h := newHarness(t, 80, 24)
	broken := &failingLoad{Store: h.st}
	again := startHarness(t, broken, h.path, 80, 24)
	if !again.quit || !errors.Is(again.root().Err(), store.ErrDamaged) {
		t.Errorf("quit = %v, err = %v", again.quit, again.root().Err())
	}
}

type failingLoad struct{ Store }

func (f failingLoad) Workbook(string) (workbook.Snapshot, error) {
	return workbook.Snapshot{}, fmt.Errorf("read: %w", store.ErrDamaged)
}

// screens puts the harness on each screen in turn, with some writing in
// place, and calls fn there.
func screens(t *testing.T, w, hgt int, fn func(t *testing.T, name string, h *harness)) {
	h := newHarness(t, w, hgt)
	fn(t, "welcome-first", h)
	h.send(keyEnter)
	h.typeText("I love the numbers: pace, splits, the lot.\nBut mostly I run to clear my head after work.")
	fn(t, "reflect", h)
	h.send(common.NavigateMsg{To: common.Values, Question: -1}, tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}, keyEnter)
	h.typeText("Long quiet runs give me room to think.")
	fn(t, "values", h)
	h.send(common.NavigateMsg{To: common.Themes, Question: -1})
	fn(t, "themes-list", h)
	h.send(letter('*'), keyDown, letter('y'), keyTab)
	h.typeText("Headspace. Evenings. My sister.")
	fn(t, "themes", h)
	h.send(keyTab)
	h.typeText("Time that is mine, before the house wakes, on the ridge above town")
	fn(t, "themes-motivation", h)
	h.send(common.NavigateMsg{To: common.Goals, Question: -1})
	for _, g := range []string{"Run Tuesday and Thursday at 7am, before work", "Two strength sessions: Thursday and Sunday"} {
		h.send(letter('a'))
		h.typeText(g)
		h.send(keyEsc)
	}
	h.send(letter('f'), keyDown)
	fn(t, "goals", h)
	h.send(letter('a'))
	h.typeText("Half marathon in the autumn")
	fn(t, "goal-editor", h)
	h.send(keyTab, keyTab, keyTab, keyTab, keyTab)
	fn(t, "goal-editor-checks", h)
	h.send(keyEsc, letter('i'))
	fn(t, "goal-ideas", h)
	h.send(keyEsc, common.NavigateMsg{To: common.Summary, Question: -1})
	fn(t, "summary", h)
	h.send(keyCtrlL)
	h.typeText("5k")
	h.send(keyTab)
	h.typeText("28:30")
	h.send(keyTab, letter('4'), keyTab, letter('2'), keyTab, letter('4'))
	fn(t, "journal-form", h)
	h.send(keyEsc, keyCtrlO)
	fn(t, "journal", h)
	h.send(letter('i'))
	fn(t, "journal-insights", h)
	h.send(keyEsc, keyEnter)
	fn(t, "journal-run", h)
	h.send(keyEsc, keyEsc)
	again := startHarness(t, h.st, h.path, w, hgt)
	fn(t, "welcome-back", again)
	comingBack(t, again, fn)
}

func TestGoldenViews(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		screens(t, size[0], size[1], func(t *testing.T, name string, h *harness) {
			t.Run(fmt.Sprintf("%s-%dx%d", name, size[0], size[1]), func(t *testing.T) {
				golden.RequireEqual(t, h.view())
			})
		})
	}
}

func TestTooSmallWindowAsksCalmly(t *testing.T) {
	h := newHarness(t, 40, 10)
	h.mustShow("Make the window a little larger", "ctrl+c saves and quits")
}

// TestBelowTheSmallestSizeOnlyQuitActs: keys pressed while the workbook
// cannot be seen must not open, type or move anything unseen.
func TestBelowTheSmallestSizeOnlyQuitActs(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.send(common.NavigateMsg{To: common.Goals, Question: -1})
	h.send(tea.WindowSizeMsg{Width: 40, Height: 15})
	h.send(letter('a'), letter('i'), letter('?'), keyTab, tea.PasteMsg{Content: "pasted blind"})
	h.typeText("typed blind")
	if g := h.root().goals; g.Typing() || h.root().active != common.Goals || len(g.Goals()) != 0 {
		t.Errorf("keys acted while the board could not be seen: active %v, typing %v, goals %v",
			h.root().active, g.Typing(), g.Goals())
	}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.mustShow("Small", "Nothing yet")
	if h.root().help.ShowAll {
		t.Error("? opened the full help while the window was too small")
	}

	h.send(common.NavigateMsg{To: common.Reflect, Question: 0}, tea.WindowSizeMsg{Width: 40, Height: 15})
	h.typeText("unseen")
	h.send(tea.PasteMsg{Content: "pasted"})
	if got := h.workbook().Answers["numbers-or-feelings"].Text; got != "" {
		t.Errorf("an answer was written while the window was too small: %q", got)
	}
	h.send(letter('q'))
	if h.quit {
		t.Error("q quit while an answer had the keys")
	}
	h.send(keyCtrlC)
	if !h.quit {
		t.Error("ctrl+c did not quit below the smallest size")
	}
}

// TestResizeSweep resizes every screen through many sizes: nothing panics
// and nothing is drawn wider or taller than the window.
func TestResizeSweep(t *testing.T) {
	var sizes [][2]int
	for w := 1; w <= 160; w += 7 {
		for hgt := 1; hgt <= 60; hgt += 5 {
			sizes = append(sizes, [2]int{w, hgt})
		}
	}
	sizes = append(sizes, [2]int{MinWidth, MinHeight}, [2]int{MinWidth - 1, MinHeight}, [2]int{0, 0})
	screens(t, 80, 24, func(t *testing.T, name string, h *harness) {
		for _, sz := range sizes {
			h.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			view := h.view()
			lines := strings.Split(view, "\n")
			if sz[1] > 0 && len(lines) > sz[1] {
				t.Errorf("%s at %dx%d: %d lines", name, sz[0], sz[1], len(lines))
			}
			if open, closed := strings.Count(view, "╭"), strings.Count(view, "╰"); open != closed {
				t.Errorf("%s at %dx%d: %d boxes open but %d close:\n%s", name, sz[0], sz[1], open, closed, view)
			}
			for _, l := range lines {
				if lw := lipgloss.Width(l); lw > max(sz[0], 0) {
					t.Errorf("%s at %dx%d: a line %d wide: %q", name, sz[0], sz[1], lw, l)
					break
				}
			}
		}
		h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	})
}

// TestNoLineIsWiderThanItsPane sweeps every supported width, growing and
// then shrinking (which text inputs found harder): the screen shown must
// fit the pane the root gives it, line by line, without the root having to
// cut anything. The root cuts what overflows, so the frame alone would
// hide a screen drawing past its edge.
func TestNoLineIsWiderThanItsPane(t *testing.T) {
	var sizes [][2]int
	for w := MinWidth; w <= 240; w++ {
		for _, hgt := range []int{MinHeight, 24, 50} {
			sizes = append(sizes, [2]int{w, hgt})
		}
	}
	for w := 240; w >= MinWidth; w-- {
		sizes = append(sizes, [2]int{w, 30})
	}
	screens(t, 80, 24, func(t *testing.T, name string, h *harness) {
		for _, sz := range sizes {
			w, hgt := sz[0], sz[1]
			h.send(tea.WindowSizeMsg{Width: w, Height: hgt})
			m := h.root()
			paneW, paneH := w-2, hgt-3-lipgloss.Height(m.helpView())
			lines := strings.Split(ansi.Strip(m.activeView()), "\n")
			if len(lines) > paneH {
				t.Errorf("%s at %dx%d: %d lines in a pane of %d", name, w, hgt, len(lines), paneH)
			}
			for _, l := range lines {
				if lw := ansi.StringWidth(l); lw > paneW {
					t.Errorf("%s at %dx%d: a line %d wide in a pane of %d: %q", name, w, hgt, lw, paneW, l)
					break
				}
			}
		}
		h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	})
}

func TestStylesFollowTheTerminalBackground(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.send(keyEnter)
	if !h.root().styles.IsDark {
		t.Fatal("expected dark styles before the terminal answers")
	}
	h.send(tea.BackgroundColorMsg{Color: lipgloss.Color("#fdf6e3")})
	if h.root().styles.IsDark {
		t.Error("a light background did not switch to light styles")
	}
	if h.root().reflection.View() == "" {
		t.Error("the screen lost its view after restyling")
	}
	h.send(tea.BackgroundColorMsg{Color: lipgloss.Color("#1c1c1c")})
	if !h.root().styles.IsDark {
		t.Error("a dark background did not switch back")
	}
}

func TestTheSaveMarkStaysOnNarrowWindows(t *testing.T) {
	h := newHarness(t, MinWidth, MinHeight)
	h.send(keyEnter)
	h.typeText("words")
	h.mustShow("✓ saved", "Reflect", "ctrl+c quit")
}

// TestThemesScreenReadsTheSeasonAsDetectionDefines pins the themes screen
// to detect.SeasonSources, the one definition of what a season's theme
// reading takes in, which `cairn themes` uses too (its own test pins it to
// the same): both propose the same themes for the same season. An answer
// to a question this build no longer asks is part of it.
func TestThemesScreenReadsTheSeasonAsDetectionDefines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cairn.db")
	st, err := store.Open(path, store.WithClock(func() time.Time { return clock }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	season, err := st.StartSeason("")
	if err != nil {
		t.Fatal(err)
	}
	for q, text := range map[string]string{
		"beyond-running":   "Running clears my head after a long shift.",
		"retired-question": "I hate races, the start line makes me feel sick.",
	} {
		if err := st.SaveAnswer(season.ID, workbook.Answer{Question: q, Text: text, Updated: clock}); err != nil {
			t.Fatal(err)
		}
	}
	h := startHarness(t, st, path, 100, 30)
	h.send(common.NavigateMsg{To: common.Themes, Question: -1})
	got := h.root().themes.Proposed()

	wb := h.workbook()
	texts := map[string]string{}
	for id, a := range wb.Answers {
		texts[id] = a.Text
	}
	want := detect.Detect(detect.SeasonSources(texts))
	if !slices.ContainsFunc(want, func(f detect.Finding) bool { return f.Theme == catalog.Competition }) {
		t.Fatalf("the retired answer should propose competition: %+v", want)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the screen proposes\n%+v\nbut the season reads as\n%+v", got, want)
	}
}

// TestABurstOfKeysDrawsOneFramePerPeriod: keys arriving faster than a
// terminal shows frames reuse the last frame, and the redraw that follows
// the burst shows every key. A key is never left off the screen: the frame
// is reused only while a redraw is on its way.
func TestABurstOfKeysDrawsOneFramePerPeriod(t *testing.T) {
	base := newHarness(t, 80, 24)
	h := &harness{t: t, st: base.st, path: base.path}
	var redraws []tea.Cmd
	h.m = New(h.st, Options{
		Now: func() time.Time { return clock }, Dark: true,
		FrameEvery: time.Hour, // every frame in this test falls in one period
		Tick: func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
			if d == time.Hour {
				redraws = append(redraws, func() tea.Msg { return fn(clock) })
				return nil // held back, to be delivered by hand
			}
			if d >= statusFor {
				return nil
			}
			return func() tea.Msg { return fn(clock) }
		},
	})
	h.run(h.m.Init())
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24}, keyEnter)
	h.mustShow("Question 1 of 8")
	h.typeText("a burst of keys")
	if got := len(redraws); got != 1 {
		t.Errorf("%d redraws set for one burst, want 1", got)
	}
	if strings.Contains(h.view(), "a burst of keys") {
		t.Errorf("every key of the burst was drawn:\n%s", h.view())
	}
	h.send(redraws[0]())
	h.mustShow("a burst of keys", "4 words")

	// A new window size is drawn at once, redraw or not.
	h.typeText(" more")
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.mustShow("a burst of keys more")
	if w := lipgloss.Width(h.view()); w != 100 {
		t.Errorf("after resizing the frame is %d wide", w)
	}
}

// TestThemeNotesShowEveryLine: the notes box shows the cursor's line and
// fills its height. The Bubbles textarea hid its first line at 120 and 150
// columns, and at 80x24 gave three lines of notes a box of two.
func TestThemeNotesShowEveryLine(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {150, 40}, {150, 30}} {
		h := newHarness(t, size[0], size[1])
		h.send(common.NavigateMsg{To: common.Themes, Question: -1}, keyTab)
		h.typeText("first of my notes\nsecond of my notes\nthird of my notes")
		for _, want := range []string{"first of my notes", "second of my notes", "third of my notes"} {
			if !strings.Contains(h.view(), want) {
				t.Errorf("at %dx%d the notes hide %q:\n%s", size[0], size[1], want, h.view())
			}
		}
	}
}

// TestResumeIsExact: quitting inside the goal editor, with a theme and a
// goal selected, reopens the editor on that goal; the theme is selected
// again; and goal ideas left open come back with their filters.
func TestResumeIsExact(t *testing.T) {
	h := newHarness(t, 120, 40)
	h.send(keyEnter)
	h.typeText("Running clears my head after work. I love my club on Sundays. I hate races.")
	h.send(common.NavigateMsg{To: common.Themes, Question: -1}, keyDown, keyDown)
	theme := h.root().themes.Selected()
	if theme.IsZero() {
		t.Fatal("no theme to select")
	}
	h.send(common.NavigateMsg{To: common.Goals, Question: -1})
	for _, g := range []string{"Run Tuesday at 7am", "Strength on Thursday", "Easy run on Saturday"} {
		h.send(letter('a'))
		h.typeText(g)
		h.send(keyEsc)
	}
	h.send(tea.KeyPressMsg{Code: tea.KeyUp}, keyEnter)
	h.typeText(", before work")
	h.mustShow("Edit goal", "Strength on Thursday, before work")
	h.send(keyCtrlC)
	if !h.quit {
		t.Fatal("did not quit")
	}

	again := startHarness(t, h.st, h.path, 120, 40)
	again.mustShow("Continue where you left off: the goal board")
	again.send(keyEnter)
	again.mustShow("Edit goal", "Strength on Thursday, before work")
	again.send(keyEsc)
	if g := again.root().goals; g.Typing() || g.Goals()[1].Text != "Strength on Thursday, before work" {
		t.Errorf("after esc: %+v", g.Goals())
	}
	if id, _, _ := again.root().goals.Where(); id != again.root().goals.Goals()[1].ID {
		t.Errorf("the goal edited is not selected on the board: %q", id)
	}
	again.send(keyShiftTab)
	if got := again.root().themes.Selected(); got != theme {
		t.Errorf("theme selected = %+v, want %+v", got, theme)
	}

	// The goal ideas, filtered, and left open.
	again.send(common.NavigateMsg{To: common.Goals, Question: -1}, letter('i'), letter('1'), letter('1'), letter('3'), letter('/'))
	again.typeText("trail")
	again.send(keyEsc)
	before := ansi.Strip(again.view())
	again.send(keyCtrlC)
	third := startHarness(t, h.st, h.path, 120, 40)
	third.send(keyEnter)
	after := ansi.Strip(third.view())
	for _, want := range []string{"Goal ideas", "kind Milestone", "column Medium", "/ trail"} {
		if !strings.Contains(before, want) || !strings.Contains(after, want) {
			t.Errorf("the ideas came back without %q:\nleft:\n%s\nresumed:\n%s", want, before, after)
		}
	}
}

// TestAKeyAfterAPauseIsDrawnAtOnce: only keys that come faster than
// frames reuse the last frame. A key a period after the one before is
// drawn at once, even when another frame (the redraw after a burst) was
// drawn a moment before it.
func TestAKeyAfterAPauseIsDrawnAtOnce(t *testing.T) {
	base := newHarness(t, 80, 24)
	h := &harness{t: t, st: base.st, path: base.path}
	var redraws []tea.Cmd
	const period = 16 * time.Millisecond
	h.m = New(h.st, Options{
		Now: func() time.Time { return clock }, Dark: true, FrameEvery: period,
		Tick: func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
			if d == period {
				redraws = append(redraws, func() tea.Msg { return fn(clock) })
				return nil // held back, to be delivered by hand
			}
			if d >= statusFor {
				return nil
			}
			return func() tea.Msg { return fn(clock) }
		},
	})
	now := clock
	h.root().frames.now = func() time.Time { return now }
	at := func(d time.Duration) { now = clock.Add(d) }
	h.run(h.m.Init())
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24}, keyEnter)
	h.mustShow("Question 1 of 8")

	at(100 * time.Millisecond)
	h.send(letter('x'))
	h.mustShow("│ x ") // after a pause: at once
	at(101 * time.Millisecond)
	h.send(letter('y'))
	if strings.Contains(h.view(), "xy") {
		t.Fatalf("a key a millisecond after another was drawn at once:\n%s", h.view())
	}
	at(117 * time.Millisecond)
	h.send(redraws[len(redraws)-1]())
	h.mustShow("│ xy ")
	at(125 * time.Millisecond) // 8 ms after the redraw's frame, 24 after the last key
	h.send(letter('z'))
	h.mustShow("│ xyz ")
}

// TestAPastedTabBecomesFourSpacesAsTheReadmeSays: a tab is kept as the
// four spaces the text box draws it as, and the README's "Your data"
// says so, rather than the runner finding out from an export.
func TestAPastedTabBecomesFourSpacesAsTheReadmeSays(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.send(keyEnter)
	h.send(tea.PasteMsg{Content: "5k\t28:30\n10k\t59:10"})
	if got, want := h.workbook().Answers["numbers-or-feelings"].Text, "5k    28:30\n10k    59:10"; got != want {
		t.Fatalf("stored %q, want %q", got, want)
	}
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, data, _ := strings.Cut(string(readme), "## Your data")
	data, _, _ = strings.Cut(data, "\n## ")
	if !strings.Contains(data, "tab in text you paste becomes four spaces") {
		t.Error(`the README's "Your data" does not say what becomes of a pasted tab`)
	}
}
