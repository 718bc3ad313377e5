package recovery

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func info(save func() ([]string, error)) Info {
	return Info{
		Path:     "/home/ana/.local/share/cairn/cairn.db",
		Problems: []string{"your answer to “When did running make you proud?”: could not be read: checksum does not match"},
		Readable: "1 season, 7 answers, 5 goals and 118 runs",
		Document: "# Season of November 2026\n\nFeelings first.",
		Advice:   "  1. cairn will not write to this file.\n  3. The latest backup that is whole is cairn.db.daily-2026-12-02.bak",
		Save:     save,
	}
}

// run delivers msg and runs what it returns, once.
func run(t *testing.T, m tea.Model, msg tea.Msg) (tea.Model, tea.Msg) {
	t.Helper()
	m, cmd := m.Update(msg)
	if cmd == nil {
		return m, nil
	}
	return m, cmd()
}

func view(m tea.Model) string { return ansi.Strip(m.View().Content) }

func TestTheRecoveryModeShowsWhatItKnows(t *testing.T) {
	var m tea.Model = New(info(nil), true)
	for _, w := range []int{56, 30} {
		m, _ = run(t, m, tea.WindowSizeMsg{Width: w, Height: 16})
		for _, l := range strings.Split(view(m), "\n") {
			if ansi.StringWidth(l) > w {
				t.Errorf("at %d columns a line is wider: %q", w, l)
			}
		}
	}
	m, _ = run(t, m, tea.WindowSizeMsg{Width: 100, Height: 40})
	v := view(m)
	for _, want := range []string{"read-only", "checksum does not match", "1 season, 7 answers", "daily-2026-12-02.bak", "Feelings first.", "s save what can be read", "q quit"} {
		if !strings.Contains(v, want) {
			t.Errorf("the view lacks %q:\n%s", want, v)
		}
	}
	for _, l := range strings.Split(v, "\n") {
		if ansi.StringWidth(l) > 100 {
			t.Errorf("a line wider than the window: %q", l)
		}
	}
}

func TestSavingWhatReads(t *testing.T) {
	saved := 0
	var m tea.Model = New(info(func() ([]string, error) {
		saved++
		return []string{"cairn-rescued-2026-12-03.md", "cairn-rescued-2026-12-03.json"}, nil
	}), true)
	m, _ = run(t, m, tea.WindowSizeMsg{Width: 100, Height: 40})
	m, msg := run(t, m, tea.KeyPressMsg{Code: 's', Text: "s"})
	m, _ = run(t, m, msg)
	if saved != 1 || !strings.Contains(view(m), "Saved: cairn-rescued-2026-12-03.md and cairn-rescued-2026-12-03.json") {
		t.Errorf("saved %d times:\n%s", saved, view(m))
	}
	failing := New(info(func() ([]string, error) { return nil, errors.New("the disk is full") }), true)
	m, _ = run(t, failing, tea.WindowSizeMsg{Width: 100, Height: 40})
	m, msg = run(t, m, tea.KeyPressMsg{Code: 's', Text: "s"})
	m, _ = run(t, m, msg)
	if !strings.Contains(view(m), "Could not save: the disk is full") {
		t.Errorf("a failed save:\n%s", view(m))
	}
	if _, msg := run(t, m, tea.KeyPressMsg{Code: 'q', Text: "q"}); msg != (tea.QuitMsg{}) {
		t.Errorf("q: %v", msg)
	}
}
