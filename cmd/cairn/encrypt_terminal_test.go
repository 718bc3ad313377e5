package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPassphraseJourneyInATerminal takes the first run's offer of a
// passphrase in a real terminal, writes a canary into an answer, and
// finds it nowhere on disk in plain text; then opens the workbook again
// through the unlock screen, wrong passphrase first.
func TestPassphraseJourneyInATerminal(t *testing.T) {
	const (
		canary = "wombatcanary2281"
		pass   = "river stones at dawn"
	)
	data := t.TempDir()
	db := filepath.Join(data, "cairn.db")
	tm := startTerminal(t, 90, 30, "--db", db)
	tm.waitFor("› Begin", "Keep it private with a passphrase (optional)")
	tm.keys("Down", "Enter")
	tm.waitFor("every word in the workbook is lost")
	tm.keys("Enter")
	tm.waitFor("New passphrase")
	tm.typeText(pass)
	tm.keys("Enter")
	tm.waitFor("The same again")
	tm.typeText(pass)
	tm.keys("Enter")
	s := tm.waitFor("shown this once")
	if strings.Contains(s, pass) {
		t.Errorf("the passphrase was shown:\n%s", s)
	}
	tm.keys("Enter")
	tm.waitFor("› Begin")
	if s := tm.screen(); strings.Contains(s, "Keep it private") {
		t.Errorf("the offer stays once taken:\n%s", s)
	}
	tm.keys("Enter")
	tm.waitFor("Question 1 of 8")
	tm.typeText("I run for " + canary)
	tm.keys("Tab")
	tm.waitFor("Question 2 of 8")
	tm.keys("C-c")
	tm.waitExit()

	filepath.WalkDir(data, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if raw, _ := os.ReadFile(p); bytes.Contains(raw, []byte(canary)) {
			t.Errorf("%s holds the canary in plain text", p)
		}
		return nil
	})

	again := startTerminal(t, 90, 30, "--db", db)
	again.waitFor("This workbook is kept private", "Passphrase")
	again.typeText("not the passphrase")
	again.keys("Enter")
	again.waitFor("Take your time")
	again.typeText(pass)
	again.keys("Enter")
	again.waitFor("Welcome back.", "answered 1 of 8")
	again.keys("Enter")
	again.waitFor("Question 2 of 8")
	again.keys("BTab")
	again.waitFor("Question 1 of 8", canary)
	again.keys("C-c")
	again.waitExit()
}
