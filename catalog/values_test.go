package catalog

import (
	"slices"
	"strings"
	"testing"
)

func TestValuesWellFormed(t *testing.T) {
	all := Values()
	if len(all) < 25 {
		t.Errorf("%d values, want about 25", len(all))
	}
	seenID := map[string]bool{}
	seenName := map[string]bool{}
	for _, v := range all {
		if !ideaSlugRE.MatchString(v.ID) {
			t.Errorf("ID %q is not a slug", v.ID)
		}
		if seenID[v.ID] || seenName[strings.ToLower(v.Name)] {
			t.Errorf("value %q listed twice", v.ID)
		}
		seenID[v.ID] = true
		seenName[strings.ToLower(v.Name)] = true
		for field, text := range map[string]string{"Name": v.Name, "Description": v.Description, "Serve": v.Serve} {
			if strings.TrimSpace(text) == "" {
				t.Errorf("%s: empty %s", v.ID, field)
			}
			if strings.Contains(text, "\n") {
				t.Errorf("%s: %s should be one line", v.ID, field)
			}
		}
		if n := len(v.Experiments); n < 2 || n > 3 {
			t.Errorf("%s: %d experiments, want 2 or 3", v.ID, n)
		}
		for _, e := range v.Experiments {
			if !strings.HasSuffix(e, ".") || e != strings.TrimSpace(e) {
				t.Errorf("%s: experiment %q should be one trimmed sentence", v.ID, e)
			}
		}
		if len(v.Themes) == 0 {
			t.Errorf("%s: no themes", v.ID)
		}
		for i, th := range v.Themes {
			if _, ok := LookupTheme(th); !ok {
				t.Errorf("%s: unknown theme %q", v.ID, th)
			}
			if slices.Contains(v.Themes[:i], th) {
				t.Errorf("%s: theme %q twice", v.ID, th)
			}
		}
	}
}

// TestValuesOffered holds the values the product promises to offer; the
// first ten are the ones seed 003 and the brief name.
func TestValuesOffered(t *testing.T) {
	want := []struct {
		id    string
		theme ThemeID // one theme the value must be close to
	}{
		{"adventure", Exploration},
		{"belonging", Affiliation},
		{"family", Affiliation},
		{"health", Health},
		{"growth", Achievement},
		{"calm", Coping},
		{"freedom", Joy},
		{"fun", Joy},
		{"challenge", Achievement},
		{"contribution", Meaning},
		{"discipline", Routine},
		{"independence", SelfEsteem},
		{"nature", Exploration},
		{"creativity", Joy},
		{"balance", Health},
		{"friendship", Affiliation},
		{"resilience", SelfEsteem},
		{"gratitude", Meaning},
		{"mastery", Achievement},
		{"community", Affiliation},
		{"courage", SelfEsteem},
		{"simplicity", Coping},
		{"play", Joy},
		{"curiosity", Exploration},
		{"presence", Coping},
		{"focus", Coping},
		{"confidence", SelfEsteem},
		{"achievement", Recognition},
	}
	for _, w := range want {
		v, ok := LookupValue(w.id)
		if !ok {
			t.Errorf("value %q missing", w.id)
			continue
		}
		if v.ID != w.id {
			t.Errorf("LookupValue(%q) returned %q", w.id, v.ID)
		}
		if !slices.Contains(v.Themes, w.theme) {
			t.Errorf("%s: themes %v, want %q among them", w.id, v.Themes, w.theme)
		}
	}
	if _, ok := LookupValue("no-such-value"); ok {
		t.Error("LookupValue found a value that does not exist")
	}
}

func TestValuesAreCopies(t *testing.T) {
	a := Values()
	a[0].Experiments[0] = "changed"
	a[0].Themes[0] = "changed"
	b, _ := LookupValue(a[0].ID)
	if b.Experiments[0] == "changed" || b.Themes[0] == "changed" {
		t.Error("changing the result of Values changed the catalog")
	}
}

// TestEveryThemeHasAValue makes sure the values step can speak to any
// theme the runner confirms.
func TestEveryThemeHasAValue(t *testing.T) {
	for _, th := range Themes() {
		found := false
		for _, v := range Values() {
			if slices.Contains(v.Themes, th.ID) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no value is close to theme %q", th.ID)
		}
	}
}

func TestValueName(t *testing.T) {
	for _, tc := range []struct{ id, own, want string }{
		{"calm", "", "Calm"},
		{"calm", "Stillness", "Stillness"},
		{"own-123", "Dog walks", "Dog walks"},
		{"gone", "", "gone"},
	} {
		if got := ValueName(tc.id, tc.own); got != tc.want {
			t.Errorf("ValueName(%q, %q) = %q, want %q", tc.id, tc.own, got, tc.want)
		}
	}
}
