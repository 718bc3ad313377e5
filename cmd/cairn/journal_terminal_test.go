package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRealTerminalLogARunThenFindIt logs a run in the app the way a runner
// would, from the middle of an answer, and finds it from the shell with
// `cairn journal`.
func TestRealTerminalLogARunThenFindIt(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	tm := startTerminal(t, 100, 30, "--db", db)
	tm.waitFor("Begin", "ctrl+l log a run")
	tm.keys("Enter")
	tm.waitFor("Question 1 of 8")
	tm.typeText("Feelings, mostly.")
	tm.keys("C-l")
	tm.waitFor("Log a run", "Distance")
	tm.typeText("5k")
	tm.keys("Tab")
	tm.typeText("28:30")
	tm.keys("Tab")
	tm.typeText("4")
	tm.keys("Tab")
	tm.typeText("2")
	tm.keys("Tab")
	tm.typeText("9") // not a score: refused, and said so
	tm.waitFor("How you felt after goes from 1 to 5, not 9.")
	tm.typeText("4")
	tm.keys("Tab", "Tab") // past the kinds of run, to the note
	tm.typeText("hill loop with Sam")
	tm.waitFor("5 km in 28:30 (5:42 /km) · enjoyment 4 · felt 2 → 4")
	tm.keys("Escape")
	tm.waitFor("Question 1 of 8", "Feelings, mostly.")
	tm.keys("C-c")
	tm.waitExit()

	out, err := exec.Command(binary, "--db", db, "journal", "-n", "10").Output()
	if err != nil {
		t.Fatal(err)
	}
	line := strings.TrimSpace(string(out))
	for _, want := range []string{"5 km in 28:30 (5:42 /km) · enjoyment 4 · felt 2 → 4", "hill loop with Sam"} {
		if !strings.Contains(line, want) {
			t.Errorf("cairn journal does not show %q:\n%s", want, line)
		}
	}
	if strings.Count(line, "\n") != 0 {
		t.Errorf("one run logged, more lines shown:\n%s", line)
	}
	if got := answer(exported(t, db), "numbers-or-feelings"); got != "Feelings, mostly." {
		t.Errorf("the answer typed before the log key: %q", got)
	}
}
