package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The check at start runs beside the first frame (atstart.go): damage
// that the first screen does not read is found by it all the same, the
// recovery mode opens, and nothing typed meanwhile reaches the file.
func TestDamageBeyondTheFirstScreenOpensTheRecoveryMode(t *testing.T) {
	db := fullWorkbook(t)
	raw, _ := os.ReadFile(db)
	i := bytes.Index(raw, []byte("hill loop c"))
	if i < 0 {
		t.Fatal("the run's note is not in the file")
	}
	raw[i] ^= 0x20
	os.WriteFile(db, raw, 0o600)
	before := hash(t, db)

	tm := startTerminal(t, 100, 30, "--db", db)
	// Typed as fast as tmux sends it: the welcome screen's continue, and
	// words for whatever opens.
	tm.keys("Enter")
	tm.typeText("typed while the check ran")
	tm.waitFor("Your workbook is damaged, so cairn opened it read-only.")
	tm.waitFor("a run on", "checksum does not match")
	tm.keys("q")
	tm.waitDead()
	if hash(t, db) != before {
		t.Error("the damaged workbook was written to")
	}
}

// A workbook of an older schema is migrated as the app opens it, before
// the first frame: the migration is a write, so it waits at the gate for
// the check, and the check begins at once (it would otherwise begin only
// after the first frame, which waits for the migration). The app opens,
// the runner's words are there, and the file is migrated.
func TestAnOlderWorkbookOpensWithoutWaitingForTheFirstFrame(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "store", "testdata", "schema1.db"))
	if err != nil {
		t.Fatal(err)
	}
	db := writeFile(t, "cairn.db", raw)
	tm := startTerminal(t, 100, 30, "--db", db)
	tm.waitFor("Welcome back")
	tm.keys("C-c")
	tm.waitExit()
	after, err := os.ReadFile(db)
	if err != nil || bytes.Equal(raw, after) {
		t.Fatalf("the schema 1 workbook was not migrated (%v)", err)
	}
	if out := ok(t, "", "--db", db, "export", "--format", "json"); !strings.Contains(out, "fxans0kx") {
		t.Errorf("the migrated workbook lost its answers:\n%s", out)
	}
}
