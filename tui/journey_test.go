package tui

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/workbook"
)

// These journeys run the real Bubble Tea program around the root model, with
// real timers, and check what ends up on disk and on screen.

func openStore(t *testing.T) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cairn.db")
	st, err := store.Open(path, store.WithClock(func() time.Time { return clock }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, path
}

func waitFor(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte(text))
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

func TestJourneyFirstEvening(t *testing.T) {
	st, _ := openStore(t)
	m := New(st, Options{Now: func() time.Time { return clock }, Dark: true})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "Begin")

	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	tm.Type("Numbers, honestly. I check my splits on every run.")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	tm.Type("The coast path, with my brother.")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})

	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if !final.Done() || final.Err() != nil {
		t.Fatalf("done = %v, err = %v", final.Done(), final.Err())
	}
	golden.RequireEqual(t, ansi.Strip(final.View().Content))

	wb, err := st.Workbook(final.season.ID)
	if err != nil {
		t.Fatal(err)
	}
	if wb.Answers["numbers-or-feelings"].Text != "Numbers, honestly. I check my splits on every run." ||
		wb.Answers["places-and-people"].Text != "The coast path, with my brother." {
		t.Errorf("answers on disk: %+v", wb.Answers)
	}
	if wb.Place.Question != 2 {
		t.Errorf("place = %+v, want question index 2", wb.Place)
	}
}

func TestJourneyDraftingGoals(t *testing.T) {
	st, _ := openStore(t)
	m := New(st, Options{Now: func() time.Time { return clock }, Dark: false})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	waitFor(t, tm, "Begin")

	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	for range 8 { // through the questions, unanswered, to the values
		tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	}
	tm.Send(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}) // pick the first value
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})              // on to the themes
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	tm.Type("Quiet mornings")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	tm.Type("Time that is just mine")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab}) // on to the goal board
	tm.Type("a")
	tm.Type("Run Monday, Wednesday and Friday at 6:30 before anyone wakes")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	tm.Type("f")
	tm.Type("l")
	tm.Type("l")
	tm.Type("a")
	tm.Type("A trail half marathon in the autumn")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	tm.Type("ff")
	tm.Type("q")

	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	golden.RequireEqual(t, ansi.Strip(final.View().Content))

	wb, err := st.Workbook(final.season.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(wb.Goals) != 2 {
		t.Fatalf("goals on disk: %+v", wb.Goals)
	}
	byTier := map[workbook.Tier]workbook.Goal{}
	for _, g := range wb.Goals {
		byTier[g.Tier] = g
	}
	if byTier[workbook.Small].Feel != workbook.Doable || byTier[workbook.Big].Feel != workbook.Scary {
		t.Errorf("feels: small %v, big %v", byTier[workbook.Small].Feel, byTier[workbook.Big].Feel)
	}
	if wb.Themes.Motivation != "Time that is just mine" || wb.Place.Screen != "goals" {
		t.Errorf("themes %+v, place %+v", wb.Themes, wb.Place)
	}
}
