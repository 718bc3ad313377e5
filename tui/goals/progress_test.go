package goals

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/cairn-run/cairn/workbook"
)

// runsOf is a fake journal.
type runsOf []workbook.Entry

func (r runsOf) JournalScan(first, last workbook.Day, _ bool, fn func(workbook.Entry) bool) error {
	for _, e := range r {
		if e.Day >= first && e.Day <= last && !fn(e) {
			break
		}
	}
	return nil
}

// friday is 20 November 2026, the board's today.
var friday = workbook.MakeDay(2026, time.November, 20)

func TestCardsShowProgressFromTheJournal(t *testing.T) {
	m, _ := setup(t,
		workbook.Goal{ID: "g1", Tier: workbook.Small, Text: "Run 20 km a week", Order: 0},
		workbook.Goal{ID: "g2", Tier: workbook.Medium, Text: "A sub-25 5k", Order: 0},
		workbook.Goal{ID: "g3", Tier: workbook.Big, Text: "Run Tuesday and Thursday at 7am", Order: 0},
		workbook.Goal{ID: "g4", Tier: workbook.Small, Text: "3 runs a week", Status: workbook.Achieved, Order: 1},
	)
	journal := runsOf{
		{Day: friday - 30, Metres: 5000, Duration: 26 * time.Minute},               // a 5k a month ago
		{Day: friday - 4, Metres: 7000, Duration: 40 * time.Minute},                // Monday
		{Day: friday - 1, Metres: 5000, Duration: 24*time.Minute + 30*time.Second}, // Thursday
		{Day: friday + 1, Metres: 99000},                                           // tomorrow: not read
	}
	cmd := LoadRuns(journal, friday)
	m = press(m, cmd())
	view := ansi.Strip(m.View())
	words := strings.Join(strings.FieldsFunc(view, func(r rune) bool { return r == ' ' || r == '\n' || r == '│' }), " ")
	for _, want := range []string{"12 of 20 km this week", "best 5 km 24:30, aiming for 25:00", "━"} {
		if !strings.Contains(words, want) {
			t.Errorf("the board lacks %q:\n%s", want, view)
		}
	}
	if strings.Contains(view, "of 3 runs") {
		t.Errorf("an achieved goal still shows progress:\n%s", view)
	}
	if strings.Count(view, "━") < 3 {
		t.Errorf("no progress bars:\n%s", view)
	}
}

// TestEditingAGoalChangesWhatItMeasures: the target is read from the words
// every time, so a new number shows at once.
func TestEditingAGoalChangesWhatItMeasures(t *testing.T) {
	g := workbook.Goal{ID: "g1", Tier: workbook.Small, Text: "Run 20 km a week"}
	m, _ := setup(t, g)
	m = press(m, LoadRuns(runsOf{{Day: friday, Metres: 10000}}, friday)())
	if v := ansi.Strip(m.View()); !strings.Contains(v, "10 of 20 km this week") {
		t.Fatalf("before the edit:\n%s", v)
	}
	m.goals[0].Text = "Run 40 km a week"
	if v := ansi.Strip(m.View()); !strings.Contains(v, "10 of 40 km this week") {
		t.Errorf("after the edit:\n%s", v)
	}
}

func TestNoRunsNoProgress(t *testing.T) {
	m, _ := setup(t, workbook.Goal{ID: "g1", Tier: workbook.Small, Text: "Run 20 km a week"})
	if v := ansi.Strip(m.View()); strings.Contains(v, "of 20 km") {
		t.Errorf("progress before the journal was read:\n%s", v)
	}
	m = press(m, RunsMsg{Today: friday, Err: errors.New("damaged")})
	if v := ansi.Strip(m.View()); strings.Contains(v, "of 20 km") {
		t.Errorf("progress after a failed read:\n%s", v)
	}
	m = press(m, LoadRuns(runsOf{}, friday)())
	if v := ansi.Strip(m.View()); strings.Contains(v, "of 20 km") {
		t.Errorf("a journal with no runs shows empty progress:\n%s", v)
	}
	m = press(m, LoadRuns(runsOf{{Day: friday - 20, Metres: 5000}}, friday)())
	if v := ansi.Strip(m.View()); !strings.Contains(v, "0 of 20 km this week") {
		t.Errorf("a quiet week:\n%s", v)
	}
	if LoadRuns(nil, friday) != nil {
		t.Error("no store, yet a command")
	}
}
