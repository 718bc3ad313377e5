package common

import (
	"errors"
	"runtime"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

func TestLedgerNeverLetsAnOlderWriteWin(t *testing.T) {
	l := NewLedger()
	var mu sync.Mutex
	stored := map[string]string{}
	write := func(key, text string) func() error {
		return func() error {
			mu.Lock()
			defer mu.Unlock()
			stored[key] = text
			return nil
		}
	}
	older, newer := l.Next(), l.Next()
	// The newer write's goroutine happens to run first.
	if err := l.Write("answer/a", newer, write("answer/a", "second draft")); err != nil {
		t.Fatal(err)
	}
	if err := l.Write("answer/a", older, write("answer/a", "first draft")); err != nil {
		t.Fatal(err)
	}
	if stored["answer/a"] != "second draft" {
		t.Errorf("stored %q, want the newer text", stored["answer/a"])
	}
	// Other keys are independent.
	if err := l.Write("answer/b", older, write("answer/b", "b")); err != nil || stored["answer/b"] != "b" {
		t.Errorf("write to another key was skipped: %v", err)
	}
}

func TestLedgerFailedWriteCanBeRetried(t *testing.T) {
	l := NewLedger()
	gen := l.Next()
	if err := l.Write("k", gen, func() error { return errors.New("no") }); err == nil {
		t.Fatal("error was swallowed")
	}
	ran := false
	if err := l.Write("k", gen, func() error { ran = true; return nil }); err != nil || !ran {
		t.Error("a failed write must not mark its generation as written")
	}
}

func TestLedgerWaitCoversSavesInFlight(t *testing.T) {
	l := NewLedger()
	release := make(chan struct{})
	cmd := l.Save(Reflect, l.Next(), Record{Key: "k", What: "your answer", Save: func() error { <-release; return nil }})
	if l.Wait(10 * time.Millisecond) {
		t.Error("Wait returned true while a save had not run")
	}
	done := make(chan tea.Msg)
	go func() { done <- cmd() }()
	close(release)
	if msg := (<-done).(SavedMsg); msg.Err != nil || msg.Screen != Reflect {
		t.Errorf("SavedMsg = %+v", msg)
	}
	if !l.Wait(time.Second) {
		t.Error("Wait did not see the save finish")
	}
}

// TestLedgerWaitLeavesNothingBehind: a write handed out but never run (its
// command dropped as the program ended) must not leave a goroutine behind
// for every Wait that times out on it.
func TestLedgerWaitLeavesNothingBehind(t *testing.T) {
	l := NewLedger()
	l.Save(Reflect, l.Next(), Record{Key: "k", What: "your answer", Save: func() error { return nil }}) // never run
	before := runtime.NumGoroutine()
	const waits = 50
	for range waits {
		if l.Wait(time.Microsecond) {
			t.Fatal("Wait returned true while a save had not run")
		}
		l.WaitRunning(time.Microsecond)
	}
	// A little slack for goroutines the runtime or the test framework
	// starts on its own; a leak adds one per Wait.
	if after := runtime.NumGoroutine(); after > before+waits/10 {
		t.Errorf("%d goroutines after %d timed-out waits, %d before", after, waits, before)
	}
}
