package history

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

// shelf is a fake store of seasons, counting reads.
type shelf struct {
	seasons map[string]workbook.Snapshot
	reads   int
}

func (s *shelf) Workbook(id string) (workbook.Snapshot, error) {
	s.reads++
	wb, ok := s.seasons[id]
	if !ok {
		return wb, errors.New("no such season")
	}
	return wb, nil
}

func season(id, name, answer string) workbook.Snapshot {
	return workbook.Snapshot{
		Season:  workbook.Season{ID: id, Name: name, Started: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)},
		Answers: map[string]workbook.Answer{"proud-moment": {Text: answer}},
	}
}

func send(m Model, msg tea.Msg) Model {
	m, cmd := m.Update(msg)
	for cmd != nil {
		var next tea.Cmd
		m, next = m.Update(cmd())
		cmd = next
	}
	return m
}

func TestPastSeasonsReadOneAtATimeNewestFirst(t *testing.T) {
	st := &shelf{seasons: map[string]workbook.Snapshot{
		"a": season("a", "Spring 2026", "first parkrun"),
		"b": season("b", "Autumn 2026", "the hill race"),
	}}
	cur := workbook.Season{ID: "c", Name: "Winter 2027"}
	all := []workbook.Season{st.seasons["a"].Season, st.seasons["b"].Season, cur}
	b := st.seasons["b"]
	b.Season.From, b.Season.Carried, b.Season.Why = "a", workbook.Carry{Values: true}, workbook.NewCycle
	st.seasons["b"] = b
	all[1] = b.Season

	m := New(common.Env{Styles: common.NewStyles(true), Now: time.Now}, st)
	m.SetSize(80, 200)
	back := common.NavigateMsg{To: common.Welcome, Question: -1}
	if cmd := m.Open(all, cur.ID, back); cmd != nil {
		m = send(m, cmd())
	}
	v := ansi.Strip(m.View())
	for _, want := range []string{"‹ Autumn 2026 · 1 of 2, newest first ›", "the hill race", "Begun: a new training cycle.", "Carried over from Spring 2026: values."} {
		if !strings.Contains(v, want) {
			t.Errorf("lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "Winter 2027") {
		t.Error("the current season is among the past ones")
	}
	m = send(m, tea.KeyPressMsg{Code: tea.KeyLeft})
	if v := ansi.Strip(m.View()); !strings.Contains(v, "first parkrun") || !strings.Contains(v, "2 of 2") {
		t.Errorf("← did not go back a season:\n%s", v)
	}
	m = send(m, tea.KeyPressMsg{Code: tea.KeyRight})
	m = send(m, tea.KeyPressMsg{Code: tea.KeyLeft})
	if st.reads != 2 {
		t.Errorf("%d reads for two seasons shown again and again", st.reads)
	}
	m = send(m, tea.KeyPressMsg{Code: tea.KeyEscape})
	if to, ok := m.TakeNavigation(); !ok || to != back {
		t.Errorf("esc went to %+v", to)
	}
}

func TestNoPastSeasonsAndAnUnreadableOne(t *testing.T) {
	st := &shelf{seasons: map[string]workbook.Snapshot{}}
	m := New(common.Env{Styles: common.NewStyles(true), Now: time.Now}, st)
	m.SetSize(60, 20)
	m.Open([]workbook.Season{{ID: "c"}}, "c", common.GoTo(common.Welcome))
	if v := ansi.Strip(m.View()); !strings.Contains(v, "No past seasons yet") {
		t.Errorf("a first season:\n%s", v)
	}
	cmd := m.Open([]workbook.Season{{ID: "gone", Name: "Gone"}, {ID: "c"}}, "c", common.GoTo(common.Welcome))
	m = send(m, cmd())
	if v := ansi.Strip(m.View()); !strings.Contains(v, "could not be read: no such season") {
		t.Errorf("an unreadable season:\n%s", v)
	}
}
