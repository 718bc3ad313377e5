package textbox

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// rowsOf lays text out at width and returns its rows as drawn, each with
// its width: spaces plain and the last row with the cursor's cell.
func rowsOf(text string, width int) (rows []string, cells []int, broke bool) {
	var a, b meter
	rs := []rune(text)
	l := wrap(rs, width, &a, &b)
	for i := range l.starts {
		var s strings.Builder
		for j := l.starts[i]; j < l.starts[i]+l.rowLen(i, len(rs)); j++ {
			if j >= len(rs) || isSpace(rs[j]) {
				s.WriteByte(' ')
			} else {
				s.WriteRune(rs[j])
			}
		}
		rows = append(rows, s.String())
	}
	return rows, l.cells, l.broke()
}

func TestWrap(t *testing.T) {
	family := "👨\u200d👩\u200d👧"
	for _, c := range []struct {
		name  string
		text  string
		width int
		rows  []string
		broke bool // breaks a word where Bubbles overflows the row
	}{
		{"empty", "", 5, []string{" "}, false},
		{"short", "abc", 5, []string{"abc "}, false},
		{"one short of the width", "abcd", 5, []string{"abcd "}, false},
		// The cursor needs a cell after the last rune.
		{"exactly the width", "abcde", 5, []string{"abcde", " "}, false},
		{"two words exactly the width", "ab cd", 5, []string{"ab ", "cd "}, false},
		{"words move whole", "the run felt easy", 9, []string{"the run ", "felt ", "easy "}, false},
		// A space after a word that filled its row begins the next row.
		{"space after a full row", "hello world", 5, []string{"hello", " ", "world", " "}, false},
		{"word longer than the width", "abcdefghij", 4, []string{"abcd", "efgh", "ij "}, false},
		{"long word after a short one", "a bcdefgh", 4, []string{"a ", "bcde", "fgh "}, false},
		{"trailing spaces", "ab   ", 4, []string{"ab  ", "  "}, false},
		{"trailing space fills the row", "abc ", 4, []string{"abc ", " "}, false},
		{"odd spaces drawn plain", "a\u00a0b\u3000c", 9, []string{"a b c "}, false},
		{"wide runes", "中文字", 4, []string{"中文", "字 "}, false},
		{"wide runes at an odd width", "中文字", 5, []string{"中文", "字 "}, false},
		{"wide word at the edge", "ab 中文", 5, []string{"ab ", "中文 "}, false},
		// Bubbles puts "ab中" (4 cells) on a 3-cell row and cuts it.
		{"wide rune ends a narrow word", "ab中", 3, []string{"ab", "中 "}, true},
		{"joined emoji is one wide cluster", "a " + family + " b", 6, []string{"a " + family + " ", "b "}, false},
		{"combining marks take no cell", "e\u0301e\u0301e\u0301", 4, []string{"e\u0301e\u0301e\u0301 "}, false},
		{"width one", "ab", 1, []string{"a", "b", " "}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			rows, cells, broke := rowsOf(c.text, c.width)
			if !slices.Equal(rows, c.rows) {
				t.Fatalf("rows %q, want %q", rows, c.rows)
			}
			if broke != c.broke {
				t.Errorf("broke %v, want %v", broke, c.broke)
			}
			for i, row := range rows {
				if w := ansi.StringWidth(row); w != cells[i] {
					t.Errorf("row %d %q: cells %d, measured %d", i, row, cells[i], w)
				}
				// A row may be one over only by the space it ends with,
				// which is not drawn.
				if w := ansi.StringWidth(strings.TrimSuffix(row, " ")); w > c.width {
					t.Errorf("row %d %q is %d cells wide, more than %d", i, row, w, c.width)
				}
			}
		})
	}
}

// lineText is random text for one line, with runes that widen the cluster
// before them (a variation selector, a keycap) besides those randomText
// types: they make rows that wrapping cannot start again from.
func lineText(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		if r.IntN(8) == 0 {
			b.WriteString([]string{"❤\ufe0f", "1\ufe0f\u20e3", "\ufe0f", "\u200d"}[r.IntN(4)])
			continue
		}
		b.WriteString(randomText(r, 1, false, true))
	}
	return b.String()
}

// TestRewrapMatchesWrap edits lines at random and requires the layout kept
// by rewrap to be the layout wrap makes from scratch.
func TestRewrapMatchesWrap(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var m1, m2 meter
	for run := range 2000 {
		width := 1 + r.IntN(30)
		rs := []rune(lineText(r, r.IntN(300)))
		lay := wrap(rs, width, &m1, &m2)
		for step := range 20 {
			from := r.IntN(len(rs) + 1)
			to := from + r.IntN(min(len(rs)-from, 8)+1)
			with := []rune(lineText(r, r.IntN(6)))
			if r.IntN(3) == 0 {
				with = nil
			}
			rs = slices.Replace(rs, from, to, with...)
			lay = rewrap(rs, &lay, from, to, from+len(with), &m1, &m2)
			want := wrap(rs, width, &m1, &m2)
			if !slices.Equal(lay.starts, want.starts) || !slices.Equal(lay.cells, want.cells) || !slices.Equal(lay.flags, want.flags) {
				t.Fatalf("run %d step %d, width %d, %q replaced [%d,%d) with %q:\nrewrap %v %v %v\nwrap   %v %v %v",
					run, step, width, string(rs), from, to, string(with),
					lay.starts, lay.cells, lay.flags, want.starts, want.cells, want.flags)
			}
		}
	}
}

// TestRewrapCases are edits next to rows that wrapping cannot start again
// from: a word that fills its row only through a zero-width rune (a
// variation selector, a keycap's combining mark) makes, on an empty row,
// an empty row before it.
func TestRewrapCases(t *testing.T) {
	for _, c := range []struct {
		name     string
		text     string
		width    int
		from, to int
		with     string
	}{
		// The row holding "a1️⃣" was begun by breaking before "z"; that
		// row's start depends on "z", so wrapping starts a row earlier.
		{"edit the rune that began the row", "q a1\ufe0f\u20e3z", 3, 6, 7, " "},
		// The old text's first row is clean, the new row at the same
		// text is not: they must not be joined.
		{"insert before a word that pushes an empty row", "a❤\ufe0f b", 3, 0, 0, "x "},
		{"insert before a last word that pushes an empty row", "a❤\ufe0f", 3, 0, 0, "x "},
	} {
		t.Run(c.name, func(t *testing.T) {
			var a, b meter
			rs := []rune(c.text)
			old := wrap(rs, c.width, &a, &b)
			with := []rune(c.with)
			rs = slices.Replace(rs, c.from, c.to, with...)
			got := rewrap(rs, &old, c.from, c.to, c.from+len(with), &a, &b)
			want := wrap(rs, c.width, &a, &b)
			if !slices.Equal(got.starts, want.starts) || !slices.Equal(got.cells, want.cells) || !slices.Equal(got.flags, want.flags) {
				t.Fatalf("rewrap %v %v %v\nwrap   %v %v %v", got.starts, got.cells, got.flags, want.starts, want.cells, want.flags)
			}
		})
	}
}
