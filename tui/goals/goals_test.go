package goals

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

type board struct {
	mu     sync.Mutex
	goals  map[string]workbook.Goal
	events map[string][]workbook.GoalEvent // by goal, as written (life_test.go)
}

func (b *board) PutGoal(_ string, g workbook.Goal) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.goals[g.ID] = g
	return nil
}

func (b *board) DeleteGoal(_, id string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.goals, id)
	return nil
}

func setup(t *testing.T, saved ...workbook.Goal) (Model, *board) {
	t.Helper()
	now := func() time.Time { return time.Date(2026, 11, 20, 21, 0, 0, 0, time.UTC) }
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
	m.SetSize(90, 30)
	return m, st
}

// press sends keys, running the commands each one returns.
func press(m Model, msgs ...tea.Msg) Model {
	for _, msg := range msgs {
		queue := []tea.Msg{msg}
		for len(queue) > 0 {
			var cmd tea.Cmd
			m, cmd = m.Update(queue[0])
			queue = queue[1:]
			cmds := []tea.Cmd{cmd}
			for len(cmds) > 0 {
				c := cmds[0]
				cmds = cmds[1:]
				if c == nil {
					continue
				}
				switch out := c().(type) {
				case tea.BatchMsg:
					cmds = append(cmds, out...)
				case nil, common.NavigateMsg, common.StatusMsg:
				default:
					queue = append(queue, out)
				}
			}
		}
	}
	return m
}

func keys(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

var esc = tea.KeyPressMsg{Code: tea.KeyEscape}

func goal(id, tier string, order int) workbook.Goal {
	return workbook.Goal{ID: id, Tier: workbook.Tier(tier), Text: "goal " + id, Order: order, Status: workbook.Draft}
}

func TestAddTypeAndCloseSavesADraftInTheFocusedColumn(t *testing.T) {
	m, st := setup(t)
	m = press(m, tea.KeyPressMsg{Code: tea.KeyRight}) // medium
	m = press(m, keys("a")...)
	if !m.Typing() {
		t.Fatal("the editor does not take text")
	}
	m = press(m, keys("Build to 15 miles a week")...)
	m = press(m, esc)
	if len(st.goals) != 1 {
		t.Fatalf("%d goals saved", len(st.goals))
	}
	for _, g := range st.goals {
		if g.Tier != "medium" || g.Text != "Build to 15 miles a week" || g.Status != workbook.Draft {
			t.Errorf("saved %+v", g)
		}
	}
}

func TestClearingAGoalsWordsDeletesIt(t *testing.T) {
	m, st := setup(t, goal("a", "small", 0))
	m = press(m, tea.KeyPressMsg{Code: tea.KeyEnter})
	for range len("goal a") {
		m = press(m, tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	m = press(m, esc)
	if len(st.goals) != 0 || len(m.Goals()) != 0 {
		t.Errorf("a goal with no words was kept: %+v", st.goals)
	}
}

func TestMovingBetweenColumnsAndWithinOne(t *testing.T) {
	m, st := setup(t, goal("a", "small", 0), goal("b", "small", 1), goal("c", "medium", 0))
	// Move "a" right: it joins the end of medium and the focus follows.
	m = press(m, keys(">")...)
	if st.goals["a"].Tier != "medium" || st.goals["a"].Order <= st.goals["c"].Order {
		t.Errorf("after >: a = %+v, c = %+v", st.goals["a"], st.goals["c"])
	}
	if m.col != 1 || m.goals[m.selected()].ID != "a" {
		t.Errorf("focus did not follow the goal")
	}
	// Move "a" up above "c".
	m = press(m, keys("K")...)
	if st.goals["a"].Order >= st.goals["c"].Order {
		t.Errorf("after K: a = %d, c = %d", st.goals["a"].Order, st.goals["c"].Order)
	}
	// Nothing moves past the edges.
	m = press(m, keys("K<<<")...)
	if st.goals["a"].Tier != "small" {
		t.Errorf("after <<<: tier %q", st.goals["a"].Tier)
	}
}

func TestDeleteAsksFirst(t *testing.T) {
	m, st := setup(t, goal("a", "small", 0))
	m = press(m, keys("x")...)
	if !strings.Contains(ansi.Strip(m.View()), "Delete “goal a”?") || !m.KeyMap().Yes.Enabled() || m.KeyMap().Add.Enabled() {
		t.Fatalf("delete did not ask:\n%s", ansi.Strip(m.View()))
	}
	m = press(m, esc)
	if len(st.goals) != 1 {
		t.Fatal("esc deleted")
	}
	m = press(m, keys("xy")...)
	if len(st.goals) != 0 {
		t.Error("y did not delete")
	}
}

// TestFeelGoesRoundAndBackToNotMarked: f marks doable, then a little
// scary, then takes the mark back; the editor's choice goes round alike.
func TestFeelGoesRoundAndBackToNotMarked(t *testing.T) {
	m, st := setup(t, goal("a", "big", 0))
	for _, want := range []workbook.Feel{workbook.Doable, workbook.Scary, workbook.Unmarked, workbook.Doable} {
		m = press(m, keys("llf")...)
		if st.goals["a"].Feel != want {
			t.Errorf("feel = %v, want %v", st.goals["a"].Feel, want)
		}
	}
	m = press(m, enterKey)
	m = tabTo(m, fieldFeel)
	m = press(m, right, right)
	if st.goals["a"].Feel != workbook.Unmarked {
		t.Errorf("in the editor, feel = %v, want not marked", st.goals["a"].Feel)
	}
	if !strings.Contains(ansi.Strip(m.View()), "‹ not marked ›") {
		t.Errorf("the editor does not offer \"not marked\":\n%s", ansi.Strip(m.View()))
	}
	m = press(m, tea.KeyPressMsg{Code: tea.KeyLeft})
	if st.goals["a"].Feel != workbook.Scary {
		t.Errorf("← from not marked: %v, want a little scary", st.goals["a"].Feel)
	}
}

func TestHelpFollowsTheMode(t *testing.T) {
	m, _ := setup(t)
	k := m.KeyMap()
	if !k.Add.Enabled() || k.Edit.Enabled() || k.Delete.Enabled() {
		t.Error("an empty column offers edit or delete")
	}
	m = press(m, keys("a")...)
	k = m.KeyMap()
	if k.Add.Enabled() || !k.Done.Enabled() || k.Choose.Enabled() {
		t.Error("editing text: wrong keys live")
	}
	m = press(m, tea.KeyPressMsg{Code: tea.KeyTab})
	if !m.KeyMap().Choose.Enabled() || m.Typing() {
		t.Error("on a choice field: ←/→ should be live and typing off")
	}
}

func TestContextSitsBesideTheColumns(t *testing.T) {
	ctx := Context{
		Motivation: "time for me",
		Top:        workbook.Theme("coping"),
		Themes:     []common.Ref{{Ref: workbook.Theme("coping"), Name: "Headspace"}, {Ref: workbook.Theme("joy"), Name: "Joy"}},
		Averse:     []common.Ref{{Ref: workbook.Theme("competition"), Name: "Competition"}},
		Values:     []common.Ref{{Ref: workbook.Value("calm"), Name: "Calm"}},
		Hints:      []string{"Keep that time safe."},
	}
	for _, tc := range []struct {
		width int
		want  []string
	}{
		{90, []string{"What matters most: time for me", "Headspace ★ · Joy", "You'd rather not: Competition", "Keep that time safe."}},
		{130, []string{"What matters most", "time for me", "Your themes", "Headspace ★ · Joy", "You'd rather not", "Competition", "Your values", "Calm", "Hints", "Keep that time safe."}},
	} {
		m, _ := setup(t)
		m.SetSize(tc.width, 30)
		m.SetContext(ctx)
		v := ansi.Strip(m.View())
		for _, want := range tc.want {
			if !strings.Contains(v, want) {
				t.Errorf("at width %d the board lacks %q:\n%s", tc.width, want, v)
			}
		}
	}
}

var (
	tab      = tea.KeyPressMsg{Code: tea.KeyTab}
	right    = tea.KeyPressMsg{Code: tea.KeyRight}
	down     = tea.KeyPressMsg{Code: tea.KeyDown}
	space    = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	enterKey = tea.KeyPressMsg{Code: tea.KeyEnter}
)

func ctx() Context {
	return Context{
		Themes: []common.Ref{{Ref: workbook.Theme("coping"), Name: "Headspace"}, {Ref: workbook.Theme("exploration"), Name: "Exploration"}},
		Averse: []common.Ref{{Ref: workbook.Theme("competition"), Name: "Competition"}},
		Values: []common.Ref{{Ref: workbook.Value("calm"), Name: "Calm"}},
	}
}

// tabTo moves the open editor's focus to field f.
func tabTo(m Model, f field) Model {
	for m.editor.focus != f {
		m = press(m, tab)
	}
	return m
}

func TestEditorLinksGoalsToThemesAndValues(t *testing.T) {
	m, st := setup(t, goal("a", "small", 0))
	m.SetContext(ctx())
	m = press(m, enterKey)
	m = tabTo(m, fieldLinks)
	m = press(m, space, right, right, space) // Headspace, then Calm
	g := st.goals["a"]
	if !slices.Equal(g.Themes, []workbook.Ref{workbook.Theme("coping")}) || !slices.Equal(g.Values, []workbook.Ref{workbook.Value("calm")}) {
		t.Errorf("links: themes %v values %v", g.Themes, g.Values)
	}
	if cs := checks(g, m.ctx); !cs[3].Met || !cs[3].Derived {
		t.Errorf("a linked goal should be relevant: %+v", cs[3])
	}
}

func TestEditorChecksCoachWithoutBlocking(t *testing.T) {
	m, st := setup(t, workbook.Goal{ID: "a", Tier: workbook.Small, Text: "Run more", Status: workbook.Draft})
	m = press(m, enterKey)
	m = tabTo(m, fieldChecks)
	v := ansi.Strip(m.View())
	for _, want := range []string{"○ Specific", "○ Attainable", "Purpose"} {
		if !strings.Contains(v, want) {
			t.Errorf("editor lacks %q:\n%s", want, v)
		}
	}
	// Attainable is the third SMART check: the runner says yes.
	m = press(m, down, down, space)
	if !st.goals["a"].Said["attainable"] {
		t.Errorf("said = %v", st.goals["a"].Said)
	}
	m = tabTo(m, fieldPurpose)
	m = press(m, space, down, down, space)
	if p := st.goals["a"].Purpose; !p["excited"] || p["out-the-door"] || !p["smile"] {
		t.Errorf("purpose = %v", p)
	}
	// The words can make checks met on their own.
	m = tabTo(m, fieldText)
	m = press(m, keys(" on Tuesday and Thursday at 7am, 5 km each")...)
	m = press(m, esc, esc) // done, and no line about why the words changed
	met, total, purpose := tally(st.goals["a"], m.ctx)
	if met < 4 || total != 6 || purpose != 2 {
		t.Errorf("tally = %d/%d, purpose %d", met, total, purpose)
	}
	if !strings.Contains(ansi.Strip(m.View()), fmt.Sprintf("✓%d/6 ♥2/3", met)) {
		t.Errorf("the board does not show the checks at a glance:\n%s", ansi.Strip(m.View()))
	}
}

func TestLadderLinksAndNextStep(t *testing.T) {
	big := goal("big", "big", 0)
	mid := goal("mid", "medium", 0)
	small := goal("small", "small", 0)
	m, st := setup(t, big, mid, small)
	// Link the small goal to the medium one, and the medium to the big.
	m = press(m, enterKey)
	m = tabTo(m, fieldParent)
	m = press(m, right, esc)
	m = press(m, tea.KeyPressMsg{Code: tea.KeyRight}, enterKey)
	m = tabTo(m, fieldParent)
	m = press(m, right, esc)
	if st.goals["small"].Parent != "mid" || st.goals["mid"].Parent != "big" {
		t.Fatalf("parents: small→%q mid→%q", st.goals["small"].Parent, st.goals["mid"].Parent)
	}
	if r := workbook.Related(m.goals, "big"); !r["mid"] || !r["small"] || r["big"] {
		t.Errorf("workbook.Related(big) = %v", r)
	}
	if step, ok := workbook.NextStep(m.goals, "big"); !ok || step.ID != "small" {
		t.Errorf("next step for big = %v, %v", step.ID, ok)
	}
	m = press(m, tea.KeyPressMsg{Code: tea.KeyRight}) // focus the big goal
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Next step this week: goal small") || !strings.Contains(v, "↳ goal mid") {
		t.Errorf("the board does not answer the next step:\n%s", v)
	}
	// Moving the small goal to another column lets go of a parent that no longer fits.
	m = press(m, tea.KeyPressMsg{Code: tea.KeyLeft}, tea.KeyPressMsg{Code: tea.KeyLeft}, enterKey)
	m = tabTo(m, fieldTier)
	m = press(m, right, right, esc) // small → big
	if st.goals["small"].Parent != "" {
		t.Errorf("a big goal kept a parent: %q", st.goals["small"].Parent)
	}
}

func TestPickerRanksFiltersAndFillsBlanks(t *testing.T) {
	m, st := setup(t)
	m.SetContext(ctx())
	m = press(m, keys("i")...)
	if !m.picking || m.picker.tier != 1 {
		t.Fatalf("picker not open on the small column: %+v", m.picker.tier)
	}
	list := m.picker.list
	if len(list) == 0 || list[0].Fit == 0 {
		t.Fatalf("ideas fitting the runner's themes should come first: %+v", list[:min(3, len(list))])
	}
	for _, r := range list {
		if !slices.Contains(r.Idea.Tiers, workbook.Small) {
			t.Fatalf("%s does not suit small goals", r.Idea.ID)
		}
	}
	// Every column, then only race ideas: clashes are marked, not hidden.
	m = press(m, keys("333")...)
	if m.picker.tier != 0 {
		t.Fatalf("column filter = %d", m.picker.tier)
	}
	m = press(m, keys("/")...)
	m = press(m, keys("marathon")...)
	m = press(m, esc) // done searching; the list stays filtered
	clash := 0
	for _, r := range m.picker.list {
		if r.Clash {
			clash++
		}
	}
	if clash == 0 || !strings.Contains(ansi.Strip(m.View()), "⚑ Competition") {
		t.Errorf("race ideas should be marked for a runner who'd rather not race:\n%s", ansi.Strip(m.View()))
	}
	// Pick one with blanks: adding with a blank empty asks for it.
	var idea catalog.Idea
	for i, r := range m.picker.list {
		if len(r.Idea.Blanks) > 0 {
			idea = r.Idea
			m.picker.cursor = i
			break
		}
	}
	if idea.ID == "" {
		t.Fatal("no idea with blanks to try")
	}
	m = press(m, enterKey)
	if !m.picker.filling || !m.Typing() {
		t.Fatal("picking an idea with blanks should ask for them")
	}
	for range idea.Blanks {
		m = press(m, enterKey)
	}
	if !strings.Contains(ansi.Strip(m.View()), "Fill in the") || len(st.goals) != 0 {
		t.Fatal("an idea with empty blanks was added")
	}
	for i := range idea.Blanks {
		m.picker.inputs[i].SetValue(fmt.Sprintf("v%d", i))
	}
	m.picker.at = len(idea.Blanks) - 1
	m = press(m, enterKey)
	if len(st.goals) != 1 || m.picking {
		t.Fatalf("goals after picking: %+v", st.goals)
	}
	for _, g := range st.goals {
		if g.Idea != idea.ID || !slices.Contains(idea.Tiers, g.Tier) || strings.Contains(g.Text, "{") || g.Status != workbook.Draft {
			t.Errorf("drafted %+v", g)
		}
	}
}

func TestPickerWithoutBlanksAddsAtOnceToTheChosenColumn(t *testing.T) {
	m, st := setup(t)
	m = press(m, keys("i")...)
	m = press(m, keys("3")...) // medium
	for i, r := range m.picker.list {
		if len(r.Idea.Blanks) == 0 {
			m.picker.cursor = i
			break
		}
	}
	want := m.picker.list[m.picker.cursor].Idea
	m = press(m, enterKey)
	for _, g := range st.goals {
		if g.Tier != "medium" || g.Text != want.Display() {
			t.Errorf("drafted %+v from %q", g, want.Display())
		}
	}
	if m.col != 1 {
		t.Errorf("the board should follow the new goal to its column, got %d", m.col)
	}
}

// TestTypedThenClearedNewGoalIsGoneFromDisk: autosave writes a new goal
// while it has words; clearing them and closing must remove it on disk too.
func TestTypedThenClearedNewGoalIsGoneFromDisk(t *testing.T) {
	m, st := setup(t)
	m = press(m, keys("a")...)
	m = press(m, keys("Ghost")...)
	if len(st.goals) != 1 {
		t.Fatalf("autosave should have written the goal: %v", st.goals)
	}
	for range len("Ghost") {
		m = press(m, tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	m = press(m, esc)
	if len(st.goals) != 0 || len(m.Goals()) != 0 {
		t.Errorf("the cleared goal came back: %v", st.goals)
	}
}

func TestGoalsComeInBoardOrder(t *testing.T) {
	m, _ := setup(t, goal("b1", "big", 0), goal("s1", "small", 0), goal("s2", "small", 1))
	m = press(m, tea.KeyPressMsg{Code: tea.KeyDown}, tea.KeyPressMsg{Code: 'K', Text: "K"}) // s2 above s1
	var ids []string
	for _, g := range m.Goals() {
		ids = append(ids, g.ID)
	}
	if strings.Join(ids, ",") != "s2,s1,b1" {
		t.Errorf("Goals() = %v, want small before big and s2 before s1", ids)
	}
}

func TestLadderLetsGoOfLinksThatNoLongerHold(t *testing.T) {
	big := goal("big", "big", 0)
	mid := goal("mid", "medium", 0)
	mid.Parent = "big"
	small := goal("small", "small", 0)
	small.Parent = "mid"
	m, st := setup(t, big, mid, small)
	// Delete the big goal: the medium one no longer points anywhere.
	m = press(m, keys("ll")...)
	m = press(m, keys("xy")...)
	if st.goals["mid"].Parent != "" {
		t.Errorf("mid still points at a deleted goal: %q", st.goals["mid"].Parent)
	}
	// Move the medium goal to big: the small one cannot step toward a big goal.
	m = press(m, keys("h>")...)
	if st.goals["small"].Parent != "" {
		t.Errorf("small still points at a goal two columns up: %q", st.goals["small"].Parent)
	}
	if st.goals["mid"].Tier != "big" {
		t.Fatalf("mid did not move: %+v", st.goals["mid"])
	}
}

func TestChangingColumnInTheEditorPutsTheGoalAtTheEnd(t *testing.T) {
	m, st := setup(t, goal("a", "small", 0), goal("m1", "medium", 0), goal("m2", "medium", 1))
	m = press(m, enterKey)
	m = tabTo(m, fieldTier)
	m = press(m, right, esc)
	if st.goals["a"].Tier != "medium" || st.goals["a"].Order <= st.goals["m2"].Order {
		t.Errorf("a = %+v, want it after m2 (order %d)", st.goals["a"], st.goals["m2"].Order)
	}
}

func TestStaleLinksCanBeLetGo(t *testing.T) {
	g := goal("a", "small", 0)
	g.Values = []workbook.Ref{workbook.Value("adventure")} // a value the runner has since unpicked
	m, st := setup(t, g)
	m.SetContext(ctx())
	m = press(m, enterKey)
	m = tabTo(m, fieldLinks)
	if !strings.Contains(ansi.Strip(m.View()), "Adventure (no longer chosen)") {
		t.Fatalf("a stale link is hidden:\n%s", ansi.Strip(m.View()))
	}
	for range 3 { // past Headspace, Exploration, Calm
		m = press(m, right)
	}
	m = press(m, space)
	if len(st.goals["a"].Values) != 0 {
		t.Errorf("values after unlinking: %v", st.goals["a"].Values)
	}
}

// TestAColumnNeverHidesGoalsSilently: when a column cannot show every card,
// it says how many more there are, and its box stays whole.
func TestAColumnNeverHidesGoalsSilently(t *testing.T) {
	var saved []workbook.Goal
	for i := range 6 {
		saved = append(saved, goal(fmt.Sprintf("g%d", i), "small", i))
	}
	// From 11 lines up: the least the root gives the board is about 11.
	for _, h := range []int{11, 12, 14, 19, 25} {
		m, _ := setup(t, saved...)
		m.SetSize(78, h)
		for sel := range 6 {
			m.row[0] = sel
			v := ansi.Strip(m.View())
			shown := strings.Count(v, "goal g")
			more := 0
			for _, l := range strings.Split(v, "\n") {
				var n int
				if _, err := fmt.Sscanf(strings.TrimSpace(strings.Trim(l, "│ ")), "↑ %d more", &n); err == nil {
					more += n
				}
				if _, err := fmt.Sscanf(strings.TrimSpace(strings.Trim(l, "│ ")), "↓ %d more", &n); err == nil {
					more += n
				}
			}
			if shown+more != 6 {
				t.Errorf("height %d, selected %d: %d shown + %d announced, want 6:\n%s", h, sel, shown, more, v)
			}
			if strings.Count(v, "╭") != strings.Count(v, "╰") {
				t.Errorf("height %d: a column lost its bottom border:\n%s", h, v)
			}
		}
	}
}

func TestTheSelectedGoalShowsEvenWhenCramped(t *testing.T) {
	var saved []workbook.Goal
	for i := range 6 {
		saved = append(saved, goal(fmt.Sprintf("g%d", i), "small", i))
	}
	for h := 7; h <= 10; h++ { // below 7 a column has room only for its heading
		m, _ := setup(t, saved...)
		m.SetSize(78, h)
		m.row[0] = 3
		if v := ansi.Strip(m.View()); !strings.Contains(v, "goal g3") {
			t.Errorf("at height %d the selected goal is not shown:\n%s", h, v)
		}
	}
}

func TestAnIdeaGoesToAColumnItSuits(t *testing.T) {
	m, st := setup(t) // the small column has focus
	m = press(m, keys("i")...)
	m = press(m, keys("333")...) // every column
	for i, r := range m.picker.list {
		if len(r.Idea.Blanks) == 0 && !slices.Contains(r.Idea.Tiers, workbook.Small) {
			m.picker.cursor = i
			break
		}
	}
	want := m.picker.list[m.picker.cursor].Idea
	if slices.Contains(want.Tiers, workbook.Small) {
		t.Skip("the catalog has no idea without blanks that does not suit small goals")
	}
	m = press(m, enterKey)
	for _, g := range st.goals {
		if !slices.Contains(want.Tiers, g.Tier) {
			t.Errorf("%q went to %s; it suits %v", g.Text, g.Tier, want.Tiers)
		}
	}
}

func TestHintsTakeTurnsOnANarrowBoard(t *testing.T) {
	m, _ := setup(t)
	c := ctx()
	c.Hints = []string{"First hint.", "Second hint.", "Third hint."}
	m.SetContext(c)
	if !m.KeyMap().Hint.Enabled() {
		t.Fatal("t should offer the next hint on a narrow board")
	}
	m = press(m, keys("t")...)
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "(2/3) Second hint.") || strings.Contains(v, "First hint.") {
		t.Errorf("after t the strip shows:\n%s", v)
	}
	if !strings.Contains(v, "Values: Calm") {
		t.Error("values are missing from the narrow board")
	}
	m.SetSize(130, 30)
	m.SetContext(c)
	if m.KeyMap().Hint.Enabled() {
		t.Error("beside the board every hint shows; t has nothing to do")
	}
}

// TestIdeasThatClashComeLast: a runner who would rather not race meets
// the ideas that suit them first in every column; races are still there,
// marked, below them.
func TestIdeasThatClashComeLast(t *testing.T) {
	m, _ := setup(t)
	m.SetContext(ctx()) // drawn to headspace and exploration, rather not compete
	for col := range 3 {
		m.col = col
		m = press(m, keys("i")...)
		list := m.picker.list
		seen := false
		for _, r := range list {
			if r.Clash {
				seen = true
			} else if seen {
				t.Fatalf("column %d: %q comes after an idea that clashes", col, r.Idea.Display())
			}
		}
		if !seen || list[0].Clash {
			t.Errorf("column %d: first idea %q (clash %v); some should clash", col, list[0].Idea.Display(), list[0].Clash)
		}
		m = press(m, esc)
	}
}

// TestEnterInTheSearchUsesTheIdea: while searching, the footer offers
// "enter use it", and one enter does it.
func TestEnterInTheSearchUsesTheIdea(t *testing.T) {
	m, st := setup(t)
	m = press(m, keys("i333/")...) // every column, then search
	m = press(m, keys("beach")...)
	if !m.keys.Pick.Enabled() || m.keys.Pick.Help().Desc != "use it" {
		t.Fatalf("while searching the footer does not offer enter: %+v", m.keys.Pick.Help())
	}
	if len(m.picker.list) == 0 {
		t.Fatal("no idea mentions a beach")
	}
	want := m.picker.list[0].Idea
	m = press(m, enterKey)
	switch {
	case len(want.Blanks) > 0 && !m.picker.filling:
		t.Errorf("enter did not ask for the blanks of %q", want.Display())
	case len(want.Blanks) == 0 && len(st.goals) != 1:
		t.Errorf("enter did not add %q: %v", want.Display(), st.goals)
	}
	if m.picker.typing {
		t.Error("the search still has the keys")
	}
}

// TestAColumnThatScrollsShowsWholeCards: when a column cannot show every
// card, it shows as many whole cards as fit, and never the tail of a card
// without its start (it showed the bottom half of a card under "↑ 2
// more"); a card at the edge shows its first lines, marked "…" where it
// is cut, when rows are left for it, so no more than two rows are left
// empty. The selected card's first line is always in view, and every card
// is either shown (its first line is) or counted in a "more" line.
func TestAColumnThatScrollsShowsWholeCards(t *testing.T) {
	s := common.NewStyles(true)
	for n := 2; n <= 6; n++ {
		for _, tall := range []int{2, 3, 5, 7} {
			var cards []string
			for i := range n {
				lines := []string{fmt.Sprintf("card %d", i)}
				for range tall - 1 + i%2 {
					lines = append(lines, "·")
				}
				cards = append(cards, strings.Join(lines, "\n"))
			}
			for h := 4; h <= 30; h++ {
				for sel := range n {
					out := strings.Split(ansi.Strip(scroll(cards, sel, h, s, 30)), "\n")
					text := strings.Join(out, "\n")
					if len(out) > h {
						t.Fatalf("%d rows in %d:\n%s", len(out), h, text)
					}
					if !strings.Contains(text, fmt.Sprintf("card %d", sel)) {
						t.Errorf("%d cards in %d rows: the selected card %d is not shown:\n%s", n, h, sel, text)
					}
					shown, more := strings.Count(text, "card "), 0
					for i, l := range out {
						var k int
						if _, err := fmt.Sscanf(l, "↑ %d more", &k); err == nil {
							more += k
						}
						if _, err := fmt.Sscanf(l, "↓ %d more", &k); err == nil {
							more += k
						}
						if (l == "·" || strings.HasPrefix(strings.TrimSpace(l), "…")) && (i == 0 || out[i-1] != "·" && !strings.HasPrefix(out[i-1], "card ")) {
							t.Errorf("%d cards of %d+ lines in %d rows, selected %d: a card without its start:\n%s", n, tall, h, sel, text)
							break
						}
					}
					if shown+more != n {
						t.Errorf("%d cards in %d rows, selected %d: %d shown + %d announced:\n%s", n, h, sel, shown, more, text)
					}
					if whole := n*tall + n/2 + n - 1; whole > h && len(out) < h-2 {
						t.Errorf("%d cards of %d+ lines, selected %d, in %d rows: %d rows left empty:\n%s", n, tall, sel, h, h-len(out), text)
					}
				}
			}
		}
	}
}

// TestThemesAndValuesShowOnEveryBoard: on the narrow board, themes and
// values each get a line; sharing one, the values were cut off at 100
// columns and less.
func TestThemesAndValuesShowOnEveryBoard(t *testing.T) {
	c := ctx()
	c.Themes = append(c.Themes, common.Ref{Ref: workbook.Theme("affiliation"), Name: "Company"}, common.Ref{Ref: workbook.Theme("joy"), Name: "Joy"})
	c.Values = append(c.Values, common.Ref{Ref: workbook.Value("health"), Name: "Health"})
	for w := 54; w <= 240; w++ {
		m, _ := setup(t)
		m.SetSize(w, 30)
		m.SetContext(c)
		v := ansi.Strip(m.View())
		for _, want := range []string{"Headspace", "Joy", "Calm", "Health"} {
			if !strings.Contains(v, want) {
				t.Errorf("at width %d the board does not show %q:\n%s", w, want, v)
				break
			}
		}
	}
}

// TestTheSelectedCardAndHintsReadInFull: cards are cut to three lines of
// words, except the selected one; the goal a card or the editor steps
// toward, and the hints on a narrow board, are not cut where there is
// room to read them.
func TestTheSelectedCardAndHintsReadInFull(t *testing.T) {
	long := "Run the ridge loop every Sunday morning with the club, easy pace, no watch, and coffee at the top with whoever made it up there first; " +
		"then walk down together the long way, past the reservoir, and write two lines in the log about how it felt before lunch"
	big := workbook.Goal{ID: "big", Tier: workbook.Big, Text: "A trail half marathon on the ridge in October, at whatever pace the day allows, finishing smiling", Order: 0}
	mid := workbook.Goal{ID: "mid", Tier: workbook.Medium, Text: long, Order: 0, Parent: "big"}
	c := ctx()
	c.Hints = []string{"You like something to measure: give each goal a number you can track, and a week to check it in, so the number means something."}
	for _, w := range []int{90, 200} {
		m, _ := setup(t, big, mid)
		m.SetSize(w, 50)
		m.SetContext(c)
		colW := 30 // about a column's width at 90; wider at 200
		if w == 200 {
			colW = 50
		}
		selected := squeeze(ansi.Strip(m.card(mid, colW, true, false)))
		for _, want := range []string{long, big.Text} {
			if !strings.Contains(selected, squeeze(want)) {
				t.Errorf("at width %d the selected card cuts %q:\n%s", w, want, ansi.Strip(m.card(mid, colW, true, false)))
			}
		}
		if other := squeeze(ansi.Strip(m.card(mid, colW, false, false))); strings.Contains(other, squeeze(long)) {
			t.Errorf("at width %d a card that is not selected is shown in full", w)
		}
		if m.sideWidth() == 0 {
			if strip := squeeze(ansi.Strip(m.stripView(50))); !strings.Contains(strip, squeeze(c.Hints[0])) {
				t.Errorf("at width %d the hint is cut:\n%s", w, ansi.Strip(m.stripView(50)))
			}
		}
	}
	m, _ := setup(t, big, mid)
	m.SetSize(90, 40)
	m = press(m, right, enterKey)
	m = tabTo(m, fieldParent)
	if v := squeeze(ansi.Strip(m.View())); !strings.Contains(v, squeeze(big.Text)) {
		t.Errorf("the editor cuts the goal this one steps toward:\n%s", ansi.Strip(m.View()))
	}
}

// squeeze drops white space and the card and column borders, so words
// can be found wherever they wrapped.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || strings.ContainsRune("│┃┊‹›↳", r) {
			return -1
		}
		return r
	}, s)
}

// TestTheSelectedCardHasAShape: without colour (NO_COLOR, or a runner who
// cannot tell the colours apart) the selected card still stands out: its
// bar is heavier than the others'.
func TestTheSelectedCardHasAShape(t *testing.T) {
	m, _ := setup(t, goal("a", "small", 0), goal("b", "small", 1), goal("c", "medium", 0))
	m = press(m, down)
	v := ansi.Strip(m.View())
	for _, l := range strings.Split(v, "\n") {
		switch {
		case strings.Contains(l, "goal b") && !strings.Contains(l, "┃ goal b"):
			t.Errorf("the selected card has no mark of its own: %q", l)
		case strings.Contains(l, "goal a") && strings.Contains(l, "┃"), strings.Contains(l, "goal c") && strings.Contains(l, "┃"):
			t.Errorf("a card not selected looks selected: %q", l)
		}
	}
}

// TestTabIsNamedByWhereItGoes: the board's tab goes to the summary and
// says so; "next step" is the board's answer to "what is my next step
// this week?", not a key.
func TestTabIsNamedByWhereItGoes(t *testing.T) {
	m, _ := setup(t)
	if got := m.KeyMap().Next.Help().Desc; got != "summary" {
		t.Errorf("tab says %q", got)
	}
	if got := m.KeyMap().Prev.Help().Desc; got != "themes" {
		t.Errorf("shift+tab says %q", got)
	}
	m = press(m, tab)
	if to, ok := m.TakeNavigation(); !ok || to.To != common.Summary {
		t.Errorf("tab went to %+v", to)
	}
}

// TestBehindItSaysWhichIsWhich: a theme and a value of the same name are
// told apart by the line they are on, and no choice is broken in two.
func TestBehindItSaysWhichIsWhich(t *testing.T) {
	c := ctx()
	c.Themes = append(c.Themes, common.Ref{Ref: workbook.Theme("health"), Name: "Health"}, common.Ref{Ref: workbook.Theme("achievement"), Name: "Personal goals"})
	c.Values = append(c.Values, common.Ref{Ref: workbook.Value("health"), Name: "Health"}, common.Ref{Ref: workbook.Value("self-care"), Name: "Self-care"})
	for w := 30; w <= 120; w++ {
		m, _ := setup(t, goal("a", "small", 0))
		m.SetSize(w, 60)
		m.SetContext(c)
		m = press(m, enterKey)
		m = tabTo(m, fieldLinks)
		lines := strings.Split(ansi.Strip(m.View()), "\n")
		var kind string
		found := map[string][]string{}
		for _, l := range lines {
			f := strings.Fields(l)
			if len(f) > 0 && (f[0] == "Themes" || f[0] == "Values") {
				kind = f[0]
			}
			if strings.Contains(l, "Purpose") {
				kind = ""
			}
			for _, name := range []string{"Headspace", "Exploration", "Health", "Personal goals", "Calm", "Self-care"} {
				if kind != "" && strings.Contains(l, name) {
					found[name] = append(found[name], kind)
				}
			}
		}
		if got := found["Health"]; len(got) != 2 || got[0] == got[1] {
			t.Errorf("at width %d the two Healths are not told apart: %v\n%s", w, got, strings.Join(lines, "\n"))
		}
		for _, name := range []string{"Headspace", "Exploration", "Personal goals", "Calm", "Self-care"} {
			if len(found[name]) != 1 {
				t.Errorf("at width %d %q is not whole on one line: %v\n%s", w, name, found[name], strings.Join(lines, "\n"))
			}
		}
	}
}

// TestARunnerCanSayNoToWhatCairnRead: a check read from the words ("has a
// count: each Sunday") can be wrong; space on it says no, space again
// takes the no back, and the board's tally follows.
func TestARunnerCanSayNoToWhatCairnRead(t *testing.T) {
	g := workbook.Goal{ID: "a", Tier: workbook.Medium, Text: "Long run each Sunday with the club", Status: workbook.Draft}
	m, st := setup(t, g)
	m = press(m, right, enterKey)
	m = tabTo(m, fieldChecks)
	m = press(m, down) // Measurable
	cs := checks(m.editor.goal, m.ctx)
	if !cs[1].Met || !cs[1].Derived {
		t.Fatalf("measurable is not read from the words: %+v", cs[1])
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "space: no, that's not right") {
		t.Errorf("the editor does not say space can say no:\n%s", v)
	}
	before, _, _ := tally(st.goals["a"], m.ctx)
	m = press(m, space)
	if !st.goals["a"].Said["not:measurable"] {
		t.Fatalf("said = %v", st.goals["a"].Said)
	}
	c := checks(st.goals["a"], m.ctx)[1]
	if c.Met || !c.Doubted || !strings.Contains(ansi.Strip(m.View()), "Not as cairn read it") {
		t.Errorf("after no: %+v\n%s", c, ansi.Strip(m.View()))
	}
	if after, _, _ := tally(st.goals["a"], m.ctx); after >= before {
		t.Errorf("the tally did not follow the no: %d then %d", before, after)
	}
	m = press(m, space)
	if st.goals["a"].Said["not:measurable"] || !checks(st.goals["a"], m.ctx)[1].Met {
		t.Errorf("space did not take the no back: %v", st.goals["a"].Said)
	}
}

// TestHintsBesideAShortBoardTakeTurns: when every hint does not fit in the
// panel beside the board, it shows them one at a time, each in full, as
// the narrow strip does, rather than cutting the last off at the bottom.
func TestHintsBesideAShortBoardTakeTurns(t *testing.T) {
	c := ctx()
	c.Motivation = "An hour that is mine, out on the ridge"
	c.Hints = []string{
		"How running feels matters most: choose goals that protect that feeling, like one easy run a week with no pace to hit.",
		"You'd rather not race: race goals are probably not for you; try an experience or training goal.",
		"People make your running: build goals around them, a club night or a friend to meet.",
	}
	m, _ := setup(t)
	m.SetSize(130, 22)
	m.SetContext(c)
	if !m.KeyMap().Hint.Enabled() {
		t.Fatal("t is not offered though the hints do not all fit")
	}
	for i, want := range c.Hints {
		panel := ansi.Strip(m.sideView(m.sideWidth(), m.height))
		if !strings.Contains(squeeze(panel), squeeze(fmt.Sprintf("(%d/3) %s", i+1, want))) {
			t.Errorf("hint %d is not shown in full:\n%s", i+1, panel)
		}
		m = press(m, keys("t")...)
	}
	m.SetSize(130, 60)
	if m.KeyMap().Hint.Enabled() {
		t.Error("t is offered though every hint fits")
	}
}

// TestNamesBesideTheBoardWrapWhole: the panel beside the board wraps its
// lists of themes and values between names, never inside one.
func TestNamesBesideTheBoardWrapWhole(t *testing.T) {
	c := ctx()
	c.Themes = append(c.Themes, common.Ref{Ref: workbook.Theme("achievement"), Name: "Personal goals"},
		common.Ref{Ref: workbook.OwnThemeRef("o"), Name: "Dog walks with Bess"})
	m, _ := setup(t)
	m.SetSize(120, 40)
	m.SetContext(c)
	panel := ansi.Strip(m.sideView(m.sideWidth(), 40))
	for _, name := range []string{"Personal goals", "Dog walks with Bess"} {
		if !strings.Contains(strings.ReplaceAll(panel, "\u00a0", " "), name) {
			t.Errorf("%q is broken across lines:\n%s", name, panel)
		}
	}
}

// TestTheIdeasSearchFitsAfterTheWindowNarrows: the search and the blanks
// are fitted to the window as it changes, not only as they open.
func TestTheIdeasSearchFitsAfterTheWindowNarrows(t *testing.T) {
	m, _ := setup(t)
	m.SetSize(200, 30)
	m = press(m, keys("i/")...)
	m = press(m, keys("run somewhere new with a friend on a weekday morning before work starts")...)
	for _, w := range []int{120, 80, 60} {
		m.SetSize(w, 30)
		for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
			if ansi.StringWidth(l) > w {
				t.Errorf("at width %d the ideas have a line %d wide: %q", w, ansi.StringWidth(l), l)
				break
			}
		}
	}
}

// TestWhatTheBoardCutsCanBeRead: at 80×24 with nine values, a long
// motivation, a ladder and hints, the strip above the columns cannot hold
// every line whole. It cuts the least needed first (the hint, then the
// values), never more than it must, and c shows everything in full.
func TestWhatTheBoardCutsCanBeRead(t *testing.T) {
	big := workbook.Goal{ID: "big", Tier: workbook.Big, Text: "A trail half marathon in the mountains next October, at an easy pace"}
	mid := workbook.Goal{ID: "mid", Tier: workbook.Medium, Text: "Join the club's Thursday group for six weeks, with Sam to keep me going", Parent: "big"}
	small := workbook.Goal{ID: "small", Tier: workbook.Small, Text: "Run Tuesday and Thursday at 7am, before my shift, with the head torch", Parent: "mid"}
	c := ctx()
	c.Motivation = "An hour that is mine, out on the ridge above the town before the house wakes up"
	for _, v := range []string{"Friendship", "Nature", "Family", "Health", "Curiosity", "Discipline", "Freedom", "Time to myself"} {
		c.Values = append(c.Values, common.Ref{Ref: workbook.OwnValueRef(v), Name: v})
	}
	c.Hints = []string{
		"How running feels matters most: choose goals that protect that feeling, like one easy run a week with no pace to hit.",
		"Company keeps you going: a goal with someone in it is one you keep.",
	}
	m, _ := setup(t, big, mid, small)
	m.SetSize(78, 20) // the board's part of 80×24
	m.SetContext(c)
	m = press(m, right) // the medium goal: its next step shows
	strip, cut := m.strip(m.boardHeight())
	plain := ansi.Strip(strip)
	if !cut || !m.keys.Context.Enabled() {
		t.Fatalf("nothing cut, or c not offered:\n%s", plain)
	}
	if !strings.Contains(squeeze(plain), squeeze(c.Motivation)) || !strings.Contains(plain, "Next step this week") {
		t.Errorf("what matters most or the next step was cut before the hint and values:\n%s", plain)
	}
	if !strings.Contains(ansi.Strip(m.View()), "c read it all") && !slices.ContainsFunc(m.ShortHelp(), func(b key.Binding) bool { return b.Help().Key == "c" && b.Enabled() }) {
		t.Error("the footer does not offer c")
	}
	m = press(m, keys("c")...)
	var read strings.Builder
	for range 20 { // all of it, scrolling down
		read.WriteString(ansi.Strip(m.View()))
		m = press(m, down)
	}
	v := squeeze(read.String())
	for _, want := range append([]string{c.Motivation, c.Hints[0], c.Hints[1]}, "Timetomyself") {
		if !strings.Contains(v, squeeze(want)) {
			t.Errorf("c does not show %q:\n%s", want, ansi.Strip(m.View()))
		}
	}
	m = press(m, esc)
	if m.life.overlay != noOverlay {
		t.Error("esc did not go back to the board")
	}
	// With room, nothing is cut and c is not offered.
	m.SetSize(78, 50)
	if _, cut := m.strip(m.boardHeight()); cut || m.keys.Context.Enabled() {
		t.Error("at 78×50 the strip is cut, or c offered with nothing cut")
	}
}

// TestASelectedCardCutAtTheBoxSaysSo: a selected goal taller than its
// column shows its start and "… (enter)", never a card stopped at the
// box's edge without a word.
func TestASelectedCardCutAtTheBoxSaysSo(t *testing.T) {
	long := strings.Repeat("Run the ridge loop every Sunday morning with the club at an easy pace. ", 4)
	m, _ := setup(t, workbook.Goal{ID: "a", Tier: workbook.Small, Text: long}, goal("b", "small", 1))
	m.SetSize(78, 14)
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "… (enter)") || !strings.Contains(v, "↓ 1 more") {
		t.Errorf("the cut card:\n%s", v)
	}
}

// TestIdeasForTheStarredThemeComeFirst: with Headspace starred beside
// Confidence, the ideas open on Headspace's, not on eight that fit
// Confidence; and the theme filter offers the runner's own themes first,
// the starred one leading.
func TestIdeasForTheStarredThemeComeFirst(t *testing.T) {
	c := Context{
		Top: workbook.Theme("coping"),
		Themes: []common.Ref{
			{Ref: workbook.Theme("coping"), Name: "Headspace"},
			{Ref: workbook.Theme("self-esteem"), Name: "Confidence"},
			{Ref: workbook.Theme("affiliation"), Name: "Company"},
			{Ref: workbook.OwnTheme{ID: "own-1", Name: "The dog"}.Ref(), Name: "The dog"},
		},
	}
	m, _ := setup(t)
	m.SetContext(c)
	m = press(m, right)
	m = press(m, keys("i")...) // the medium column's ideas
	if len(m.picker.list) == 0 {
		t.Fatal("no ideas")
	}
	first := m.picker.list[0].Idea
	if !slices.Contains(first.Themes, catalog.Coping) {
		t.Errorf("the ideas open on %q (%v), not one for the starred Headspace", first.Text, first.Themes)
	}
	var offered []string
	for range 4 {
		m = press(m, keys("2")...)
		id := m.picker.themes[m.picker.theme-1]
		offered = append(offered, string(id))
	}
	if want := []string{"coping", "self-esteem", "affiliation", string(catalog.Themes()[0].ID)}; !slices.Equal(offered, want) {
		t.Errorf("the theme filter offers %v, want the runner's themes first: %v", offered, want)
	}
	m = press(m, esc, keys("i")[0], keys("2")[0]) // opened again, the first theme offered
	if v := ansi.Strip(m.View()); !strings.Contains(v, "theme Headspace ★") {
		t.Errorf("the starred theme is not first, or not marked, in the filter:\n%s", v)
	}
}
