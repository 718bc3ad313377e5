package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestResumeAfterTheJournalKeepsTheEditorClosed logs a run from inside
// the goal editor, closes the editor back on the board, opens the journal
// and quits there. The place kept must be the board as it was left, with
// the editor closed: an "editing" flag kept from before the journal would
// reopen the editor, and the next enter would change the goal unseen.
func TestResumeAfterTheJournalKeepsTheEditorClosed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	tm := startTerminal(t, 100, 30, "--db", db)
	tm.waitFor("Begin")
	tm.keys("Enter")
	tm.waitFor("Question 1 of 8")
	for range 8 { // through the questions and on past the values and themes
		tm.keys("Tab")
	}
	tm.waitFor("Values")
	tm.keys("Tab")
	tm.waitFor("Your themes")
	tm.keys("Tab", "Tab", "Tab")
	tm.waitFor("a add")
	tm.keys("a")
	tm.waitFor("New goal")
	tm.typeText("Run Tuesday at 7am")
	tm.keys("Escape")
	tm.waitFor("a add", "Run Tuesday at 7am")
	tm.keys("Enter")
	tm.waitFor("Edit goal")
	tm.keys("C-l")
	tm.waitFor("Log a run")
	tm.keys("Escape")
	tm.waitFor("Edit goal")
	tm.keys("Escape")
	tm.waitFor("a add")
	tm.keys("C-o")
	tm.waitFor("Journal")
	tm.keys("q")
	tm.waitExit()

	again := startTerminal(t, 100, 30, "--db", db)
	again.waitFor("Welcome back.", "Continue where you left off: the goal board")
	again.keys("Enter")
	s := again.waitFor("a add", "Run Tuesday at 7am")
	if strings.Contains(s, "Edit goal") {
		t.Fatalf("the goal editor the runner had closed opened again:\n%s", s)
	}
	again.keys("Enter") // opens the goal: it must not type into it
	again.waitFor("Edit goal")
	again.keys("Escape")
	again.waitFor("a add")
	again.keys("q")
	again.waitExit()
	doc := exported(t, db)
	if len(doc.Seasons) != 1 || len(doc.Seasons[0].Goals) != 1 {
		t.Fatalf("export: %+v", doc.Seasons)
	}
	if got := doc.Seasons[0].Goals[0].Text; got != "Run Tuesday at 7am" {
		t.Errorf("the goal reads %q after resuming", got)
	}
}
