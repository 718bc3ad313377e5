package catalog

import (
	"slices"
	"strings"
	"testing"
)

func TestGoalHintsCoverEveryTheme(t *testing.T) {
	covered := map[ThemeID]bool{}
	for _, h := range Hints() {
		if h.Text == "" || len(h.Themes) == 0 {
			t.Errorf("empty hint: %+v", h)
		}
		for _, th := range h.Themes {
			if _, ok := LookupTheme(th); !ok {
				t.Errorf("hint %q names unknown theme %q", h.Text, th)
			}
			covered[th] = true
		}
		for _, seedWords := range []string{"If you love the data", "If you hate races", "race goals probably aren't right"} {
			if strings.Contains(h.Text, seedWords) {
				t.Errorf("hint copies the seed: %q", h.Text)
			}
		}
	}
	for _, th := range Themes() {
		if !covered[th.ID] {
			t.Errorf("no hint for theme %s", th.ID)
		}
		if len(GoalHints([]ThemeID{th.ID}, nil)) == 0 && len(GoalHints(nil, []ThemeID{th.ID})) == 0 {
			t.Errorf("GoalHints gives nothing for %s in either direction", th.ID)
		}
	}
}

func TestGoalHints(t *testing.T) {
	hint := func(prefix string) string {
		for _, h := range goalHints {
			if strings.HasPrefix(h.Text, prefix) {
				return h.Text
			}
		}
		t.Fatalf("no hint starts with %q", prefix)
		return ""
	}
	measure := hint("You like something to measure")
	noRace := hint("You'd rather not race")
	feel := hint("How running feels matters most")
	people := hint("People make your running")
	week := hint("Steady habits suit you")
	noWeight := hint("Keep weight out of your goals")

	cases := []struct {
		toward, averse []ThemeID
		first          string
		has            []string
	}{
		{[]ThemeID{Achievement}, nil, measure, nil},
		{[]ThemeID{Competition, Achievement}, nil, measure, nil},
		{nil, []ThemeID{Competition}, noRace, nil},
		{[]ThemeID{Joy, Coping}, nil, feel, nil},
		{[]ThemeID{Affiliation}, nil, people, nil},
		{[]ThemeID{Routine}, nil, week, nil},
		{nil, []ThemeID{Weight}, noWeight, nil},
		{[]ThemeID{Affiliation, Routine}, []ThemeID{Competition}, people, []string{week, noRace}},
	}
	for _, c := range cases {
		got := GoalHints(c.toward, c.averse)
		if len(got) == 0 || got[0] != c.first {
			t.Errorf("GoalHints(%v, %v)[0] = %q, want %q", c.toward, c.averse, first(got), c.first)
		}
		for _, h := range c.has {
			if !slices.Contains(got, h) {
				t.Errorf("GoalHints(%v, %v) lacks %q", c.toward, c.averse, h)
			}
		}
		if len(got) > maxGoalHints {
			t.Errorf("GoalHints(%v, %v) gives %d hints", c.toward, c.averse, len(got))
		}
	}
	if got := GoalHints(nil, nil); len(got) != 0 {
		t.Errorf("GoalHints(nil, nil) = %q", got)
	}
	all := GoalHints(allThemeIDs(), allThemeIDs())
	if len(all) != maxGoalHints {
		t.Errorf("with every theme confirmed, want %d hints, got %d", maxGoalHints, len(all))
	}
	// Spread first: the second hint is about a different theme than the first.
	two := GoalHints([]ThemeID{Competition, Joy}, nil)
	if len(two) < 2 || two[1] == hint("Racing lights you up") {
		t.Errorf("hints should spread across themes before doubling up: %q", two)
	}
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func allThemeIDs() []ThemeID {
	var ids []ThemeID
	for _, th := range Themes() {
		ids = append(ids, th.ID)
	}
	return ids
}
