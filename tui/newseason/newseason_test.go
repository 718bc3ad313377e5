package newseason

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

var (
	down  = tea.KeyPressMsg{Code: tea.KeyDown}
	tab   = tea.KeyPressMsg{Code: tea.KeyTab}
	enter = tea.KeyPressMsg{Code: tea.KeyEnter}
	space = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	esc   = tea.KeyPressMsg{Code: tea.KeyEscape}
)

func setup(why workbook.Why, src Source) Model {
	now := time.Date(2027, 1, 4, 8, 0, 0, 0, time.UTC)
	m := New(common.Env{Styles: common.NewStyles(true), Now: func() time.Time { return now }})
	m.SetSize(80, 30)
	m.Open(why, src)
	return m
}

// send presses keys and returns the plan the screen asked to begin, if any.
func send(m Model, msgs ...tea.Msg) (Model, *workbook.SeasonPlan) {
	var plan *workbook.SeasonPlan
	for _, msg := range msgs {
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		if cmd != nil {
			if start, ok := cmd().(common.StartSeasonMsg); ok {
				plan = &start.Plan
			}
		}
	}
	return m, plan
}

func typed(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

func TestTheOfferIsChosenAndEverythingCarried(t *testing.T) {
	m := setup(workbook.BackAfterBreak, Source{Name: "Autumn 2026", Values: 2, Themes: 3, Goals: 4, Taken: []string{"Winter 2027"}})
	v := ansi.Strip(m.View())
	for _, want := range []string{"● back after a break", "Winter 2027 (2)", "values, with their experiments (2)", "confirmed themes (3)", "goals not yet reached or let go (4)", "Autumn 2026 stays exactly as it is"} {
		if !strings.Contains(v, want) {
			t.Errorf("the screen lacks %q:\n%s", want, v)
		}
	}
	m, plan := send(m, enter, enter, enter)
	if plan != nil {
		t.Fatal("enter began the season before the runner reached Begin")
	}
	if !strings.Contains(m.KeyMap().Enter.Help().Desc, "begin") {
		t.Errorf("on Begin, enter says %q", m.KeyMap().Enter.Help().Desc)
	}
	_, plan = send(m, enter)
	if plan == nil || plan.Why != workbook.BackAfterBreak || plan.Carry != workbook.CarryAll || plan.Name != "" {
		t.Errorf("plan = %+v", plan)
	}
}

func TestOwnWordsANameAndWhatNotToCarry(t *testing.T) {
	m := setup(workbook.FirstSeason, Source{Name: "Autumn 2026", Values: 1, Themes: 0, Goals: 2})
	if r := reasons[m.why]; r != workbook.JustNew {
		t.Errorf("no offer chooses %v, want just a new season", r)
	}
	if m.Typing() {
		t.Error("a reason of the catalog takes text")
	}
	m, _ = send(m, down)
	if !m.Typing() {
		t.Fatal("the runner's own words take no text")
	}
	m, _ = send(m, typed("my knee is better")...)
	m, _ = send(m, tab)
	m, _ = send(m, typed("Comeback")...)
	m, _ = send(m, tab)
	if m.carry[1] {
		t.Error("themes there are none of are carried")
	}
	m, _ = send(m, down, space) // themes: none to carry, nothing changes
	if m.carry[1] {
		t.Error("space carried nothing")
	}
	m, _ = send(m, down, space) // goals: not carried
	m, plan := send(m, tab, enter)
	want := workbook.SeasonPlan{Name: "Comeback", Why: workbook.OwnWords, Reason: "my knee is better", Carry: workbook.Carry{Values: true}}
	if plan == nil || *plan != want {
		t.Errorf("plan = %+v, want %+v", plan, want)
	}
	// Own words left empty are just a new season.
	m = setup(workbook.OwnWords, Source{})
	m, _ = send(m, down, down, down, down, down)
	if p := m.Plan(); p.Why != workbook.JustNew || p.Reason != "" {
		t.Errorf("empty own words = %+v", p)
	}
}

func TestEscLeavesWithoutBeginning(t *testing.T) {
	m := setup(workbook.JustNew, Source{})
	m, plan := send(m, esc)
	to, ok := m.TakeNavigation()
	if plan != nil || !ok || to.To != common.Welcome {
		t.Errorf("esc: plan %+v, went to %+v", plan, to)
	}
}

func TestFitsEverySize(t *testing.T) {
	m := setup(workbook.JustNew, Source{Name: "A season with a long name indeed", Values: 1})
	for _, size := range [][2]int{{20, 3}, {54, 10}, {80, 20}, {140, 50}} {
		m.SetSize(size[0], size[1])
		for _, focus := range []tea.Msg{tab, tab, tab, tab} {
			v := ansi.Strip(m.View())
			lines := strings.Split(v, "\n")
			if len(lines) > size[1] {
				t.Errorf("at %dx%d, %d lines", size[0], size[1], len(lines))
			}
			for _, l := range lines {
				if ansi.StringWidth(l) > size[0] {
					t.Errorf("at %dx%d a line is %d wide: %q", size[0], size[1], ansi.StringWidth(l), l)
				}
			}
			m, _ = send(m, focus)
		}
		m, _ = send(m, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	}
}
