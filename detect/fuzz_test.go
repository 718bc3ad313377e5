package detect

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDetect is the reliability suite's theme engine (issue 12, part 8):
// any text, split into answers at blank lines as cairn themes splits a
// file, gives findings without a panic, the same findings twice, and
// evidence that quotes the text it was given.
func FuzzDetect(f *testing.F) {
	for _, s := range []string{
		"Numbers, if I'm honest. I keep a spreadsheet of every run.",
		"I run to clear my head.\n\nI'd rather not race again; the start line makes me sick.",
		"Running with my club on Sundays is the best part of the week. Not for me: track sessions.",
		"",
		"\x00\xff not text",
		strings.Repeat("hills ", 500),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var sources []Source
		for i, p := range strings.Split(text, "\n\n") {
			sources = append(sources, Source{Label: "paragraph " + string(rune('a'+i%26)), Text: p})
		}
		first := Detect(sources)
		second := Detect(sources)
		if len(first) != len(second) {
			t.Fatalf("two readings of the same text: %d and %d findings", len(first), len(second))
		}
		for _, fd := range first {
			for _, e := range fd.Evidence {
				for _, w := range strings.Fields(e.Sentence) {
					if utf8.ValidString(text) && !strings.Contains(text, w) {
						t.Fatalf("evidence %q has %q, which is not in the text", e.Sentence, w)
					}
				}
			}
		}
	})
}
