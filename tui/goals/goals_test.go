package goals

import (
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/tui/common"
)

type board struct {
	mu    sync.Mutex
	goals map[string]store.Goal
}

func (b *board) PutGoal(_ string, g store.Goal) error {
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

func setup(t *testing.T, saved ...store.Goal) (Model, *board) {
	t.Helper()
	now := func() time.Time { return time.Date(2026, 11, 20, 21, 0, 0, 0, time.UTC) }
	env := common.Env{
		Season: "s", Ledger: common.NewLedger(), Styles: common.NewStyles(false), Now: now,
		Tick: func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
			return func() tea.Msg { return fn(now()) }
		},
	}
	st := &board{goals: map[string]store.Goal{}}
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

func goal(id, tier string, order int) store.Goal {
	return store.Goal{ID: id, Tier: tier, Text: "goal " + id, Order: order, Status: "draft"}
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
		if g.Tier != "medium" || g.Text != "Build to 15 miles a week" || g.Status != "draft" {
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
	if m.col != 1 || m.Goals()[m.selected()].ID != "a" {
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

func TestFeelToggles(t *testing.T) {
	m, st := setup(t, goal("a", "big", 0))
	m = press(m, keys("llf")...)
	if st.goals["a"].Feel != FeelDoable {
		t.Errorf("feel = %q", st.goals["a"].Feel)
	}
	press(m, keys("f")...)
	if st.goals["a"].Feel != FeelScary {
		t.Errorf("feel = %q", st.goals["a"].Feel)
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
		Top:        "coping",
		Themes:     []common.Ref{{ID: "coping", Name: "Headspace"}, {ID: "joy", Name: "Joy"}},
		Averse:     []common.Ref{{ID: "competition", Name: "Competition"}},
		Values:     []common.Ref{{ID: "calm", Name: "Calm"}},
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
