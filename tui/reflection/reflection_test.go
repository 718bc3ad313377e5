package reflection

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/charmbracelet/x/ansi"

	"github.com/cairn-run/cairn/catalog"
	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

type answers struct {
	mu    sync.Mutex
	saved map[string]string
}

func (a *answers) SaveAnswer(_ string, ans workbook.Answer) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.saved[ans.Question] = ans.Text
	return nil
}

// setup returns a screen whose timers fire at once, and its saved answers.
func setup(t *testing.T, saved map[string]workbook.Answer, at int) (Model, *answers) {
	t.Helper()
	now := func() time.Time { return time.Date(2026, 11, 20, 21, 0, 0, 0, time.UTC) }
	env := common.Env{
		Season: "s", Ledger: common.NewLedger(), Styles: common.NewStyles(true), Now: now,
		Tick: func(_ time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
			return func() tea.Msg { return fn(now()) }
		},
	}
	st := &answers{saved: map[string]string{}}
	m := New(env, st, saved, at)
	m.SetSize(80, 20)
	return m, st
}

// send updates m with msg and runs the commands that follow, returning any
// move the screen asked for.
func send(m Model, msg tea.Msg) (Model, []common.NavigateMsg) {
	var nav []common.NavigateMsg
	queue := []tea.Msg{msg}
	for len(queue) > 0 {
		var cmd tea.Cmd
		m, cmd = m.Update(queue[0])
		queue = queue[1:]
		if to, ok := m.TakeNavigation(); ok {
			nav = append(nav, to)
		}
		cmds := []tea.Cmd{cmd}
		for len(cmds) > 0 {
			c := cmds[0]
			cmds = cmds[1:]
			if c == nil {
				continue
			}
			switch out := c().(type) {
			case tea.BatchMsg:
				cmds = append(cmds, out...)
			case nil:
			default:
				queue = append(queue, out)
			}
		}
	}
	return m, nav
}

func typeText(m Model, s string) Model {
	for _, r := range s {
		k := tea.KeyPressMsg{Code: r, Text: string(r)}
		if r == '\n' {
			k = tea.KeyPressMsg{Code: tea.KeyEnter}
		}
		m, _ = send(m, k)
	}
	return m
}

var (
	tab      = tea.KeyPressMsg{Code: tea.KeyTab}
	shiftTab = tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
)

func TestOpensOnSavedAnswersAtTheGivenQuestion(t *testing.T) {
	qs := catalog.Questions()
	m, _ := setup(t, map[string]workbook.Answer{qs[2].ID: {Question: qs[2].ID, Text: "I hate races"}}, 2)
	if m.Index() != 2 || !strings.Contains(m.View(), "I hate races") || !strings.Contains(m.View(), "Question 3 of 8") {
		t.Errorf("opened on %d:\n%s", m.Index(), m.View())
	}
}

func TestTypingIsSavedAndTabMovesOn(t *testing.T) {
	m, st := setup(t, nil, 0)
	m = typeText(m, "numbers\nand feelings")
	qs := catalog.Questions()
	if got := st.saved[qs[0].ID]; got != "numbers\nand feelings" {
		t.Errorf("saved %q", got)
	}
	m, _ = send(m, tab)
	if m.Index() != 1 {
		t.Errorf("tab went to %d", m.Index())
	}
	m, _ = send(m, shiftTab)
	m, _ = send(m, shiftTab)
	if m.Index() != 0 {
		t.Errorf("shift+tab from the first question went to %d", m.Index())
	}
}

func TestTabAfterTheLastQuestionAsksForTheNextStep(t *testing.T) {
	m, _ := setup(t, nil, len(catalog.Questions())-1)
	_, nav := send(m, tab)
	if len(nav) != 1 || nav[0].To != common.NextStep(common.Reflect) {
		t.Errorf("navigation = %+v", nav)
	}
}

func TestLeavingAQuestionSavesItEvenBeforeTheDebounce(t *testing.T) {
	m, st := setup(t, nil, 0)
	m.env.Tick = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil } // ticks never fire
	m.Saver = common.NewSaver(common.Reflect, m.env)
	m = typeText(m, "unsaved so far")
	if len(st.saved) != 0 {
		t.Fatal("saved before any tick")
	}
	m, _ = send(m, tab)
	if got := st.saved[catalog.Questions()[0].ID]; got != "unsaved so far" {
		t.Errorf("leaving the question saved %q", got)
	}
}

func TestInsertionsPastTheLimitAreRefusedWhole(t *testing.T) {
	m, st := setup(t, nil, 0)
	m, _ = send(m, tea.PasteMsg{Content: strings.Repeat("é", common.MaxAnswerBytes/2)}) // exactly the limit in bytes
	id := catalog.Questions()[0].ID
	if len(st.saved[id]) != common.MaxAnswerBytes {
		t.Fatalf("saved %d bytes, want %d", len(st.saved[id]), common.MaxAnswerBytes)
	}
	m, _ = send(m, tea.KeyPressMsg{Code: 'x', Text: "x"})
	if why := m.TakeRefusal(); len(st.saved[id]) != common.MaxAnswerBytes || !strings.Contains(why, "This answer is full") {
		t.Errorf("a key past the limit was taken or not explained (%q)", why)
	}
	m, _ = send(m, tea.KeyPressMsg{Code: tea.KeyBackspace})
	if why := m.TakeRefusal(); why != "" {
		t.Errorf("the next edit was refused too: %q", why)
	}
}

func TestEnterWorksPastNinetyNineLines(t *testing.T) {
	m, st := setup(t, nil, 0)
	m = typeText(m, strings.Repeat("x\n", 120)+"end")
	if got := strings.Count(st.saved[catalog.Questions()[0].ID], "\n"); got != 120 {
		t.Errorf("%d line breaks kept, want 120", got)
	}
}

// TestAPasteIsNeverCutToFit: the Bubbles textarea would keep 10,000 lines
// of a longer paste and drop the rest without a word.
func TestAPasteIsNeverCutToFit(t *testing.T) {
	m, st := setup(t, nil, 0)
	id := catalog.Questions()[0].ID
	m, _ = send(m, tea.PasteMsg{Content: strings.Repeat("x\n", common.MaxAnswerLines)}) // 10,001 lines
	if got := st.saved[id]; got != "" {
		t.Fatalf("a paste past the line limit was taken in part: %d lines", strings.Count(got, "\n")+1)
	}
	if why := m.TakeRefusal(); !strings.Contains(why, "Not added") {
		t.Errorf("the refusal was not explained (%q)", why)
	}
	m, _ = send(m, tea.PasteMsg{Content: strings.Repeat("x\n", common.MaxAnswerLines-1) + "last"})
	if got := st.saved[id]; strings.Count(got, "\n")+1 != common.MaxAnswerLines || !strings.HasSuffix(got, "last") {
		t.Errorf("a paste of exactly the limit was not kept whole (%d lines)", strings.Count(got, "\n")+1)
	}
}

// TestTheAnswerBoxShowsTheLinesLeftAfterDeleting: after deleting lines
// from the end of a long answer back up to a short one, every line left
// is on screen, not one line under empty rows with the rest hidden above.
func TestTheAnswerBoxShowsTheLinesLeftAfterDeleting(t *testing.T) {
	m, _ := setup(t, nil, 0)
	var lines []string
	for i := range 30 {
		lines = append(lines, fmt.Sprintf("line %02d", i+1))
	}
	m, _ = send(m, tea.PasteMsg{Content: strings.Join(lines, "\n")})
	ctrlU := tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
	backspace := tea.KeyPressMsg{Code: tea.KeyBackspace}
	for range 25 { // down to five lines: each line emptied, then joined to the one above
		m, _ = send(m, ctrlU)
		m, _ = send(m, backspace)
	}
	v := ansi.Strip(m.View())
	for _, want := range lines[:5] {
		if !strings.Contains(v, want) {
			t.Errorf("after deleting back to five lines, %q is hidden:\n%s", want, v)
		}
	}
}
