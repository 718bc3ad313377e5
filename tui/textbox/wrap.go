package textbox

import (
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// maxCluster bounds how many bytes one grapheme cluster may grow to while
// it is measured a rune at a time. Real clusters (a family emoji, a letter
// with its accents) are far shorter; the bound keeps a pathological run of
// thousands of combining marks linear instead of quadratic.
const maxCluster = 256

// meter measures the display width of text fed to it one rune at a time,
// by grapheme clusters, as ansi.StringWidth measures the whole string. Only
// the open (last) cluster is ever measured again, so feeding n runes costs
// O(n) however long the text grows.
type meter struct {
	buf    []byte // UTF-8 of the text fed so far; the open cluster starts at start
	start  int
	closed int  // cells of the clusters before the open one
	open   int  // cells of the open cluster
	last   rune // the last rune fed, or 0
}

// mark is a meter's position, to take back the rune fed after it.
type mark struct {
	n, start, closed, open int
	last                   rune
}

func (m *meter) reset() { *m = meter{buf: m.buf[:0]} }

func (m *meter) cells() int { return m.closed + m.open }

func (m *meter) mark() mark {
	return mark{n: len(m.buf), start: m.start, closed: m.closed, open: m.open, last: m.last}
}

func (m *meter) undo(k mark) {
	m.buf, m.start, m.closed, m.open, m.last = m.buf[:k.n], k.start, k.closed, k.open, k.last
}

// add feeds one rune.
func (m *meter) add(r rune) {
	n := len(m.buf)
	m.buf = utf8.AppendRune(m.buf, r)
	prev := m.last
	m.last = r
	// Printable ASCII never joins the cluster before it unless that
	// cluster ends in a prepended mark (all of which lie above U+0600),
	// and is always one cell wide.
	if r >= 0x20 && r < 0x7f && prev < 0x600 {
		m.closed += m.open
		m.start, m.open = n, 1
		return
	}
	if n > m.start && n-m.start < maxCluster {
		if c, w := ansi.FirstGraphemeCluster(m.buf[m.start:], ansi.GraphemeWidth); len(c) == len(m.buf)-m.start {
			m.open = w
			return
		}
	}
	m.closed += m.open
	m.start = n
	_, m.open = ansi.FirstGraphemeCluster(m.buf[n:], ansi.GraphemeWidth)
}

// runeCells is the width of one rune on its own, as a terminal that knows
// nothing of clusters would advance. The Bubbles textarea uses it in two
// places (breaking an over-long word and keeping the column on up and
// down), and so does this package, to move the same way.
func runeCells(r rune) int {
	if r >= 0x20 && r < 0x7f {
		return 1
	}
	var b [utf8.UTFMax]byte
	return ansi.StringWidthWc(string(b[:utf8.EncodeRune(b[:], r)]))
}

// isSpace is where a line may break. Every such rune is drawn as one plain
// space, as the Bubbles textarea draws it.
func isSpace(r rune) bool {
	if r < 0x80 {
		return r == ' ' || r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r'
	}
	return unicode.IsSpace(r)
}

// layout is how one logical line breaks into screen rows at one width.
// Row i holds the runes [starts[i], starts[i+1]); the last row runs to the
// end of the line and carries one extra space, the cell the cursor sits on
// after the last rune.
type layout struct {
	width  int
	starts []int
	cells  []int // display width of each row, trailing spaces included
	// broke reports that a word was broken before a wide or joining rune so
	// that no row grows wider than the width. The Bubbles textarea lets such
	// a row overflow and cuts it when drawing; this is the only place the two
	// layouts differ.
	broke bool
}

func (l *layout) rows() int { return len(l.starts) }

// rowLen is the number of runes in row i of a line of n runes, counting the
// extra space of the last row.
func (l *layout) rowLen(i, n int) int {
	if i+1 < len(l.starts) {
		return l.starts[i+1] - l.starts[i]
	}
	return n - l.starts[i] + 1
}

// wrap breaks rs into rows of at most width cells, the way the Bubbles
// textarea does: words move whole to the next row when they do not fit,
// spaces stay at the end of the row they follow (or, when the word before
// them filled a row, begin the next one), and a word wider than the row is
// cut where it fills it.
func wrap(rs []rune, width int, row, word *meter) layout {
	width = max(width, 1)
	l := layout{width: width, starts: []int{0}}
	row.reset()
	word.reset()
	rowStart, wordStart := 0, 0 // the row holds rs[rowStart:wordStart], the word rs[wordStart:i]

	newRow := func() {
		l.cells = append(l.cells, row.cells())
		l.starts = append(l.starts, wordStart)
		rowStart = wordStart
		row.reset()
	}
	// settle moves the word, up to end, onto the row.
	settle := func(end int) {
		for _, r := range rs[wordStart:end] {
			row.add(r)
		}
		wordStart = end
		word.reset()
	}

	for i, r := range rs {
		if isSpace(r) {
			if row.cells()+word.cells()+1 > width {
				newRow()
			}
			settle(i)
			row.add(' ')
			wordStart = i + 1
			continue
		}
		k := word.mark()
		word.add(r)
		if i > wordStart && word.cells() > width {
			// r would make the word wider than a row: end the word
			// before r.
			word.undo(k)
			l.broke = true
			if wordStart > rowStart {
				newRow()
			}
			settle(i)
			word.add(r)
		}
		if word.cells()+runeCells(r) > width {
			if wordStart > rowStart {
				newRow()
			}
			settle(i + 1)
		}
	}
	if row.cells()+word.cells() >= width {
		newRow()
	}
	settle(len(rs))
	row.add(' ')
	l.cells = append(l.cells, row.cells())
	return l
}

// spot is where the cursor falls among a line's rows, with the same fields
// and the same meaning as the Bubbles textarea's LineInfo, quirks included:
// a cursor at the very end of a row that is followed by another sits at the
// start of the next one, and then rowCells is the width of the row before.
type spot struct {
	row      int // the row the cursor is on
	start    int // rune index at which that row begins
	col      int // runes from the row's start to the cursor
	cell     int // cells from the row's start to the cursor
	runes    int // runes in the row
	rowCells int
}

// locate finds column col of a line of runes rs laid out as l.
func locate(rs []rune, l *layout, col int, m *meter) spot {
	n := len(rs)
	at := 0
	for i := range l.starts {
		ln := l.rowLen(i, n)
		if at+ln == col && i+1 < l.rows() {
			return spot{row: i + 1, start: col, runes: l.rowLen(i+1, n), rowCells: l.cells[i]}
		}
		if at+ln >= col {
			return spot{row: i, start: at, col: col - at, cell: prefixCells(rs, at, col, m), runes: ln, rowCells: l.cells[i]}
		}
		at += ln
	}
	return spot{}
}

// prefixCells is the width of rs[from:to] as it is drawn.
func prefixCells(rs []rune, from, to int, m *meter) int {
	m.reset()
	for i := from; i < to; i++ {
		if i >= len(rs) || isSpace(rs[i]) {
			m.add(' ')
		} else {
			m.add(rs[i])
		}
	}
	return m.cells()
}
