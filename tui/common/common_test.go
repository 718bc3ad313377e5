package common

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestNormalizeNewlines(t *testing.T) {
	for in, want := range map[string]string{
		"a\r\nb\r\n":  "a\nb\n",
		"old mac\rb":  "old mac\nb",
		"mixed\r\n\r": "mixed\n\n",
		"plain\n":     "plain\n",
	} {
		if got := NormalizeNewlines(in); got != want {
			t.Errorf("NormalizeNewlines(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAdmitChecksTheTextAsItWillBeStored(t *testing.T) {
	area := NewTextArea(NewStyles(true), "")
	ctrlM := tea.KeyPressMsg{Code: 'm', Mod: tea.ModCtrl}
	lines := func(n int) string { return strings.Repeat("x\n", n-1) + "x" }
	cases := []struct {
		name string
		text string
		msg  tea.Msg
		ok   bool
	}{
		{"a letter", "some words", tea.KeyPressMsg{Code: 'a', Text: "a"}, true},
		{"enter", "some words", tea.KeyPressMsg{Code: tea.KeyEnter}, true},
		{"an arrow at the limit inserts nothing", strings.Repeat("x", MaxAnswerBytes), tea.KeyPressMsg{Code: tea.KeyLeft}, true},
		{"a letter at the limit", strings.Repeat("x", MaxAnswerBytes), tea.KeyPressMsg{Code: 'a', Text: "a"}, false},
		{"a paste that just fits", strings.Repeat("x", MaxAnswerBytes-100), tea.PasteMsg{Content: strings.Repeat("y", 100)}, true},
		{"a paste one byte too long", strings.Repeat("x", MaxAnswerBytes-100), tea.PasteMsg{Content: strings.Repeat("y", 101)}, false},
		{"CRLF counts once", strings.Repeat("x", MaxAnswerBytes-100), tea.PasteMsg{Content: strings.Repeat("y\r\n", 50)}, true},
		// The textarea turns a tab into four spaces: 30 tabs are 120 bytes.
		{"tabs count as they will be stored", strings.Repeat("x", MaxAnswerBytes-100), tea.PasteMsg{Content: strings.Repeat("\t", 30)}, false},
		{"the last line that fits", lines(MaxAnswerLines - 1), tea.KeyPressMsg{Code: tea.KeyEnter}, true},
		{"one line too many", lines(MaxAnswerLines), tea.KeyPressMsg{Code: tea.KeyEnter}, false},
		// The text area makes a line on ctrl+m too: it counts as enter does.
		{"ctrl+m makes the last line that fits", lines(MaxAnswerLines - 1), ctrlM, true},
		{"ctrl+m one line too many", lines(MaxAnswerLines), ctrlM, false},
		{"a paste that just fits in lines", lines(MaxAnswerLines - 10), tea.PasteMsg{Content: lines(11)}, true},
		{"a paste one line too many", lines(MaxAnswerLines - 10), tea.PasteMsg{Content: lines(12)}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			area.SetValue(tc.text)
			_, why := Admit(tc.msg, &area)
			if (why == "") != tc.ok {
				t.Errorf("admitted = %v (%q), want %v", why == "", why, tc.ok)
			}
		})
	}
}

func TestAdmitLineFoldsAndRefusesWhole(t *testing.T) {
	cases := []struct {
		name string
		text string
		msg  tea.Msg
		want string // what is passed on; "" when refused
	}{
		{"a letter", "Hill", tea.KeyPressMsg{Code: 's', Text: "s"}, "s"},
		{"a letter at the limit", strings.Repeat("n", 10), tea.KeyPressMsg{Code: 's', Text: "s"}, ""},
		{"a key that types nothing at the limit", strings.Repeat("n", 10), tea.KeyPressMsg{Code: tea.KeyLeft}, "left"},
		{"a paste is folded onto one line", "", tea.PasteMsg{Content: "quiet\r\n\truns  "}, "quiet runs"},
		{"a paste that just fits", "Hill", tea.PasteMsg{Content: "y é 🏃!"}, "y é 🏃!"},
		{"a paste one character too long", "Hill", tea.PasteMsg{Content: "y é 🏃!?"}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			msg, why := AdmitLine(tc.msg, tc.text, 10, "A name")
			if tc.want == "" {
				if why != "A name holds up to 10 characters; nothing was added." {
					t.Errorf("refusal = %q", why)
				}
				return
			}
			if why != "" {
				t.Fatalf("refused: %q", why)
			}
			var got string
			switch m := msg.(type) {
			case tea.PasteMsg:
				got = m.Content
			case tea.KeyPressMsg:
				got = m.String()
			}
			if got != tc.want {
				t.Errorf("passed on %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCleanPaste(t *testing.T) {
	for in, want := range map[string]string{
		"a\r\nb\tc":           "a\nb    c",
		"bell\a and \x1b[31m": "bell and [31m",
		"bad \xff byte":       "bad  byte",
		"é 🏃 kept":            "é 🏃 kept",
	} {
		if got := CleanPaste(in); got != want {
			t.Errorf("CleanPaste(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStepsWalkInOrder(t *testing.T) {
	s := Welcome
	var walked []Screen
	for range len(Steps) + 2 {
		s = NextStep(s)
		walked = append(walked, s)
	}
	if walked[0] != Steps[0] || walked[len(walked)-1] != Steps[len(Steps)-1] {
		t.Errorf("walk = %v", walked)
	}
	if PrevStep(Steps[0]) != Steps[0] {
		t.Error("PrevStep left the first step")
	}
	for _, step := range Steps {
		if got, ok := ParseScreen(step.String()); !ok || got != step {
			t.Errorf("ParseScreen(%q) = %v, %v", step, got, ok)
		}
	}
}

// TestWrapFitsEitherMeasureOfAJoinedEmoji: "😮‍💨" is two cells where the
// terminal joins it and four where it does not (tmux); a line wrapped to
// the edge by the first measure lost its last letter in the second.
func TestWrapFitsEitherMeasureOfAJoinedEmoji(t *testing.T) {
	base := "I was out of breath on the hill 😮‍💨 but the view at the top was worth every 👨‍👩‍👧 step of it ❤️ and the 🇬🇧 flag flew, 👍🏽 and then some more words follow here to fill the lines"
	for w := 10; w <= 80; w++ {
		out := Wrap(base, w)
		if got, want := strings.Join(strings.Fields(out), " "), strings.Join(strings.Fields(base), " "); got != want {
			t.Fatalf("at %d words were lost:\n%s", w, out)
		}
		for _, l := range strings.Split(out, "\n") {
			if ansi.StringWidth(l) > w || ansi.StringWidthWc(l) > w {
				t.Errorf("at %d a line is %d cells joined, %d apart: %q", w, ansi.StringWidth(l), ansi.StringWidthWc(l), l)
			}
		}
	}
	if got := Wrap("plain words only", 8); got != "plain\nwords\nonly" {
		t.Errorf("plain text wraps as before: %q", got)
	}
}

func TestWrapIndentedKeepsEachLinesIndent(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		width      int
		want       string
	}{
		{"plain", "easy miles by the canal", 10, "easy miles\nby the\ncanal"},
		{"spaces", "  To try: easy miles by the canal", 14, "  To try: easy\n  miles by the\n  canal"},
		{"bullet", "• Run Tuesday and Thursday", 12, "• Run\n  Tuesday\n  and\n  Thursday"},
		{"dash under spaces", "  - hills and a long run", 12, "  - hills\n    and a\n    long run"},
		{"lines apart", "Things:\n- a trail half\nmore words here", 10, "Things:\n- a trail\n  half\nmore words\nhere"},
		{"indent too deep falls back", "        deep indent words", 12, "        deep\nindent words"},
	} {
		if got := WrapIndented(tc.text, tc.width); got != tc.want {
			t.Errorf("%s: got\n%q\nwant\n%q", tc.name, got, tc.want)
		}
	}
}
