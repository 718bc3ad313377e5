package store

import (
	"errors"
	"path/filepath"
	"testing"
	"time"
)

// TestAWindowTurnsAnotherEditorAwayAtOnce: a second window waited out
// the whole EditorWait (and, before, a whole check) to be told what the
// lock already said. Here it is asked to wait an hour: only the holder's
// line can send it away, and it must.
func TestAWindowTurnsAnotherEditorAwayAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cairn.db")
	w, err := Open(path, AsWindow())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	done := make(chan error, 1)
	go func() {
		s, err := Open(path, WaitForEditor(time.Hour))
		if err == nil {
			s.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrLocked) {
			t.Errorf("the second editor: %v", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("the second editor waited on a window")
	}
}

// TestACommandIsWaitedFor: a command holds the lock a moment; the next
// editor waits for it rather than giving up at once, even where a window
// held the lock before it.
func TestACommandIsWaitedFor(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cairn.db")
	w, err := Open(path, AsWindow())
	if err != nil {
		t.Fatal(err)
	}
	w.Close() // its line stays in the lock file
	c, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	released := make(chan struct{})
	go func() {
		time.Sleep(100 * time.Millisecond)
		c.Close()
		close(released)
	}()
	s, err := Open(path, WaitForEditor(time.Minute))
	if err != nil {
		t.Fatalf("the next editor did not wait for a command: %v", err)
	}
	<-released
	s.Close()
}
