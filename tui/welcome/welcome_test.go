package welcome

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cairn-run/cairn/seasons"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
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

// TestFirstRunOffersAPassphraseQuietly offers a passphrase under Begin,
// with Begin still chosen: enter begins, as it always did.
func TestFirstRunOffersAPassphraseQuietly(t *testing.T) {
	m := New(env(), Visit{Questions: 8, OfferPassphrase: true})
	m.SetSize(80, 24)
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "› Begin") || !strings.Contains(view, "Keep it private with a passphrase (optional)") {
		t.Fatalf("the offer is not under Begin:\n%s", view)
	}
	if got := choose(t, m, tea.KeyPressMsg{Code: tea.KeyEnter}); got.To != common.Reflect || got.Passphrase {
		t.Errorf("enter leads to %+v, not to the first question", got)
	}
	if got := choose(t, m, tea.KeyPressMsg{Code: tea.KeyDown}, tea.KeyPressMsg{Code: tea.KeyEnter}); !got.Passphrase {
		t.Errorf("the offer leads to %+v", got)
	}
	later := New(env(), Visit{Questions: 8, LastActive: evening, OfferPassphrase: true})
	later.SetSize(80, 24)
	if strings.Contains(ansi.Strip(later.View()), "passphrase") {
		t.Error("the offer is made again after the first run")
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

// TestTheMenuKeepsOneOrderWhateverTheResumePoint: the same key from
// memory lands on the same entry, wherever the runner stopped last time.
func TestTheMenuKeepsOneOrderWhateverTheResumePoint(t *testing.T) {
	var want []string
	for _, resume := range []common.NavigateMsg{
		{To: common.Reflect, Question: 0}, {To: common.Reflect, Question: 5},
		{To: common.Goals, Question: -1}, {To: common.Summary, Question: -1}, {To: common.Themes, Question: -1},
	} {
		m := New(env(), Visit{LastActive: evening, Resume: resume, Questions: 8})
		var labels []string
		for _, c := range m.choices[1:] {
			labels = append(labels, c.label)
		}
		if want == nil {
			want = labels
		}
		if strings.Join(labels, "|") != strings.Join(want, "|") {
			t.Errorf("resuming on %v, the menu is %q, want %q", resume.To, labels, want)
		}
	}
	if len(want) != 4 || want[0] != "Read back from the first question" || want[3] != "Start a new season" {
		t.Errorf("menu after continue = %q", want)
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

// back is a visit three days after the last, with something due, a week
// to look back on, goals being worked toward and one resting.
func back(days int) Visit {
	today := workbook.DayOf(evening)
	goals := []workbook.Goal{
		{ID: "due", Tier: workbook.Medium, Text: "Run 20 km a week", Status: workbook.Resting, Rest: workbook.Rest{Until: today}},
		{ID: "rest", Tier: workbook.Big, Text: "Spring half", Status: workbook.Resting, Rest: workbook.Rest{Until: today + 2}},
		{ID: "c", Tier: workbook.Big, Text: "Trail 30k", Status: workbook.Committed},
		{ID: "s", Tier: workbook.Small, Text: "Tuesday hills", Status: workbook.Draft, Week: today.WeekStart() - 7},
	}
	last := evening.AddDate(0, 0, -days)
	return Visit{
		LastActive: last, Resume: common.NavigateMsg{To: common.Reflect, Question: 2, Resume: true},
		Answered: 3, Questions: 8, Goals: len(goals), Return: seasons.Returning(goals, last, evening), Seasons: 2,
	}
}

func TestWelcomeBackSaysWhatWaits(t *testing.T) {
	m := New(env(), back(3))
	m.SetSize(80, 24)
	view := ansi.Strip(m.View())
	for _, want := range []string{
		"It has been three days since you were last here.",
		"“Run 20 km a week” has rested long enough: time for another look.",
		"Last week had 1 small goal: how did it go?",
		"Working toward “Trail 30k” and “Tuesday hills”.",
		"“Spring half” rests until Sun 22 Nov.",
		"› Continue where you left off: question 3 of 8",
		"Look back on last week's small goals (1)",
		"Take another look at what has rested (1)",
		"Season over season", "Past seasons",
	} {
		if !strings.Contains(view, want) {
			t.Errorf("welcome back lacks %q:\n%s", want, view)
		}
	}
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	enter := tea.KeyPressMsg{Code: tea.KeyEnter}
	if got := choose(t, m, down, enter); got.To != common.Goals || got.Board != common.BoardWeek {
		t.Errorf("the week leads to %+v", got)
	}
	if got := choose(t, m, down, down, enter); got.To != common.Goals || got.Board != common.BoardLook {
		t.Errorf("another look leads to %+v", got)
	}
	if got := choose(t, m, down, down, down, down, down, down, enter); got.To != common.NewSeason || got.Why != workbook.FirstSeason {
		t.Errorf("a new season leads to %+v", got)
	}
	if got := choose(t, m, down, down, down, down, down, down, down, down, enter); got.To != common.History {
		t.Errorf("the last entry leads to %+v", got)
	}
}

// TestALongGapOffersANewSeason: four weeks away, the welcome offers a new
// season back after a break, and the cursor is on it.
func TestALongGapOffersANewSeason(t *testing.T) {
	if v := back(27); v.Return.Offer != workbook.FirstSeason {
		t.Fatalf("27 days offers %v", v.Return.Offer)
	}
	m := New(env(), back(28))
	m.SetSize(80, 24)
	view := ansi.Strip(m.View())
	for _, want := range []string{"It has been four weeks since you were last here.", "a new season is a good way back in", "› Start a new season: back after a break"} {
		if !strings.Contains(view, want) {
			t.Errorf("after four weeks the welcome lacks %q:\n%s", want, view)
		}
	}
	if got := choose(t, m, tea.KeyPressMsg{Code: tea.KeyEnter}); got.To != common.NewSeason || got.Why != workbook.BackAfterBreak {
		t.Errorf("enter leads to %+v", got)
	}
	for _, size := range [][2]int{{56, 10}, {56, 4}, {80, 12}, {120, 40}, {56, 1}} {
		m.SetSize(size[0], size[1])
		view := ansi.Strip(m.View())
		lines := strings.Split(view, "\n")
		if len(lines) > size[1] || !strings.Contains(view, "› Start a new season") {
			t.Errorf("at %dx%d the offer is out of sight:\n%s", size[0], size[1], view)
		}
		for _, l := range lines {
			if ansi.StringWidth(l) > size[0] {
				t.Errorf("at %dx%d a line is too wide: %q", size[0], size[1], l)
			}
		}
	}
}

func TestABigGoalReachedOffersANewSeason(t *testing.T) {
	goals := []workbook.Goal{{ID: "b", Tier: workbook.Big, Text: "Spring half", Status: workbook.Achieved, Reached: workbook.Reached{At: evening}}}
	v := Visit{LastActive: evening.Add(-time.Hour), Resume: common.NavigateMsg{To: common.Goals, Question: -1}, Questions: 8,
		Return: seasons.Returning(goals, evening.Add(-time.Hour), evening)}
	m := New(env(), v)
	m.SetSize(80, 24)
	view := ansi.Strip(m.View())
	for _, want := range []string{"Reached this season: “Spring half”.", "A big goal reached", "Start a new season: a goal reached", "› Continue"} {
		if !strings.Contains(view, want) {
			t.Errorf("welcome lacks %q:\n%s", want, view)
		}
	}
}
