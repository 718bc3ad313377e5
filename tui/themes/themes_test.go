package themes

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

type boards struct {
	mu   sync.Mutex
	last workbook.ThemeBoard
	n    int
}

func (b *boards) SaveThemes(_ string, t workbook.ThemeBoard) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.last, b.n = t, b.n+1
	return nil
}

func setup(t *testing.T, board workbook.ThemeBoard) (Model, *boards) {
	t.Helper()
	now := func() time.Time { return time.Date(2026, 11, 20, 21, 0, 0, 0, time.UTC) }
	env := common.Env{
		Season: "s", Ledger: common.NewLedger(), Styles: common.NewStyles(true), Now: now,
		Tick: func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
			return func() tea.Msg { return fn(now()) }
		},
	}
	st := &boards{}
	m := New(env, st, board)
	m.SetSize(80, 22)
	return m, st
}

// send updates m with msgs and runs the commands that follow, returning
// the moves the screen asked for.
func send(m Model, msgs ...tea.Msg) (Model, []common.NavigateMsg) {
	var out []common.NavigateMsg
	for _, msg := range msgs {
		queue := []tea.Msg{msg}
		for len(queue) > 0 {
			var cmd tea.Cmd
			m, cmd = m.Update(queue[0])
			queue = queue[1:]
			if to, ok := m.TakeNavigation(); ok {
				out = append(out, to)
			}
			cmds := []tea.Cmd{cmd}
			for len(cmds) > 0 {
				c := cmds[0]
				cmds = cmds[1:]
				if c == nil {
					continue
				}
				switch r := c().(type) {
				case tea.BatchMsg:
					cmds = append(cmds, r...)
				case common.Routed:
					queue = append(queue, r)
				}
			}
		}
	}
	return m, out
}

func text(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

var tab = tea.KeyPressMsg{Code: tea.KeyTab}

func TestAnswersAreReadBackInQuestionOrder(t *testing.T) {
	m, _ := setup(t, workbook.ThemeBoard{})
	m.SetAnswers(map[string]string{"big-dream": "A mountain ultra", "numbers-or-feelings": "Feelings, mostly"})
	m, _ = send(m, text("r")...)
	v := ansi.Strip(m.View())
	first, second := strings.Index(v, "Feelings, mostly"), strings.Index(v, "A mountain ultra")
	if first < 0 || (second >= 0 && second < first) {
		t.Errorf("answers missing or out of order:\n%s", v)
	}
	if !strings.Contains(v, "(not answered yet)") {
		t.Error("unanswered questions are not marked")
	}
	if m.Typing() {
		t.Error("reading the answers should not take keys as text")
	}
}

func TestNotesAndMotivationAreSaved(t *testing.T) {
	m, st := setup(t, workbook.ThemeBoard{Notes: "old"})
	m, _ = send(m, tab)
	m, _ = send(m, text(" and new")...)
	m, _ = send(m, tab)
	m, _ = send(m, tea.PasteMsg{Content: "to feel\r\nfree"})
	if st.last.Notes != "old and new" || st.last.Motivation != "to feel free" {
		t.Errorf("saved %+v", st.last)
	}
	_, out := send(m, tab)
	if len(out) != 1 || out[0].To != common.NextStep(common.Themes) {
		t.Errorf("tab from the last field sent %v", out)
	}
}

// TestTheWayInAndOutOfTheWriting: the footer names where tab goes, and
// esc leaves a writing field for the list.
func TestTheWayInAndOutOfTheWriting(t *testing.T) {
	m, _ := setup(t, workbook.ThemeBoard{})
	m.SetAnswers(answers)
	if h := m.keys.Next.Help(); h.Desc != "your notes" || m.keys.Back.Enabled() {
		t.Errorf("on the list tab says %q (esc live: %v)", h.Desc, m.keys.Back.Enabled())
	}
	m, _ = send(m, tab)
	if !m.Typing() || !m.keys.Back.Enabled() || m.keys.Next.Help().Desc != "what matters most" {
		t.Errorf("in the notes: typing %v, esc %v, tab %q", m.Typing(), m.keys.Back.Enabled(), m.keys.Next.Help().Desc)
	}
	m, _ = send(m, text("quiet")...)
	m, _ = send(m, tea.KeyPressMsg{Code: tea.KeyEscape})
	if m.Typing() || m.focus != partList {
		t.Fatalf("esc did not leave the notes: focus %v", m.focus)
	}
	m, _ = send(m, tab, tab)
	if m.keys.Next.Help().Desc != "on to goals" {
		t.Errorf("in the motivation tab says %q", m.keys.Next.Help().Desc)
	}
	m, out := send(m, tea.KeyPressMsg{Code: tea.KeyEscape})
	if m.focus != partList || len(out) != 0 {
		t.Errorf("esc from the motivation: focus %v, moves %v", m.focus, out)
	}
}

func TestShiftTabFromTheAnswersGoesBack(t *testing.T) {
	m, _ := setup(t, workbook.ThemeBoard{})
	_, out := send(m, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	if len(out) != 1 || out[0].To != common.PrevStep(common.Themes) {
		t.Errorf("shift+tab sent %v", out)
	}
}

var answers = map[string]string{
	"competition":       "I hate races. The start line makes me feel sick.",
	"beyond-running":    "Running clears my head after a long shift. It keeps me sane.",
	"places-and-people": "Sundays with my club are the best part of the week; we chat the whole way.",
}

func rowIDs(m Model) []string {
	var ids []string
	for _, r := range m.rows {
		ids = append(ids, r.ref.ID+r.polarity.String()+r.status.String())
	}
	return ids
}

func find(m Model, id string) (row, int) {
	for i, r := range m.rows {
		if r.ref.ID == id {
			return r, i
		}
	}
	return row{}, -1
}

func at(t *testing.T, m Model, id string) Model {
	t.Helper()
	_, i := find(m, id)
	if i < 0 {
		t.Fatalf("no row %q in %v", id, rowIDs(m))
	}
	m.cursor = i
	m.syncKeys()
	return m
}

func TestProposesThemesWithTheirEvidence(t *testing.T) {
	m, _ := setup(t, workbook.ThemeBoard{})
	m.SetAnswers(answers)
	for _, want := range []struct {
		id  string
		pol workbook.Polarity
	}{{"coping", workbook.Toward}, {"competition", workbook.Away}, {"affiliation", workbook.Toward}} {
		r, i := find(m, want.id)
		if i < 0 || r.polarity != want.pol || r.status != workbook.Undecided || r.finding == nil {
			t.Errorf("%s: row %+v (rows %v)", want.id, r, rowIDs(m))
		}
	}
	m = at(t, m, "competition")
	m.refreshDetail()
	v := ansi.Strip(m.View())
	for _, want := range []string{"Competition · you'd rather not", "I hate races.", "from: Do you come alive in competition?", "rather not"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
}

func TestDecisionsAreSavedAndSurviveNewAnswers(t *testing.T) {
	m, st := setup(t, workbook.ThemeBoard{})
	m.SetAnswers(answers)
	m = at(t, m, "coping")
	m, _ = send(m, text("*")...) // matters most, which confirms it
	m = at(t, m, "competition")
	m, _ = send(m, text("y")...) // confirmed as an aversion
	m = at(t, m, "affiliation")
	m, _ = send(m, text("n")...)
	if st.last.Top != workbook.Theme("coping") || len(st.last.Marks) != 3 {
		t.Fatalf("saved %+v", st.last)
	}
	toward, averse := m.Chosen()
	if len(toward) != 1 || toward[0].Ref.ID != "coping" || len(averse) != 1 || averse[0].Ref.ID != "competition" {
		t.Errorf("chosen: %v / %v", toward, averse)
	}
	// The runner rewrites an answer: detection runs again, decisions stay.
	m.SetAnswers(map[string]string{"beyond-running": "Honestly it is just my routine now, every morning at six."})
	if last := m.rows[len(m.rows)-1]; last.ref.ID != "affiliation" {
		t.Errorf("coming back, a dismissed theme should sink to the end: %v", rowIDs(m))
	}
	for _, id := range []string{"coping", "competition", "affiliation"} {
		if r, i := find(m, id); i < 0 || r.status == workbook.Undecided {
			t.Errorf("%s lost its decision after new answers: %v", id, rowIDs(m))
		}
	}
	if r, _ := find(m, "coping"); r.finding != nil {
		t.Error("coping should no longer have evidence")
	}
	m = at(t, m, "coping")
	m.refreshDetail()
	if !strings.Contains(ansi.Strip(m.View()), "here because you chose it") {
		t.Error("a decided theme without evidence should say so")
	}
}

func TestDecidingTwiceTakesItBack(t *testing.T) {
	m, st := setup(t, workbook.ThemeBoard{})
	m.SetAnswers(answers)
	m = at(t, m, "coping")
	m, _ = send(m, text("yy")...)
	if r, _ := find(m, "coping"); r.status != workbook.Undecided || len(st.last.Marks) != 0 {
		t.Errorf("after y y: %+v, marks %+v", r, st.last.Marks)
	}
}

func TestFlipLetsTheRunnerCorrectTheDirection(t *testing.T) {
	m, st := setup(t, workbook.ThemeBoard{})
	m.SetAnswers(answers)
	m = at(t, m, "competition")
	m, _ = send(m, text("p")...)
	if r, _ := find(m, "competition"); r.polarity != workbook.Toward || r.status != workbook.Undecided {
		t.Errorf("after p: %+v", r)
	}
	if len(st.last.Marks) != 1 || st.last.Marks[0].Polarity != workbook.Toward || st.last.Marks[0].Status != workbook.Undecided {
		t.Errorf("saved %+v", st.last.Marks)
	}
	// Turned back to what cairn read, an undecided theme needs no mark.
	m, _ = send(m, text("p")...)
	if len(st.last.Marks) != 0 {
		t.Errorf("saved %+v after turning it back", st.last.Marks)
	}
}

// TestEachKeyDoesOneThing: p then y on an undecided theme turns it round
// and confirms it; the y neither undoes the p nor is undone by it.
func TestEachKeyDoesOneThing(t *testing.T) {
	m, st := setup(t, workbook.ThemeBoard{})
	m.SetAnswers(answers)
	m = at(t, m, "competition") // read as "rather not"
	m, _ = send(m, text("py")...)
	want := []workbook.ThemeMark{{Theme: workbook.Theme("competition"), Polarity: workbook.Toward, Status: workbook.Confirmed}}
	if !slices.Equal(st.last.Marks, want) {
		t.Errorf("after p y: %+v, want %+v", st.last.Marks, want)
	}
	if r, _ := find(m, "competition"); r.polarity != workbook.Toward || r.status != workbook.Confirmed {
		t.Errorf("row after p y: %+v", r)
	}
	// y again takes back the decision, not the direction.
	m, _ = send(m, text("y")...)
	if r, _ := find(m, "competition"); r.polarity != workbook.Toward || r.status != workbook.Undecided {
		t.Errorf("row after p y y: %+v", r)
	}
}

// TestTheStarKeepsTheDirection: a theme can matter most as something to
// avoid; starring it, or moving the star on, never turns it round.
func TestTheStarKeepsTheDirection(t *testing.T) {
	m, st := setup(t, workbook.ThemeBoard{})
	m.SetAnswers(answers)
	m = at(t, m, "competition")
	m, _ = send(m, text("y*")...) // "rather not", confirmed, and the one that matters most
	if r, _ := find(m, "competition"); r.polarity != workbook.Away || r.status != workbook.Confirmed || st.last.Top != r.ref {
		t.Fatalf("after y *: %+v, top %+v", r, st.last.Top)
	}
	if !strings.Contains(ansi.Strip(m.View()), "rather not ★") {
		t.Errorf("the star hides the direction:\n%s", ansi.Strip(m.View()))
	}
	toward, averse := m.Chosen()
	if len(averse) != 1 || averse[0].Ref != workbook.Theme("competition") || len(toward) != 0 {
		t.Errorf("chosen: %v / %v", toward, averse)
	}
	m, _ = send(m, text("p")...) // flipping keeps the star
	if st.last.Top != workbook.Theme("competition") {
		t.Error("p took the star away")
	}
	m, _ = send(m, text("p")...)
	m = at(t, m, "coping")
	m, _ = send(m, text("*")...)
	if r, _ := find(m, "competition"); r.polarity != workbook.Away || r.status != workbook.Confirmed {
		t.Errorf("moving the star on changed competition: %+v", r)
	}
	if st.last.Top != workbook.Theme("coping") {
		t.Errorf("top = %+v", st.last.Top)
	}
}

// TestDecidingKeepsTheListStill: y and n leave every row where it was, so
// the cursor stays on the theme the runner is looking at and the next key
// acts on the row below, not on one the list moved there.
func TestDecidingKeepsTheListStill(t *testing.T) {
	m, _ := setup(t, workbook.ThemeBoard{})
	m.SetAnswers(answers)
	refs := func() []string {
		var ids []string
		for _, r := range m.rows {
			ids = append(ids, r.ref.ID)
		}
		return ids
	}
	before := refs()
	m.cursor = 0
	m, _ = send(m, text("n")...)
	if m.rows[0].status != workbook.Dismissed || m.cursor != 0 {
		t.Fatalf("after n the cursor is on row %d: %v", m.cursor, rowIDs(m))
	}
	m, _ = send(m, keyDown, text("y")[0])
	if m.rows[1].status != workbook.Confirmed {
		t.Errorf("y did not act on the second row: %v", rowIDs(m))
	}
	if !slices.Equal(refs(), before) {
		t.Errorf("the list moved while deciding: %v, was %v", refs(), before)
	}
}

var keyDown = tea.KeyPressMsg{Code: tea.KeyDown}

func TestAddingOwnThemesAndCatalogNames(t *testing.T) {
	m, st := setup(t, workbook.ThemeBoard{})
	m.SetAnswers(nil)
	if !strings.Contains(ansi.Strip(m.View()), "No clear themes") {
		t.Error("an empty list should say how to go on")
	}
	m, _ = send(m, text("a")...)
	if !m.Typing() || !m.keys.Accept.Enabled() {
		t.Fatal("adding should take text")
	}
	m, _ = send(m, text("dog walks with Bess")...)
	m, _ = send(m, tea.KeyPressMsg{Code: tea.KeyEnter})
	if len(st.last.Own) != 1 || st.last.Own[0].Name != "dog walks with Bess" {
		t.Fatalf("own themes %+v", st.last.Own)
	}
	// A name cairn knows confirms that theme rather than making a copy.
	m, _ = send(m, text("a")...)
	m, _ = send(m, text("joy")...)
	m, _ = send(m, tea.KeyPressMsg{Code: tea.KeyEnter})
	if r, _ := find(m, "joy"); r.status != workbook.Confirmed || len(st.last.Own) != 1 {
		t.Errorf("joy: %+v, own %+v", r, st.last.Own)
	}
	// Removing the runner's own theme asks first, as goals and values do.
	m = at(t, m, st.last.Own[0].ID)
	m, _ = send(m, text("x")...)
	if len(st.last.Own) != 1 || !strings.Contains(ansi.Strip(m.View()), "Remove “dog walks with Bess”? y to remove, n to keep it.") {
		t.Fatalf("x removed without asking:\n%s", ansi.Strip(m.View()))
	}
	if !m.keys.Yes.Enabled() || m.keys.Confirm.Enabled() || m.keys.Add.Enabled() {
		t.Error("while asking, only y and n should be live")
	}
	m, _ = send(m, text("n")...)
	if len(st.last.Own) != 1 || m.removing {
		t.Fatal("n removed the theme")
	}
	m, _ = send(m, text("xy")...)
	if len(st.last.Own) != 0 {
		t.Errorf("own theme not removed: %+v", st.last.Own)
	}
	// esc cancels without adding.
	m, _ = send(m, text("a")...)
	m, _ = send(m, text("nothing")...)
	m, _ = send(m, tea.KeyPressMsg{Code: tea.KeyEscape})
	if len(st.last.Own) != 0 || m.adding {
		t.Error("esc added a theme")
	}
}

func TestResizeNeverOverflows(t *testing.T) {
	m, _ := setup(t, workbook.ThemeBoard{Own: []workbook.OwnTheme{{ID: "own-1", Name: strings.Repeat("long name ", 12), Polarity: workbook.Toward}}})
	m.SetAnswers(answers)
	for w := 1; w <= 160; w += 9 {
		for h := 1; h <= 50; h += 7 {
			m.SetSize(w, h)
			for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
				if lw := ansi.StringWidth(l); lw > w {
					t.Fatalf("at %dx%d a line is %d wide: %q", w, h, lw, l)
				}
			}
		}
	}
}

func TestValuesShowBesideTheThemes(t *testing.T) {
	m, _ := setup(t, workbook.ThemeBoard{})
	m.SetAnswers(answers)
	m.SetValues([]common.Ref{{Ref: workbook.Value("calm"), Name: "Calm"}, {Ref: workbook.OwnValueRef("own-1"), Name: "Dog walks"}})
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Your values: Calm · Dog walks") {
		t.Errorf("values are not beside the themes:\n%s", v)
	}
}

// TestEachPaneKeepsToItsWidth: side by side, the list and the writing keep
// to the list's column and the evidence to the rest, at every width, even
// after the window narrows under a long motivation or a name being typed
// (the Bubbles input went on showing a stretch of text as wide as before).
func TestEachPaneKeepsToItsWidth(t *testing.T) {
	long := "Time that is mine, before the house wakes, on the ridge above town with the wind behind me"
	m, _ := setup(t, workbook.ThemeBoard{Notes: "one\ntwo\nthree"})
	m.SetAnswers(answers)
	m.SetSize(240, 40)
	m, _ = send(m, tab, tab)
	m, _ = send(m, text(long)...)
	check := func(what string, view string, w, at int) {
		t.Helper()
		for _, l := range strings.Split(ansi.Strip(view), "\n") {
			if lw := ansi.StringWidth(l); lw > w {
				t.Errorf("at width %d the %s has a line %d wide, in a pane of %d: %q", at, what, lw, w, l)
				return
			}
		}
	}
	sweep := func() {
		for _, w := range []int{240, 200, 150, 130, 120, 110, 104, 100, 99, 80, 60, 54} {
			m.SetSize(w, 40)
			if m.wide() {
				check("list", m.listView(), m.listWidth(), w)
				check("writing", m.writingView(), m.listWidth(), w)
				check("evidence", m.detail.View(), w-m.listWidth()-2, w)
			}
			check("screen", m.View(), w, w)
		}
	}
	sweep()
	m, _ = send(m, tea.KeyPressMsg{Code: tea.KeyEscape}, text("a")[0])
	m.SetSize(240, 40)
	m, _ = send(m, text("long walks on the ridge with the dog after work")...)
	sweep()
}

// TestTheWritingShowsItsStart: what matters most reads from its first
// word, wrapped, whenever it is not being typed; the notes have the room
// the list does not need, so a five-line note shows whole on a tall
// window, even after esc.
func TestTheWritingShowsItsStart(t *testing.T) {
	motive := "Time that is mine, before the house wakes, on the ridge above town with the wind behind me and nobody asking anything"
	notes := "Headspace, mostly.\nThe club on Thursdays.\nNot races: the ridge.\nMy sister at the top.\nThe dog, most days."
	for _, size := range [][2]int{{120, 44}, {150, 37}, {200, 57}, {80, 21}, {100, 27}} {
		m, _ := setup(t, workbook.ThemeBoard{Notes: notes, Motivation: motive})
		m.SetAnswers(answers)
		m.SetSize(size[0], size[1])
		v := squeeze(ansi.Strip(m.View()))
		if m.wide() && !strings.Contains(v, "Time that is mine") {
			t.Errorf("at %dx%d what matters most does not show its start:\n%s", size[0], size[1], ansi.Strip(m.View()))
		}
		m, _ = send(m, tab) // into the notes: the writing shows on a narrow window too
		m, _ = send(m, tea.KeyPressMsg{Code: tea.KeyEnd, Mod: tea.ModCtrl})
		m, _ = send(m, tea.KeyPressMsg{Code: tea.KeyEscape})
		if m.wide() {
			v = ansi.Strip(m.View())
			if m.height >= 40 && !strings.Contains(v, "Headspace, mostly.") || !strings.Contains(v, "The dog, most days.") {
				t.Errorf("at %dx%d the notes do not show every line after esc:\n%s", size[0], size[1], v)
			}
			if h := m.notes.Height(); m.height >= 40 && h < 10 {
				t.Errorf("at %dx%d the notes have %d rows", size[0], size[1], h)
			}
		}
		m, _ = send(m, tab)
		v = squeeze(ansi.Strip(m.View()))
		if !strings.Contains(v, "Time that is mine, before") {
			t.Errorf("at %dx%d, with the notes focused, what matters most does not show its start:\n%s", size[0], size[1], ansi.Strip(m.View()))
		}
		if strings.Contains(v, "› Time") {
			t.Errorf("at %dx%d what matters most has the list's › marker", size[0], size[1])
		}
	}
}

// squeeze joins the lines of a view and folds runs of spaces, so wrapped
// words can be looked for as a sentence.
func squeeze(v string) string {
	var lines []string
	for _, l := range strings.Split(v, "\n") {
		lines = append(lines, strings.TrimLeft(strings.TrimSpace(l), "│ "))
	}
	return strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
}

// TestEveryValueShows: the values beside the themes wrap rather than end
// in "…" while there is room.
func TestEveryValueShows(t *testing.T) {
	names := []string{"Adventure", "Calm", "Friendship", "Nature", "Family", "Health", "Curiosity", "Discipline", "Time to myself 🌿"}
	var refs []common.Ref
	for i, n := range names {
		refs = append(refs, common.Ref{Ref: workbook.OwnValueRef(string(rune('a' + i))), Name: n})
	}
	for _, w := range []int{80, 100, 120, 200} {
		m, _ := setup(t, workbook.ThemeBoard{})
		m.SetAnswers(answers)
		m.SetValues(refs)
		m.SetSize(w, 30)
		list := ansi.Strip(m.listView())
		if strings.Contains(list, "…") {
			t.Errorf("at width %d the values are cut:\n%s", w, list)
		}
		for _, n := range names {
			if !strings.Contains(squeeze(list), n) {
				t.Errorf("at width %d %q is missing:\n%s", w, n, list)
			}
		}
	}
}

// TestTheStrengthDotsStandInOneColumn, whatever each row says after them.
func TestTheStrengthDotsStandInOneColumn(t *testing.T) {
	m, _ := setup(t, workbook.ThemeBoard{})
	m.SetAnswers(answers)
	m, _ = send(m, text("*")...)
	m.SetSize(120, 40)
	col := -1
	for _, l := range strings.Split(ansi.Strip(m.listView()), "\n") {
		i := strings.IndexAny(l, "●○")
		if i < 0 {
			continue
		}
		at := ansi.StringWidth(l[:i])
		if col >= 0 && at != col {
			t.Errorf("dots at column %d, others at %d:\n%s", at, col, ansi.Strip(m.listView()))
			break
		}
		col = at
	}
	if col < 0 {
		t.Fatal("no dots")
	}
}

// TestAThemeNamedByTheRunnerSaysWhyItIsThere: "Health" typed in, never
// found by cairn, is not said to be "no longer" found; an undecided theme
// does not say "You said".
func TestAThemeNamedByTheRunnerSaysWhyItIsThere(t *testing.T) {
	m, _ := setup(t, workbook.ThemeBoard{})
	m.SetAnswers(answers)
	v := ansi.Strip(m.View())
	if strings.Contains(v, "You said: y") || !strings.Contains(v, "Not decided yet") {
		t.Errorf("an undecided theme:\n%s", v)
	}
	m, _ = send(m, text("a")...)
	m, _ = send(m, text("Health")...)
	m, _ = send(m, tea.KeyPressMsg{Code: tea.KeyEnter})
	v = ansi.Strip(m.View())
	if strings.Contains(v, "no longer") || !strings.Contains(v, "here because you chose it") {
		t.Errorf("Health, named by the runner:\n%s", v)
	}
}
