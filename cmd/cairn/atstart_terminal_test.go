package main

import (
	"bytes"
	"os"
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
