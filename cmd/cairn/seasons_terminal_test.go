package main

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// startTerminalAt runs cairn as startTerminal does, with its clock moved
// by clock (CAIRN_TEST_CLOCK: the binary is built with -tags testclock).
func startTerminalAt(t *testing.T, w, h int, clock string, args ...string) *terminal {
	t.Helper()
	needTmux(t)
	dir := t.TempDir()
	conf := filepath.Join(dir, "tmux.conf")
	if err := os.WriteFile(conf, []byte("set -g remain-on-exit on\nset -g status off\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	sockets++
	tm := &terminal{t: t, socket: fmt.Sprintf("cairn-test-%d-%d", os.Getpid(), sockets), dir: dir}
	cmd := []string{"exec", shellQuote(binary)}
	for _, a := range args {
		cmd = append(cmd, shellQuote(a))
	}
	tm.tmux("-f", conf, "new-session", "-d", "-s", "main", "-x", strconv.Itoa(w), "-y", strconv.Itoa(h),
		"-e", "XDG_DATA_HOME="+filepath.Join(dir, "data"), "-e", "CAIRN_DB=", "-e", "CAIRN_TEST_CLOCK="+clock,
		strings.Join(cmd, " "))
	t.Cleanup(func() { tm.tmux("kill-server") })
	return tm
}

// TestRealTerminalFourWeeksLater is the long gap's journey in a real
// terminal: a season written today; cairn opened with its clock four
// weeks on offers a new season back after a break; the runner carries
// their values over; last season's answer is one key away; and the old
// season is in the history, every word as it was.
func TestRealTerminalFourWeeksLater(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	tm := startTerminal(t, 100, 30, "--db", db)
	tm.waitFor("Begin")
	tm.keys("Enter")
	tm.waitFor("Question 1 of 8")
	tm.typeText("Numbers first, always: splits on every run.")
	for range 8 { // on past the last question, to the values
		tm.keys("Tab")
	}
	tm.waitFor("Values")
	tm.keys("Space", "Enter")
	tm.typeText("Quiet loops before work.")
	tm.waitFor("Quiet loops before work.")
	tm.keys("Escape")
	tm.waitFor("tab themes") // back on the list
	tm.keys("Tab")
	tm.waitFor("Themes in your answers")
	tm.keys("Tab", "Tab", "Tab")
	tm.waitFor("a add")
	tm.keys("a")
	tm.typeText("Run 20 km a week")
	tm.keys("Escape")
	tm.waitFor("a add", "Run 20 km a week")
	tm.keys("q")
	tm.waitExit()
	before := exported(t, db)
	if len(before.Seasons) != 1 {
		t.Fatalf("%d seasons before", len(before.Seasons))
	}

	later := startTerminalAt(t, 100, 30, "+672h", "--db", db)
	later.waitFor("It has been four weeks since you were last here.", "› Start a new season: back after a break")
	later.keys("Enter")
	later.waitFor("A new season", "● back after a break", "values, with their experiments (1)", "goals not yet reached or let go (1)")
	later.keys("Tab", "Tab", "Down", "Space", "Down", "Space", "Tab") // the values only
	later.waitFor("[x] values", "[ ] goals not yet reached", "› Begin the season")
	later.keys("Enter")
	later.waitFor("Question 1 of 8", "is kept as it was, in Past seasons.")
	later.keys("C-r")
	later.waitFor("Last season · "+before.Seasons[0].Name, "Numbers first, always")
	later.typeText("Feelings, these days.")
	later.waitFor("Feelings, these days.")
	later.keys("C-c")
	later.waitExit()

	again := startTerminalAt(t, 100, 30, "+673h", "--db", db)
	again.waitFor("Welcome back.", "Past seasons")
	for range 6 { // the last entry of the menu
		again.keys("Down")
	}
	again.waitFor("› Past seasons")
	again.keys("Enter")
	again.waitFor("Past seasons  "+before.Seasons[0].Name, "Quiet loops before work.", "Run 20 km a week", "Numbers first, always")
	again.keys("Escape")
	again.waitFor("Welcome back.")
	again.keys("q")
	again.waitExit()

	after := exported(t, db)
	if len(after.Seasons) != 2 {
		t.Fatalf("%d seasons after", len(after.Seasons))
	}
	old, cur := after.Seasons[0], after.Seasons[1]
	// The old season is exactly as it was: every answer, value, goal and
	// goal's history.
	oldBefore := before.Seasons[0]
	if !reflect.DeepEqual(old, oldBefore) {
		t.Errorf("the old season changed:\n%+v\nwas\n%+v", old, oldBefore)
	}
	if cur.Why != "break" || cur.Reason != "back after a break" || cur.From != old.ID || cur.Carried == nil || !cur.Carried.Values || cur.Carried.Goals {
		t.Errorf("the new season = %+v", cur)
	}
	if len(cur.Values) != 1 || cur.Values[0].Serve != "Quiet loops before work." || len(cur.Goals) != 0 {
		t.Errorf("the new season carried %+v and %+v", cur.Values, cur.Goals)
	}
	if got := answer(after, "numbers-or-feelings"); got != "Numbers first, always: splits on every run." {
		t.Errorf("the first season's answer = %q", got)
	}
	if cur.Answers[0].Text != "Feelings, these days." {
		t.Errorf("the new season's answer = %+v", cur.Answers)
	}
}
