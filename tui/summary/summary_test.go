package summary

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/workbook"
)

func TestRenderShowsTheWholeSeason(t *testing.T) {
	season := Season{
		Season:  workbook.Season{Name: "Season of March 2027", Started: time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)},
		Answers: map[string]string{"proud-moment": "My first 10k"},
		Themes:  workbook.ThemeBoard{Motivation: "time for me", Notes: "headspace", Top: workbook.Theme("coping")},
		Toward:  []common.Ref{{Ref: workbook.Theme("coping"), Name: "Headspace"}, {Ref: workbook.Theme("joy"), Name: "Joy"}},
		Averse:  []common.Ref{{Ref: workbook.Theme("competition"), Name: "Competition"}},
		Values:  []Value{{Name: "Calm", Serve: "quiet loops\nat dawn", Experiment: "no watch on Sunday"}},
		Goals: []workbook.Goal{
			{Tier: workbook.Big, Text: "Half marathon\nin October", Feel: workbook.Scary},
			{Tier: workbook.Small, Text: "Run Tue/Thu at 7", Feel: workbook.Doable},
		},
	}
	out := ansi.Strip(Render(season, common.NewStyles(true), 70))
	for _, want := range []string{"Season of March 2027", "time for me", "headspace", "Headspace ★ · Joy", "You'd rather not", "Competition", "• Calm", "Running serves it: quiet loops at dawn", "To try: no watch on Sunday", "Run Tue/Thu at 7 (doable)",
		"Half marathon in October (a little scary)", "My first 10k", "(not answered yet)"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	if strings.Index(out, "Small") > strings.Index(out, "Big") {
		t.Error("tiers out of order")
	}
	for _, l := range strings.Split(out, "\n") {
		if len([]rune(l)) > 70 {
			t.Errorf("line wider than 70: %q", l)
		}
	}
}

func TestRenderOfAnEmptySeason(t *testing.T) {
	out := ansi.Strip(Render(Season{}, common.NewStyles(false), 40))
	if !strings.Contains(out, "No goals drafted yet.") || !strings.Contains(out, "Not named yet.") {
		t.Errorf("empty season:\n%s", out)
	}
}

func TestSummaryScrollsAndGoesBack(t *testing.T) {
	m := New(common.Env{Styles: common.NewStyles(true)})
	m.SetSize(60, 8)
	answers := map[string]string{}
	for _, id := range []string{"proud-moment", "big-dream", "next-step"} {
		answers[id] = strings.Repeat("A long answer that needs room. ", 8)
	}
	m.SetSeason(Season{Season: workbook.Season{Name: "Season of May 2027"}, Answers: answers})
	top := ansi.Strip(m.View())
	if !strings.Contains(top, "Season of May 2027") {
		t.Fatalf("the summary does not start at the top:\n%s", top)
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyPgDown})
	if ansi.Strip(m.View()) == top {
		t.Error("page down did not scroll")
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	if to, ok := m.TakeNavigation(); !ok || to.To != common.PrevStep(common.Summary) {
		t.Errorf("shift+tab asked for %+v, %v", to, ok)
	}
}

// TestWrappedLinesKeepTheirIndent: a value's "Running serves it:" and a
// goal's bullet wrap under their first word, not back at the margin.
func TestWrappedLinesKeepTheirIndent(t *testing.T) {
	season := Season{
		Values:  []Value{{Name: "Calm", Serve: "An easy loop after a night shift, with no watch and no plan, along the canal"}},
		Goals:   []workbook.Goal{{Tier: workbook.Small, Text: "Run Tuesday and Thursday at 7am, before my shift, with the head torch on the canal path"}},
		Answers: map[string]string{"big-dream": "Things I want:\n- a trail half marathon in the mountains, not to race it but to be out there all morning"},
	}
	out := ansi.Strip(Render(season, common.NewStyles(true), 40))
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		var want string
		switch {
		case strings.HasPrefix(l, "  Running serves it:"):
			want = "  "
		case strings.HasPrefix(l, "• Run Tuesday"), strings.HasPrefix(l, "- a trail half"):
			want = "  "
		default:
			continue
		}
		next := lines[i+1]
		if !strings.HasPrefix(next, want) || strings.TrimSpace(next) == "" {
			t.Errorf("%q wraps to %q, losing its indent", l, next)
		}
	}
}

// TestTheSummaryGoesToItsEnds: home and g, end and G, as a pager does;
// pgdn a page at a time.
func TestTheSummaryGoesToItsEnds(t *testing.T) {
	m := New(common.Env{Styles: common.NewStyles(true)})
	m.SetSize(60, 8)
	answers := map[string]string{}
	for _, id := range []string{"proud-moment", "big-dream", "next-step"} {
		answers[id] = strings.Repeat("A long answer that needs room. ", 8)
	}
	m.SetSeason(Season{Season: workbook.Season{Name: "Season of May 2027"}, Answers: answers})
	for _, k := range []tea.KeyPressMsg{{Code: tea.KeyEnd}, {Code: 'G', Text: "G"}} {
		m.page.GotoTop()
		m, _ = m.Update(k)
		if !m.page.AtBottom() {
			t.Errorf("%s did not go to the end", k)
		}
	}
	for _, k := range []tea.KeyPressMsg{{Code: tea.KeyHome}, {Code: 'g', Text: "g"}} {
		m.page.GotoBottom()
		m, _ = m.Update(k)
		if !m.page.AtTop() {
			t.Errorf("%s did not go to the top", k)
		}
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyPgDown})
	if m.page.YOffset() != m.page.Height() {
		t.Errorf("pgdn moved to line %d, want a page (%d)", m.page.YOffset(), m.page.Height())
	}
}
