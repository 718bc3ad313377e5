package textbox

import (
	"sort"
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

// Row flags.
const (
	// rowClean marks a row from which the rest of the layout is the layout
	// of the rest of the line on its own, so wrapping may start again
	// there.
	rowClean uint8 = 1 << iota
	// rowBroke marks a row where a word was broken before a wide or
	// joining rune so that no row grows wider than the width. The Bubbles
	// textarea lets such a row overflow and cuts it when drawing; this is
	// the only place the two layouts differ.
	rowBroke
)

// layout is how one logical line breaks into screen rows at one width.
// Row i holds the runes [starts[i], starts[i+1]); the last row runs to the
// end of the line and carries one extra space, the cell the cursor sits on
// after the last rune.
type layout struct {
	width  int
	starts []int
	cells  []int // display width of each row, trailing spaces included
	flags  []uint8
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

// broke reports whether any row has rowBroke.
func (l *layout) broke() bool {
	for _, f := range l.flags {
		if f&rowBroke != 0 {
			return true
		}
	}
	return false
}

// wrap breaks rs into rows of at most width cells, the way the Bubbles
// textarea does: words move whole to the next row when they do not fit,
// spaces stay at the end of the row they follow (or, when the word before
// them filled a row, begin the next one), and a word wider than the row is
// cut where it fills it.
func wrap(rs []rune, width int, row, word *meter) layout {
	l := layout{width: max(width, 1)}
	l.wrapFrom(rs, 0, row, word, nil)
	return l
}

// rewrap lays out rs after an edit turned runes [from, oldTo) of the line
// laid out as old into [from, newTo). It starts again at a clean row
// before the edit and stops at the first clean row after it that lines up
// with a clean row of old, so typing into a long paragraph costs a few
// rows, not the paragraph.
func rewrap(rs []rune, old *layout, from, oldTo, newTo int, row, word *meter) layout {
	// A row's start is decided by the runes up to the start of the next
	// row at the latest. So every row up to the one before the last row
	// that starts before the edit was decided by unedited runes, and
	// stands.
	k := max(0, sort.SearchInts(old.starts, from)-2)
	for k > 0 && old.flags[k]&rowClean == 0 {
		k--
	}
	l := layout{
		width:  old.width,
		starts: append(make([]int, 0, old.rows()+4), old.starts[:k]...),
		cells:  append(make([]int, 0, old.rows()+4), old.cells[:k]...),
		flags:  append(make([]uint8, 0, old.rows()+4), old.flags[:k]...),
	}
	delta, join := newTo-oldTo, -1
	done := l.wrapFrom(rs, old.starts[k], row, word, func(s int) bool {
		if s < newTo {
			return false
		}
		j := sort.SearchInts(old.starts, s-delta)
		if j < old.rows() && old.starts[j] == s-delta && old.flags[j]&rowClean != 0 {
			join = j
			return true
		}
		return false
	})
	if !done {
		return l
	}
	// The row just begun and everything after it are old's, shifted.
	n := len(l.starts) - 1
	l.starts, l.flags = l.starts[:n], l.flags[:n]
	for _, s := range old.starts[join:] {
		l.starts = append(l.starts, s+delta)
	}
	l.cells = append(l.cells, old.cells[join:]...)
	l.flags = append(l.flags, old.flags[join:]...)
	return l
}

// wrapFrom lays out rs from rune s0, where a clean row begins, appending
// rows to l. Each time it begins a clean row it asks join, when not nil,
// whether the rest is known; if so it stops at once and reports true,
// leaving the cells of the row just begun to the caller.
func (l *layout) wrapFrom(rs []rune, s0 int, row, word *meter, join func(start int) bool) bool {
	width := l.width
	row.reset()
	word.reset()
	rowStart, wordStart := s0, s0 // the row holds rs[rowStart:wordStart], the word rs[wordStart:i]
	l.starts = append(l.starts, s0)
	l.flags = append(l.flags, rowClean)

	// newRow ends the row and begins the next at the word. clean says
	// whether the text from there, laid out on its own, begins the same
	// way: true unless the word would, on an empty row, itself be pushed
	// to the next one.
	newRow := func(clean bool) bool {
		l.cells = append(l.cells, row.cells())
		l.starts = append(l.starts, wordStart)
		f := uint8(0)
		if clean {
			f = rowClean
		}
		l.flags = append(l.flags, f)
		rowStart = wordStart
		row.reset()
		return clean && join != nil && join(wordStart)
	}
	// settle moves the word, up to end, onto the row.
	settle := func(end int) {
		for _, r := range rs[wordStart:end] {
			row.add(r)
		}
		wordStart = end
		word.reset()
	}

	for i := s0; i < len(rs); i++ {
		r := rs[i]
		if isSpace(r) {
			if row.cells()+word.cells()+1 > width {
				if newRow(word.cells()+1 <= width) {
					return true
				}
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
			if wordStart > rowStart && newRow(true) {
				return true
			}
			l.flags[len(l.flags)-1] |= rowBroke
			settle(i)
			word.add(r)
		}
		if word.cells()+runeCells(r) > width {
			if wordStart > rowStart && newRow(true) {
				return true
			}
			settle(i + 1)
		}
	}
	if row.cells()+word.cells() >= width {
		if newRow(word.cells() < width) {
			return true
		}
	}
	settle(len(rs))
	row.add(' ')
	l.cells = append(l.cells, row.cells())
	return false
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
