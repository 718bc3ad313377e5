package textbox

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/textarea"
)

// line is one logical line and what is known about it. Everything but the
// runes is derived and kept only so that a key costs the length of the line
// it edits, not the length of the text.
type line struct {
	r     []rune
	words int // runs of non-space runes, as strings.Fields counts them
	bytes int // UTF-8 length
	lay   layout
	laid  bool   // lay is current for the runes (its width may still be stale)
	str   string // the runes as a string, when strOK
	strOK bool
	cells int // display width of the whole line, or -1 until asked
}

// newLine makes a line that owns r: edits change it in place.
func newLine(r []rune) *line {
	l := &line{r: r, cells: -1}
	l.count()
	return l
}

// count derives the counters from the runes.
func (l *line) count() {
	words, bytes, in := 0, 0, false
	for _, r := range l.r {
		bytes += utf8.RuneLen(r)
		sp := isSpace(r)
		if !sp && !in {
			words++
		}
		in = !sp
	}
	l.words, l.bytes = words, bytes
}

func (l *line) String() string {
	if !l.strOK {
		l.str, l.strOK = string(l.r), true
	}
	return l.str
}

// Position is a place in the text: a logical line and a rune within it.
// It is the Bubbles textarea's own type.
type Position = textarea.Position

func before(p, q Position) bool {
	return p.Row < q.Row || (p.Row == q.Row && p.Col < q.Col)
}

// state is everything a Model edits. Models share it through a pointer, so
// caches filled while drawing (a value receiver) are kept.
type state struct {
	lines []*line
	row   int // cursor line
	col   int // cursor rune within the line
	// lastCell is the column up and down try to keep, as in Bubbles: it
	// grows on vertical moves and resets on horizontal ones.
	lastCell int

	// Counters over all lines, kept as lines change.
	bytes int // UTF-8 length of the value, newlines included
	words int

	// Rows are counted at width. rowsOK is false after the width changed,
	// until every line is laid out again.
	width     int
	rowsOK    bool
	totalRows int
	rowsAbove int // rows of the lines above the cursor line

	height int
	yoff   int // first row shown

	value   string
	valueOK bool

	// The selection runs from anchor to head. selecting is set once a
	// selection has begun, even an empty one: like Bubbles, an empty
	// selection keeps its anchor until a move clears it.
	anchor, head Position
	selecting    bool

	rowM, wordM, cellM meter // scratch meters

	display
}

func newState() *state {
	return &state{lines: []*line{newLine(nil)}, width: 1, height: 1}
}

// lay returns line i's layout at the current width.
func (st *state) lay(i int) *layout {
	l := st.lines[i]
	if !l.laid || l.lay.width != st.width {
		l.lay = wrap(l.r, st.width, &st.rowM, &st.wordM)
		l.laid = true
	}
	return &l.lay
}

func (st *state) rows(i int) int { return st.lay(i).rows() }

// countRows lays out every line and counts rows afresh: after the width
// changed, or on a new value.
func (st *state) countRows() {
	total, above := 0, 0
	for i := range st.lines {
		if i == st.row {
			above = total
		}
		total += st.rows(i)
	}
	st.totalRows, st.rowsAbove, st.rowsOK = total, above, true
}

func (st *state) setWidth(w int) {
	w = max(w, 1)
	if w != st.width {
		st.width, st.rowsOK = w, false
	}
}

func (st *state) edited() { st.valueOK = false }

// setLine replaces the runes of line i.
func (st *state) setLine(i int, r []rune) {
	l := st.lines[i]
	old := 0
	if st.rowsOK {
		old = st.rows(i)
	}
	st.bytes -= l.bytes
	st.words -= l.words
	l.r, l.laid, l.strOK, l.cells = r, false, false, -1
	l.count()
	st.bytes += l.bytes
	st.words += l.words
	if st.rowsOK {
		st.totalRows += st.rows(i) - old
	}
	st.edited()
}

// replace puts with in place of runes [from, to) of line i. It counts
// and lays out again only around the change, so an edit costs about the
// same in a long paragraph as in a short one.
func (st *state) replace(i, from, to int, with []rune) {
	l := st.lines[i]
	old := 0
	if st.rowsOK {
		old = st.rows(i)
	}
	bytes, words := -runeBytes(l.r[from:to]), -wordStarts(l.r, from, to+1)
	l.r = slices.Replace(l.r, from, to, with...)
	bytes += runeBytes(with)
	words += wordStarts(l.r, from, from+len(with)+1)
	l.bytes += bytes
	l.words += words
	st.bytes += bytes
	st.words += words
	if l.laid && l.lay.width == st.width {
		l.lay = rewrap(l.r, &l.lay, from, to, from+len(with), &st.rowM, &st.wordM)
	} else {
		l.laid = false
	}
	l.strOK, l.cells = false, -1
	if st.rowsOK {
		st.totalRows += st.rows(i) - old
	}
	st.edited()
}

func runeBytes(rs []rune) int {
	n := 0
	for _, r := range rs {
		n += utf8.RuneLen(r)
	}
	return n
}

// wordStarts counts the runes in [from, to) of rs that begin a word.
func wordStarts(rs []rune, from, to int) int {
	n := 0
	for i := from; i < min(to, len(rs)); i++ {
		if !isSpace(rs[i]) && (i == 0 || isSpace(rs[i-1])) {
			n++
		}
	}
	return n
}

// insertLines puts new lines before line at, which must be below the
// cursor line.
func (st *state) insertLines(at int, rs [][]rune) {
	add := make([]*line, len(rs))
	for k, r := range rs {
		l := newLine(r)
		add[k] = l
		st.bytes += l.bytes + 1
		st.words += l.words
	}
	st.lines = append(st.lines[:at], append(add, st.lines[at:]...)...)
	if st.rowsOK {
		for k := range add {
			st.totalRows += st.rows(at + k)
		}
	}
	st.edited()
}

// deleteLines removes n lines from at, which must be below the cursor line.
func (st *state) deleteLines(at, n int) {
	for i := at; i < at+n; i++ {
		l := st.lines[i]
		st.bytes -= l.bytes + 1
		st.words -= l.words
		if st.rowsOK {
			st.totalRows -= st.rows(i)
		}
	}
	st.lines = append(st.lines[:at], st.lines[at+n:]...)
	st.edited()
}

// moveRow moves the cursor to line to, keeping the count of rows above it.
// It walks the lines between, or counts from whichever end is nearer.
func (st *state) moveRow(to int) {
	to = max(0, min(to, len(st.lines)-1))
	if st.rowsOK && to != st.row {
		dist := abs(to - st.row)
		switch {
		case to < dist:
			st.rowsAbove = 0
			for i := range to {
				st.rowsAbove += st.rows(i)
			}
		case len(st.lines)-to < dist:
			st.rowsAbove = st.totalRows
			for i := to; i < len(st.lines); i++ {
				st.rowsAbove -= st.rows(i)
			}
		case to > st.row:
			for i := st.row; i < to; i++ {
				st.rowsAbove += st.rows(i)
			}
		default:
			for i := to; i < st.row; i++ {
				st.rowsAbove -= st.rows(i)
			}
		}
	}
	st.row = to
}

// setCol moves the cursor within its line and forgets the column kept for
// vertical moves, as every horizontal move does.
func (st *state) setCol(c int) {
	st.col = max(0, min(c, len(st.lines[st.row].r)))
	st.lastCell = 0
}

func (st *state) cur() []rune { return st.lines[st.row].r }

// Value joins the lines; the result is kept until the next edit.
func (st *state) Value() string {
	if st.valueOK {
		return st.value
	}
	var b strings.Builder
	b.Grow(st.bytes)
	for i, l := range st.lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.String())
	}
	st.value, st.valueOK = b.String(), true
	return st.value
}

// length is the Bubbles textarea's Length: cells of every line plus one for
// each line break. It counts what CharLimit limits.
func (st *state) length() int {
	n := len(st.lines) - 1
	for _, l := range st.lines {
		if l.cells < 0 {
			st.cellM.reset()
			for _, r := range l.r {
				st.cellM.add(r)
			}
			l.cells = st.cellM.cells()
		}
		n += l.cells
	}
	return n
}

// sanitize makes typed or pasted runes fit to hold, as the Bubbles textarea
// does: carriage returns and newlines become newlines (each one, so CRLF
// is two), a tab becomes four spaces, and other control characters and
// invalid bytes are dropped.
func sanitize(rs []rune) []rune {
	clean := true
	for _, r := range rs {
		if r == utf8.RuneError || r == '\r' || r == '\t' || (r != '\n' && unicode.IsControl(r)) {
			clean = false
			break
		}
	}
	if clean {
		return rs
	}
	out := make([]rune, 0, len(rs))
	for _, r := range rs {
		switch {
		case r == utf8.RuneError:
		case r == '\r' || r == '\n':
			out = append(out, '\n')
		case r == '\t':
			out = append(out, ' ', ' ', ' ', ' ')
		case unicode.IsControl(r):
		default:
			out = append(out, r)
		}
	}
	return out
}

// insert puts runes at the cursor and leaves the cursor after them.
// charLimit, when positive, cuts what does not fit, as Bubbles does.
func (st *state) insert(rs []rune, charLimit int) {
	rs = sanitize(rs)
	if charLimit > 0 {
		room := charLimit - st.length()
		if room <= 0 {
			return
		}
		if room < len(rs) {
			rs = rs[:room]
		}
	}
	cur := st.cur()
	col := max(0, min(st.col, len(cur)))
	nl := 0
	for _, r := range rs {
		if r == '\n' {
			nl++
		}
	}
	if nl == 0 {
		st.replace(st.row, col, col, rs)
		st.setCol(col + len(rs))
		return
	}
	parts := make([][]rune, 0, nl+1)
	from := 0
	for i, r := range rs {
		if r == '\n' {
			parts = append(parts, rs[from:i:i])
			from = i + 1
		}
	}
	parts = append(parts, rs[from:])
	first := append(append(make([]rune, 0, col+len(parts[0])), cur[:col]...), parts[0]...)
	lastPart := parts[len(parts)-1]
	last := append(append(make([]rune, 0, len(lastPart)+len(cur)-col), lastPart...), cur[col:]...)
	mid := make([][]rune, 0, len(parts)-1)
	for _, p := range parts[1 : len(parts)-1] {
		mid = append(mid, append([]rune(nil), p...))
	}
	mid = append(mid, last)
	st.setLine(st.row, first)
	st.insertLines(st.row+1, mid)
	st.moveRow(st.row + len(mid))
	st.setCol(len(lastPart))
}

// split breaks the cursor line at the cursor; the cursor goes to the start
// of the new line. Like Bubbles, this keeps the column kept for vertical
// moves.
func (st *state) split() {
	cur := st.cur()
	col := max(0, min(st.col, len(cur)))
	tail := append([]rune(nil), cur[col:]...)
	st.setLine(st.row, cur[:col:col])
	st.insertLines(st.row+1, [][]rune{tail})
	st.moveRow(st.row + 1)
	st.col = 0
}

// joinBelow appends line row+1 to line row.
func (st *state) joinBelow(row int) {
	if row >= len(st.lines)-1 {
		return
	}
	a, b := st.lines[row].r, st.lines[row+1].r
	joined := append(append(make([]rune, 0, len(a)+len(b)), a...), b...)
	st.deleteLines(row+1, 1)
	st.setLine(row, joined)
}

// joinAbove appends the cursor line to the line above and puts the cursor
// where they meet.
func (st *state) joinAbove() {
	if st.row <= 0 {
		return
	}
	st.moveRow(st.row - 1)
	st.col = len(st.cur())
	st.joinBelow(st.row)
}

// cut removes runes [from, to) of the cursor line.
func (st *state) cut(from, to int) { st.replace(st.row, from, to, nil) }

// reset empties the text.
func (st *state) reset() {
	st.lines = []*line{newLine(nil)}
	st.row, st.col, st.lastCell = 0, 0, 0
	st.bytes, st.words = 0, 0
	st.rowsOK = false
	st.yoff = 0
	st.selecting = false
	st.anchor, st.head = Position{}, Position{}
	st.edited()
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
