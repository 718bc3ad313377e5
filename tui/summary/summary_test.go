package summary

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/tui/common"
)

func TestRenderShowsTheWholeSeason(t *testing.T) {
	season := Season{
		Season:  store.Season{Name: "Season of March 2027", Started: time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)},
		Answers: map[string]string{"proud-moment": "My first 10k"},
		Themes:  store.ThemeBoard{Motivation: "time for me", Notes: "headspace", Top: "coping"},
		Toward:  []common.Ref{{ID: "coping", Name: "Headspace"}, {ID: "joy", Name: "Joy"}},
		Averse:  []common.Ref{{ID: "competition", Name: "Competition"}},
		Goals: []store.Goal{
			{Tier: "big", Text: "Half marathon\nin October", Feel: "scary"},
			{Tier: "small", Text: "Run Tue/Thu at 7", Feel: "doable"},
		},
	}
	out := ansi.Strip(Render(season, common.NewStyles(true), 70))
	for _, want := range []string{"Season of March 2027", "time for me", "headspace", "Headspace ★ · Joy", "You'd rather not", "Competition", "Run Tue/Thu at 7 (doable)",
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
