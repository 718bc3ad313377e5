package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestQuittingWaitsForEveryWriteInFlight: a write handed out before the
// runner quit, whose result had not come back when the quit's own flush
// did, was never heard of again: the last frame said "saving…", and had
// that write failed, cairn would have quit without a word. Quitting now
// writes again whatever is still in flight and hears every result.
func TestQuittingWaitsForEveryWriteInFlight(t *testing.T) {
	h := newHarness(t, 100, 30)
	h.dropTicks = true
	h.send(keyEnter)
	h.typeText("an answer written just before quitting")
	m := h.root()
	sv := m.screen(m.active).Saving()
	if sv == nil || !sv.Pending() {
		t.Fatal("the answer is not waiting to be written")
	}
	// The write runs, but its result is lost on the way back, as one is
	// when it arrives after the program has ended.
	runDroppingResults(sv.Flush())
	h.send(keyCtrlC)
	if !h.quit {
		t.Fatal("ctrl+c did not quit")
	}
	if v := h.view(); strings.Contains(v, "saving…") || !strings.Contains(v, "✓ saved") {
		t.Errorf("after quitting, the header does not say the answer is saved:\n%s", v)
	}
	if got := h.workbook().Answers["numbers-or-feelings"].Text; got != "an answer written just before quitting" {
		t.Errorf("on disk: %q", got)
	}
}

// runDroppingResults runs cmd and every command it batches, and throws
// their messages away.
func runDroppingResults(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	if batch, ok := cmd().(tea.BatchMsg); ok {
		for _, c := range batch {
			runDroppingResults(c)
		}
	}
}
