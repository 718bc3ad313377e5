package catalog

import (
	"strings"
	"testing"
)

func TestEvidenceMarked(t *testing.T) {
	ev := Evidence{Sentence: "I hate races, honestly.", Triggers: []Span{{2, 6}, {7, 12}, {5, 9}, {20, 40}}}
	got := ev.Marked(func(s string) string { return "[" + s + "]" })
	if got != "I [hate] [races], honestly." {
		t.Errorf("Marked = %q", got)
	}
	if plain := (Evidence{Sentence: "no triggers"}).Marked(strings.ToUpper); plain != "no triggers" {
		t.Errorf("Marked without triggers = %q", plain)
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
