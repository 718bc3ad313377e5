package reflection

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

var ctrlR = tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl}

// TestLastSeasonIsOneKeyAway: ctrl+r puts last season's answer to the
// same question beside the one being written, and takes it away; it
// follows the question, and nothing typed goes to it.
func TestLastSeasonIsOneKeyAway(t *testing.T) {
	m, st := setup(t, nil, 0)
	if m.KeyMap().Last.Enabled() {
		t.Error("a first season offers last season's answers")
	}
	m, _ = send(m, ctrlR)
	if m.ShowingLast() {
		t.Fatal("ctrl+r showed a season that does not exist")
	}

	m.SetPrevious("Autumn 2026", map[string]string{
		"numbers-or-feelings": "Numbers, always numbers. Splits and pace.",
		"competition":         "I hate races.",
	})
	m.SetSize(120, 24)
	if !m.KeyMap().Last.Enabled() {
		t.Fatal("ctrl+r is not offered with a season before this one")
	}
	m, _ = send(m, ctrlR)
	v := ansi.Strip(m.View())
	if !m.ShowingLast() || !strings.Contains(v, "Last season · Autumn 2026") || !strings.Contains(v, "Numbers, always numbers") {
		t.Fatalf("last season's answer is not shown:\n%s", v)
	}
	// Side by side: the question and the old answer share a line.
	if !strings.Contains(v, "Question 1 of 8") || !lineHasBoth(v, "Question 1 of 8", "Last season") {
		t.Errorf("not side by side at 120 wide:\n%s", v)
	}
	m, _ = send(m, tea.KeyPressMsg{Code: 'x', Text: "x"})
	if st.saved["numbers-or-feelings"] != "x" {
		t.Errorf("typing went elsewhere: %q", st.saved["numbers-or-feelings"])
	}
	m, _ = send(m, tea.KeyPressMsg{Code: tea.KeyTab})
	m, _ = send(m, tea.KeyPressMsg{Code: tea.KeyTab})
	if v := ansi.Strip(m.View()); !strings.Contains(v, "I hate races.") {
		t.Errorf("last season's answer did not follow the question:\n%s", v)
	}
	m, _ = send(m, tea.KeyPressMsg{Code: tea.KeyTab})
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Not answered last season.") {
		t.Errorf("a question not answered last season:\n%s", v)
	}

	// Narrow: above the answer, never wider than the screen.
	for _, w := range []int{40, 56, 70, 89, 90, 96, 140} {
		m.SetSize(w, 20)
		v := ansi.Strip(m.View())
		if !strings.Contains(v, "Last season") {
			t.Errorf("at %d wide last season is gone:\n%s", w, v)
		}
		for _, l := range strings.Split(v, "\n") {
			if ansi.StringWidth(l) > w {
				t.Errorf("at %d wide a line is %d: %q", w, ansi.StringWidth(l), l)
			}
		}
		if n := strings.Count(v, "\n") + 1; n > 20 {
			t.Errorf("at %d wide, %d lines in 20", w, n)
		}
	}
	m, _ = send(m, ctrlR)
	if m.ShowingLast() || strings.Contains(ansi.Strip(m.View()), "Last season") {
		t.Error("ctrl+r did not hide last season's answer")
	}
}

func lineHasBoth(v, a, b string) bool {
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, a) && strings.Contains(l, b) {
			return true
		}
	}
	return false
}
