package textbox

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// newBox is a focused Model set up as cairn sets up its text areas, w
// cells wide (prompt included) and h rows high.
func newBox(w, h int) Model {
	tb := cairnBox("")
	tb.SetWidth(w)
	tb.SetHeight(h)
	tb.Focus()
	return tb
}

func keys(tb Model, names ...string) Model {
	for _, n := range names {
		tb, _ = tb.Update(press(n))
	}
	return tb
}

func typeText(tb Model, s string) Model {
	for _, r := range s {
		switch r {
		case '\n':
			tb = keys(tb, "enter")
		case ' ':
			tb = keys(tb, "space")
		default:
			tb = keys(tb, string(r))
		}
	}
	return tb
}

// screen is the view without colours, one string per row, right spaces
// trimmed and the prompt dropped.
func screen(tb Model) []string {
	rows := strings.Split(ansi.Strip(tb.View()), "\n")
	for i, r := range rows {
		rows[i] = strings.TrimRight(strings.TrimPrefix(r, "│ "), " ")
	}
	return rows
}

func numbered(from, to int) []string {
	var out []string
	for i := from; i < to; i++ {
		out = append(out, fmt.Sprintf("line %d", i))
	}
	return out
}

// padRows pads rows with empty rows to h.
func padRows(rows []string, h int) []string {
	for len(rows) < h {
		rows = append(rows, "")
	}
	return rows
}

func sameRows(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("screen\n%s\nwant\n%s", frame(strings.Join(got, "\n")), frame(strings.Join(want, "\n")))
	}
}

// TestViewFillsAfterDeleting is the bug that started this package: with
// 30 lines in an 18-row box and the cursor at the end, deleting lines from
// the bottom left the Bubbles textarea showing one line and 17 blank rows
// while twelve lines hid above. The view must slide back down instead.
func TestViewFillsAfterDeleting(t *testing.T) {
	tb := typeText(newBox(40, 18), strings.Join(numbered(0, 30), "\n"))
	sameRows(t, screen(tb), numbered(12, 30))
	for tb.LineCount() > 13 {
		tb = keys(tb, "ctrl+u", "backspace")
	}
	sameRows(t, screen(tb), padRows(numbered(0, 13), 18))
	if tb.ScrollYOffset() != 0 {
		t.Errorf("scrolled to row %d with everything fitting", tb.ScrollYOffset())
	}
	for tb.LineCount() > 1 {
		tb = keys(tb, "ctrl+u", "backspace")
	}
	sameRows(t, screen(tb), padRows(numbered(0, 1), 18))
}

// TestViewFillsAfterDeletingWrappedRows is the same with one paragraph
// wrapped over many rows, deleted back a word at a time.
func TestViewFillsAfterDeletingWrappedRows(t *testing.T) {
	tb := typeText(newBox(12, 4), strings.Repeat("word ", 20)) // 10 cells of text: two words a row
	if got := tb.ScrollYOffset(); got != 7 {
		t.Fatalf("offset %d at the end of 11 rows in 4, want 7", got)
	}
	for range 14 {
		tb = keys(tb, "ctrl+w")
	}
	sameRows(t, screen(tb), []string{"word word", "word word", "word word", ""})
	tb = keys(tb, "ctrl+u")
	sameRows(t, screen(tb), []string{"", "", "", ""})
}

// TestSmallHeights shows 1 to 3 rows of a 3-line text with the cursor on
// each line in turn: the cursor's line always shows, and the rows are
// always full.
func TestSmallHeights(t *testing.T) {
	lines := []string{"one", "two", "three"}
	for h := 1; h <= 3; h++ {
		t.Run(fmt.Sprintf("height %d", h), func(t *testing.T) {
			tb := newBox(20, h)
			tb.SetValue(strings.Join(lines, "\n"))
			// Straight after SetValue, before any Update: the cursor's
			// line (the last) shows.
			sameRows(t, screen(tb), lines[3-h:])
			tb = keys(tb, "ctrl+home")
			sameRows(t, screen(tb), lines[:h])
			for down := 1; down < 3; down++ {
				tb = keys(tb, "down")
				top := max(0, down-h+1)
				sameRows(t, screen(tb), lines[top:top+h])
			}
			for up := 1; up >= 0; up-- {
				tb = keys(tb, "up")
				if !strings.Contains(strings.Join(screen(tb), "\n"), lines[up]) {
					t.Errorf("cursor on %q, not shown: %q", lines[up], screen(tb))
				}
			}
		})
	}
}

// TestResizeKeepsCursorInView narrows, widens, shortens and grows the box
// with the cursor at the end of a wrapped paragraph.
func TestResizeKeepsCursorInView(t *testing.T) {
	tb := typeText(newBox(30, 3), strings.Repeat("stride ", 30))
	for _, size := range [][2]int{{12, 3}, {60, 3}, {30, 1}, {30, 20}, {8, 5}} {
		tb.SetWidth(size[0])
		tb.SetHeight(size[1])
		st := tb.st
		cr := st.cursorRow()
		if cr < tb.ScrollYOffset() || cr >= tb.ScrollYOffset()+tb.Height() {
			t.Errorf("at %v the cursor row %d is not in view from %d", size, cr, tb.ScrollYOffset())
		}
		if want := max(0, st.totalRows-tb.Height()); tb.ScrollYOffset() > want {
			t.Errorf("at %v scrolled to %d, past %d where the text fills the view", size, tb.ScrollYOffset(), want)
		}
		if got := len(screen(tb)); got != tb.Height() {
			t.Errorf("at %v the view has %d rows", size, got)
		}
	}
}

// TestPageKeys moves a page at a time through 20 numbered lines.
func TestPageKeys(t *testing.T) {
	tb := newBox(20, 5)
	tb.SetValue(strings.Join(numbered(0, 20), "\n"))
	tb = keys(tb, "ctrl+home", "pgdown")
	if tb.Line() != 4 {
		t.Fatalf("first page down to line %d, want the last shown, 4", tb.Line())
	}
	tb = keys(tb, "pgdown")
	if tb.Line() != 9 {
		t.Fatalf("second page down to line %d, want 9", tb.Line())
	}
	sameRows(t, screen(tb), numbered(5, 10))
	tb = keys(tb, "pgup", "pgup")
	if tb.Line() != 0 {
		t.Fatalf("page up twice to line %d, want 0", tb.Line())
	}
}

// TestPlaceholder shows the placeholder with the cursor on its first
// letter while the text is empty, and the text once there is some.
func TestPlaceholder(t *testing.T) {
	tb := cairnBox("Write whatever comes up.")
	tb.SetWidth(14)
	tb.SetHeight(3)
	tb.Focus()
	sameRows(t, screen(tb), []string{"Write", "whatever", "comes up."})
	tb = keys(tb, "a")
	sameRows(t, screen(tb), []string{"a", "", ""})
	tb = keys(tb, "backspace")
	sameRows(t, screen(tb), []string{"Write", "whatever", "comes up."})
}

// TestPasteInOneStep inserts a bracketed paste, newlines and tabs
// included, as one message.
func TestPasteInOneStep(t *testing.T) {
	tb := newBox(40, 6)
	tb = keys(tb, "a", "b")
	tb = keys(tb, "left")
	tb, _ = tb.Update(tea.PasteMsg{Content: "1\r\n2\t3\n"})
	if got, want := tb.Value(), "a1\n\n2    3\nb"; got != want {
		t.Fatalf("value %q, want %q (CRLF is two breaks, as in Bubbles)", got, want)
	}
	if tb.Line() != 3 || tb.Column() != 0 {
		t.Fatalf("cursor at %d:%d, want after the paste, 3:0", tb.Line(), tb.Column())
	}
}

// TestABlurredBoxShowsItsStart: with the cursor on the last of five lines
// in a box of three rows, the box shows the last rows while focused and
// the first once blurred, and the cursor's rows again when focused.
func TestABlurredBoxShowsItsStart(t *testing.T) {
	tb := typeText(newBox(30, 3), "one\ntwo\nthree\nfour\nfive")
	rows := func() string { return ansi.Strip(tb.View()) }
	if v := rows(); strings.Contains(v, "one") || !strings.Contains(v, "five") {
		t.Fatalf("focused:\n%s", v)
	}
	tb.Blur()
	if v := rows(); !strings.Contains(v, "one") || strings.Contains(v, "four") {
		t.Errorf("blurred:\n%s", v)
	}
	tb.Focus()
	if v := rows(); !strings.Contains(v, "five") {
		t.Errorf("focused again:\n%s", v)
	}
}
