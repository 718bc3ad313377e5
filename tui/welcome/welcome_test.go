package welcome

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cairn-run/cairn/tui/common"
)

var evening = time.Date(2026, 11, 20, 21, 4, 0, 0, time.UTC)

func env() common.Env {
	return common.Env{Styles: common.NewStyles(true), Now: func() time.Time { return evening }}
}

func TestSince(t *testing.T) {
	cases := []struct {
		then time.Time
		want string
	}{
		{evening.Add(-20 * time.Second), "just now"},
		{evening.Add(-1 * time.Minute), "1 minute ago"},
		{evening.Add(-45 * time.Minute), "45 minutes ago"},
		{evening.Add(-5 * time.Hour), "earlier today"},
		{time.Date(2026, 11, 19, 23, 50, 0, 0, time.UTC), "yesterday"},
		{evening.AddDate(0, 0, -3), "3 days ago"},
		{evening.AddDate(0, 0, -20), "2 weeks ago"},
		{evening.AddDate(0, -4, 0), "4 months ago"},
		{evening.AddDate(-1, -2, 0), "over a year ago"},
		{evening.AddDate(-3, 0, 0), "3 years ago"},
	}
	for _, tc := range cases {
		if got := Since(evening, tc.then); got != tc.want {
			t.Errorf("Since(%v) = %q, want %q", evening.Sub(tc.then), got, tc.want)
		}
	}
}

func choose(t *testing.T, m Model, keys ...tea.KeyPressMsg) common.NavigateMsg {
	t.Helper()
	for _, k := range keys {
		m, _ = m.Update(k)
	}
	to, ok := m.TakeNavigation()
	if !ok {
		t.Fatal("choosing asked for no screen")
	}
	if _, again := m.TakeNavigation(); again {
		t.Error("the request was not cleared once taken")
	}
	return to
}

func TestFirstRunBeginsAtTheFirstQuestion(t *testing.T) {
	m := New(env(), Visit{Questions: 8})
	m.SetSize(80, 20)
	view := ansi.Strip(m.View())
	// A line for each step of the header's trail, by the same name.
	for i, step := range common.Steps {
		if want := fmt.Sprintf("%d  %s: ", i+1, step.Title()); !strings.Contains(view, want) {
			t.Errorf("first run does not explain %q:\n%s", want, view)
		}
	}
	if m.KeyMap().Up.Enabled() {
		t.Error("up/down offered with a single choice")
	}
	got := choose(t, m, tea.KeyPressMsg{Code: tea.KeyEnter})
	if got.To != common.Reflect || got.Question != 0 {
		t.Errorf("Begin leads to %+v", got)
	}
}

func TestLaterRunOffersToContinueExactlyThere(t *testing.T) {
	resume := common.NavigateMsg{To: common.Reflect, Question: 4}
	m := New(env(), Visit{LastActive: evening.AddDate(0, 0, -2), Resume: resume, Answered: 4, Questions: 8, Goals: 1})
	m.SetSize(80, 20)
	view := ansi.Strip(m.View())
	for _, want := range []string{"Welcome back.", "2 days ago", "answered 4 of 8", "1 goal.", "question 5 of 8"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
	if got := choose(t, m, tea.KeyPressMsg{Code: tea.KeyEnter}); got != resume {
		t.Errorf("continue leads to %+v, want %+v", got, resume)
	}
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	if got := choose(t, m, down, down, tea.KeyPressMsg{Code: tea.KeyEnter}); got.To != common.Goals {
		t.Errorf("third choice leads to %+v, want the goal board", got)
	}
}

func TestResumeChoiceIsNotRepeated(t *testing.T) {
	m := New(env(), Visit{LastActive: evening, Resume: common.NavigateMsg{To: common.Goals, Question: -1}, Questions: 8})
	m.SetSize(80, 20)
	if n := strings.Count(ansi.Strip(m.View()), "goal board"); n != 1 {
		t.Errorf("the goal board is offered %d times", n)
	}
}

// TestFirstRunFitsSmallWindows: the explanation shortens before it pushes
// the way in out of sight.
func TestFirstRunFitsSmallWindows(t *testing.T) {
	m := New(env(), Visit{Questions: 8})
	for _, size := range [][2]int{{54, 12}, {60, 12}, {78, 20}, {118, 40}, {54, 6}, {54, 2}} {
		m.SetSize(size[0], size[1])
		view := ansi.Strip(m.View())
		lines := strings.Split(view, "\n")
		if len(lines) > size[1] || !strings.Contains(view, "› Begin") {
			t.Errorf("at %dx%d, %d lines:\n%s", size[0], size[1], len(lines), view)
		}
		for _, l := range lines {
			if ansi.StringWidth(l) > size[0] {
				t.Errorf("at %dx%d a line is too wide: %q", size[0], size[1], l)
			}
		}
	}
}
