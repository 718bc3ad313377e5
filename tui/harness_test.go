package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/workbook"
)

// clock is a fixed evening, so views that mention time are stable.
var clock = time.Date(2026, 11, 20, 21, 4, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	time.Local = time.UTC // dates in views do not depend on the machine's zone
	os.Exit(m.Run())
}

// harness drives the root model the way the program would, running every
// command it returns and feeding the results back, with timers firing at
// once unless dropTicks is set (the status line's expiry never fires).
type harness struct {
	t         testing.TB
	m         tea.Model
	st        Store
	path      string
	quit      bool
	dropTicks bool
}

func newHarness(t testing.TB, w, h int, more ...func(*Options)) *harness {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cairn.db")
	st, err := store.Open(path, store.WithClock(func() time.Time { return clock }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return startHarness(t, st, path, w, h, more...)
}

func startHarness(t testing.TB, st Store, path string, w, h int, more ...func(*Options)) *harness {
	t.Helper()
	hs := &harness{t: t, st: st, path: path}
	opts := Options{
		Now:  func() time.Time { return clock },
		Dark: true,
		Tick: func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
			// A status line stays for the rest of the test, or until
			// something replaces or clears it: firing its expiry at once
			// would leave nothing to look at.
			if hs.dropTicks || d >= statusFor {
				return nil
			}
			return func() tea.Msg { return fn(clock) }
		},
	}
	for _, o := range more {
		o(&opts)
	}
	hs.m = New(st, opts)
	hs.run(hs.m.Init())
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	return hs
}

// send delivers messages and everything they lead to.
func (h *harness) send(msgs ...tea.Msg) {
	h.t.Helper()
	for _, msg := range msgs {
		next, cmd := h.m.Update(msg)
		h.m = next
		h.run(cmd)
	}
}

// run executes cmd and feeds back its messages until nothing is left.
func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			h.t.Fatal("commands never settled")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
			h.quit = true
		default:
			next, more := h.m.Update(msg)
			h.m = next
			queue = append(queue, more)
		}
	}
}

// typeText types s one key at a time, with "\n" pressed as enter.
func (h *harness) typeText(s string) {
	h.t.Helper()
	for _, r := range s {
		if r == '\n' {
			h.send(tea.KeyPressMsg{Code: tea.KeyEnter})
			continue
		}
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

var (
	keyEnter    = tea.KeyPressMsg{Code: tea.KeyEnter}
	keyTab      = tea.KeyPressMsg{Code: tea.KeyTab}
	keyShiftTab = tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	keyEsc      = tea.KeyPressMsg{Code: tea.KeyEscape}
	keyCtrlC    = tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	keyRight    = tea.KeyPressMsg{Code: tea.KeyRight}
	keyDown     = tea.KeyPressMsg{Code: tea.KeyDown}
	keyCtrlL    = tea.KeyPressMsg{Code: 'l', Mod: tea.ModCtrl}
	keyCtrlO    = tea.KeyPressMsg{Code: 'o', Mod: tea.ModCtrl}
)

func letter(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

// root returns the model as the root type.
func (h *harness) root() Model { return h.m.(Model) }

// view returns what the screen shows, without colour.
func (h *harness) view() string {
	return ansi.Strip(h.m.View().Content)
}

// workbook reads the season back from the store.
func (h *harness) workbook() workbook.Snapshot {
	h.t.Helper()
	season, err := h.st.CurrentSeason()
	if err != nil {
		h.t.Fatal(err)
	}
	wb, err := h.st.Workbook(season.ID)
	if err != nil {
		h.t.Fatal(err)
	}
	return wb
}

func (h *harness) mustShow(want ...string) {
	h.t.Helper()
	v := h.view()
	for _, w := range want {
		if !strings.Contains(v, w) {
			h.t.Errorf("screen does not show %q:\n%s", w, v)
		}
	}
}
