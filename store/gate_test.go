package store

import (
	"encoding/binary"
	"errors"
	"testing"
	"time"

	"github.com/cairn-run/cairn/workbook"
)

// The gate: the app reads while the check at start runs, and writes only
// once it has passed (gate.go).

func TestGateHoldsWritesUntilTheCheckPasses(t *testing.T) {
	path, season := checkWorkbook(t)
	gate := NewGate()
	s, err := Open(path, WithGate(gate))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before := fileHash(t, path)

	// Reading goes on while the gate is undecided.
	if _, err := s.Workbook(season.ID); err != nil {
		t.Fatal(err)
	}
	saved := make(chan error, 1)
	go func() {
		saved <- s.SaveAnswer(season.ID, workbook.Answer{Question: "numbers-or-feelings", Text: "after the check", Updated: time.Now().UTC()})
	}()
	select {
	case err := <-saved:
		t.Fatalf("a save returned (%v) before the check passed", err)
	case <-time.After(100 * time.Millisecond):
	}
	if fileHash(t, path) != before {
		t.Fatal("the file changed before the check passed")
	}
	gate.Decide(nil)
	if err := <-saved; err != nil {
		t.Fatalf("the save held at the gate: %v", err)
	}
	wb, err := s.Workbook(season.ID)
	if err != nil || wb.Answers["numbers-or-feelings"].Text != "after the check" {
		t.Fatalf("after the gate passed: %v, %q", err, wb.Answers["numbers-or-feelings"].Text)
	}
}

func TestGateRefusesWritesWhenTheCheckFindsDamage(t *testing.T) {
	path, season := checkWorkbook(t)
	gate := NewGate()
	s, err := Open(path, WithGate(gate))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before := fileHash(t, path)
	found := &DamagedError{Where: "the file", Err: ErrDamaged}
	gate.Decide(found)
	err = s.SaveAnswer(season.ID, workbook.Answer{Question: "numbers-or-feelings", Text: "never written", Updated: time.Now().UTC()})
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("a save after damage was found: %v", err)
	}
	if _, err := s.StartSeason(""); !errors.Is(err, ErrDamaged) {
		t.Fatalf("a new season after damage was found: %v", err)
	}
	if fileHash(t, path) != before {
		t.Fatal("the damaged file was written to")
	}
}

// TestReadsBeforeTheCheckAreGuarded damages a page of the season so that
// bbolt panics reading it: before the check has passed, the read is
// ErrDamaged, never a crash.
func TestReadsBeforeTheCheckAreGuarded(t *testing.T) {
	path, season := checkWorkbook(t)
	damage(t, path, func(raw []byte) []byte {
		// Every page that is not a header: a page that says it is another
		// page is one bbolt asserts on as it reads it.
		for at := 2 * 4096; at+4096 <= len(raw); at += 4096 {
			binary.NativeEndian.PutUint64(raw[at:], 1<<40)
		}
		return raw
	})
	gate := NewGate()
	s, err := Open(path, WithGate(gate))
	if err == nil {
		defer s.Close()
		_, err = s.Workbook(season.ID)
	}
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("reading a damaged file before the check: %v, want ErrDamaged", err)
	}
}

func TestGateDecidesOnce(t *testing.T) {
	g := NewGate()
	if g.Passed() {
		t.Fatal("passed before deciding")
	}
	g.Decide(nil)
	g.Decide(ErrDamaged)
	if !g.Passed() || g.Wait() != nil {
		t.Fatal("a second decision changed the first")
	}
}

// A write that waits at the gate says so (Wanted), so that a check that
// has not begun yet begins at once.
func TestGateSaysWhenAWriteWaits(t *testing.T) {
	gate := NewGate()
	select {
	case <-gate.Wanted():
		t.Fatal("wanted before anything waited")
	default:
	}
	waited := make(chan error, 1)
	go func() { waited <- gate.Wait() }()
	select {
	case <-gate.Wanted():
	case <-time.After(5 * time.Second):
		t.Fatal("a write waits, and the gate does not say so")
	}
	gate.Decide(nil)
	if err := <-waited; err != nil {
		t.Fatal(err)
	}
	gate.Wait() // a second wait must not close Wanted again
}
