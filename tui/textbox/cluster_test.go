package textbox

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// TestTheCursorMovesByCluster: left, right, backspace, delete, transpose,
// up and down and SetCursorColumn step over a grapheme cluster whole: an
// emoji with a skin tone, a ZWJ family, a flag, a letter and its accent.
// Moving by rune put the cursor inside "💪🏽", and X typed there gave
// "💪X🏽".
func TestTheCursorMovesByCluster(t *testing.T) {
	const (
		strong = "💪🏽"
		family = "👨\u200d👩\u200d👧"
		uk     = "🇬🇧"
		fr     = "🇫🇷"
		eacute = "e\u0301"
	)
	cases := []struct {
		name, text string
		keys       []string
		typed      string
		want       string
	}{
		{"left over a skin tone, then type", "strong " + strong, []string{"end", "left", "left"}, "X", "strongX " + strong},
		{"left once, then type", "a" + strong, []string{"end", "left"}, "X", "aX" + strong},
		{"backspace a skin tone whole", "a" + strong + "b", []string{"end", "left", "backspace"}, "", "ab"},
		{"delete a family whole", "x" + family + "y", []string{"home", "right", "delete"}, "", "xy"},
		{"right over a family, then type", "x" + family + "y", []string{"home", "right", "right"}, "Z", "x" + family + "Zy"},
		{"between two flags", uk + fr, []string{"end", "left", "backspace"}, "", fr},
		{"a letter and its accent", "caf" + eacute + "s", []string{"end", "left", "left"}, "X", "cafX" + eacute + "s"},
		{"delete an accented letter", "caf" + eacute, []string{"end", "left", "delete"}, "", "caf"},
		{"transpose clusters", "a" + strong, []string{"end", "ctrl+t"}, "", strong + "a"},
		{"shift+left selects a cluster", "ab" + family, []string{"end", "shift+left", "backspace"}, "", "ab"},
		{"up lands beside a cluster", "ab" + strong + "cd\nabcdef", []string{"home", "right", "right", "right", "up"}, "X", "ab" + strong + "Xcd\nabcdef"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tb := newBox(40, 4)
			tb.SetValue(c.text)
			tb = keys(tb, c.keys...)
			tb = typeText(tb, c.typed)
			got := tb.Value()
			if c.want != "" && got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
			// Never inside a cluster: the text holds every cluster whole.
			for _, line := range strings.Split(got, "\n") {
				for rest := line; rest != ""; {
					cl, _ := ansi.FirstGraphemeCluster(rest, ansi.GraphemeWidth)
					if strings.Contains(cl, "X") && utf8.RuneCountInString(cl) > 1 {
						t.Errorf("X landed inside the cluster %q: %q", cl, got)
					}
					rest = rest[len(cl):]
				}
			}
		})
	}

	tb := newBox(40, 4)
	tb.SetValue("a" + strong + "b")
	tb.SetCursorColumn(2) // between 💪 and 🏽
	if tb.Column() != 1 {
		t.Errorf("SetCursorColumn(2) put the cursor at %d, inside the emoji", tb.Column())
	}
}
