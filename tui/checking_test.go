package tui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/store"
)

// The check at start runs beside the first frame: keys wait for it
// (checking.go).

func checking(o *Options) { o.Checking = true }

func TestKeysWaitForTheCheckAtStartAndThenAct(t *testing.T) {
	h := newHarness(t, 100, 30, checking)
	h.mustShow("Begin")
	h.send(keyEnter)
	h.typeText("Hills")
	if v := h.view(); strings.Contains(v, "Question 1 of 8") {
		t.Fatalf("a key acted before the check passed:\n%s", v)
	}
	h.mustShow(checkingNote)
	if got := h.workbook().Answers; len(got) != 0 {
		t.Fatalf("written before the check passed: %v", got)
	}

	h.send(CheckedMsg{})
	h.mustShow("Question 1 of 8", "Hills")
	if strings.Contains(h.view(), checkingNote) {
		t.Error("the note stayed after the check passed")
	}
	h.send(keyCtrlC)
	if got := h.workbook().Answers["numbers-or-feelings"].Text; got != "Hills" {
		t.Errorf("the answer typed while the check ran: %q", got)
	}
}

func TestDamageFoundByTheCheckAtStartEndsTheProgramUnwritten(t *testing.T) {
	h := newHarness(t, 100, 30, checking)
	h.send(keyEnter)
	h.typeText("never kept")
	damage := &store.DamagedError{Where: "journal/2026-11-02", Err: store.ErrDamaged}
	h.send(CheckedMsg{Damage: damage})
	if !h.quit {
		t.Fatal("the program did not end on damage")
	}
	root := h.root()
	if !errors.Is(root.Err(), store.ErrDamaged) || !root.Done() {
		t.Fatalf("Err %v, Done %v: main opens the recovery mode on ErrDamaged, and salvages nothing once done", root.Err(), root.Done())
	}
	if got := h.workbook().Answers; len(got) != 0 {
		t.Fatalf("written to a damaged workbook: %v", got)
	}
}

func TestCtrlCQuitsAtOnceWhileTheCheckRuns(t *testing.T) {
	h := newHarness(t, 100, 30, checking)
	h.send(keyCtrlC)
	if !h.quit || !h.root().Done() {
		t.Fatal("ctrl+c waited for the check")
	}
}

// The check at start begins once the first frame of the workbook has been
// made (Options.Drawn), not while the workbook is still loading, and only
// once however many frames follow.
func TestDrawnIsToldOnceTheFirstFrameOfTheWorkbookIsMade(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cairn.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	drawn := 0
	m := New(st, Options{Checking: true, Drawn: func() { drawn++ }})
	m.View()
	next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	next.(Model).View()
	if drawn != 0 {
		t.Fatalf("told %d times before the workbook was loaded", drawn)
	}
	next, _ = next.Update(m.Init()().(tea.BatchMsg)[0]())
	for range 3 {
		if v := next.(Model).View(); !strings.Contains(v.Content, "Begin") {
			t.Fatalf("the first frame:\n%s", v.Content)
		}
	}
	if drawn != 1 {
		t.Errorf("told %d times after three frames, want once", drawn)
	}
}
