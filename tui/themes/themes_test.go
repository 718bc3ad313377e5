package themes

import (
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/tui/common"
)

type boards struct {
	mu   sync.Mutex
	last store.ThemeBoard
	n    int
}

func (b *boards) SaveThemes(_ string, t store.ThemeBoard) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.last, b.n = t, b.n+1
	return nil
}

func setup(t *testing.T, board store.ThemeBoard) (Model, *boards) {
	t.Helper()
	now := func() time.Time { return time.Date(2026, 11, 20, 21, 0, 0, 0, time.UTC) }
	env := common.Env{
		Season: "s", Ledger: common.NewLedger(), Styles: common.NewStyles(true), Now: now,
		Tick: func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
			return func() tea.Msg { return fn(now()) }
		},
	}
	st := &boards{}
	m := New(env, st, board)
	m.SetSize(80, 22)
	return m, st
}

// send updates m with msgs and runs the commands that follow, returning
// the moves the screen asked for.
func send(m Model, msgs ...tea.Msg) (Model, []common.NavigateMsg) {
	var out []common.NavigateMsg
	for _, msg := range msgs {
		queue := []tea.Msg{msg}
		for len(queue) > 0 {
			var cmd tea.Cmd
			m, cmd = m.Update(queue[0])
			queue = queue[1:]
			if to, ok := m.TakeNavigation(); ok {
				out = append(out, to)
			}
			cmds := []tea.Cmd{cmd}
			for len(cmds) > 0 {
				c := cmds[0]
				cmds = cmds[1:]
				if c == nil {
					continue
				}
				switch r := c().(type) {
				case tea.BatchMsg:
					cmds = append(cmds, r...)
				case common.Routed:
					queue = append(queue, r)
				}
			}
		}
	}
	return m, out
}

func text(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

var tab = tea.KeyPressMsg{Code: tea.KeyTab}

func TestAnswersAreReadBackInQuestionOrder(t *testing.T) {
	m, _ := setup(t, store.ThemeBoard{})
	m.SetAnswers(map[string]string{"big-dream": "A mountain ultra", "numbers-or-feelings": "Feelings, mostly"})
	v := ansi.Strip(m.View())
	first, second := strings.Index(v, "Feelings, mostly"), strings.Index(v, "A mountain ultra")
	if first < 0 || (second >= 0 && second < first) {
		t.Errorf("answers missing or out of order:\n%s", v)
	}
	if !strings.Contains(v, "(not answered yet)") {
		t.Error("unanswered questions are not marked")
	}
	if m.Typing() {
		t.Error("reading the answers should not take keys as text")
	}
}

func TestNotesAndMotivationAreSaved(t *testing.T) {
	m, st := setup(t, store.ThemeBoard{Notes: "old"})
	m, _ = send(m, tab)
	m, _ = send(m, text(" and new")...)
	m, _ = send(m, tab)
	m, _ = send(m, tea.PasteMsg{Content: "to feel\r\nfree"})
	if st.last.Notes != "old and new" || st.last.Motivation != "to feel free" {
		t.Errorf("saved %+v", st.last)
	}
	_, out := send(m, tab)
	if len(out) != 1 || out[0].To != common.NextStep(common.Themes) {
		t.Errorf("tab from the last field sent %v", out)
	}
}

func TestShiftTabFromTheAnswersGoesBack(t *testing.T) {
	m, _ := setup(t, store.ThemeBoard{})
	_, out := send(m, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	if len(out) != 1 || out[0].To != common.PrevStep(common.Themes) {
		t.Errorf("shift+tab sent %v", out)
	}
}
