package textbox

import (
	"strings"
	"unicode"
)

// spot is where the cursor falls among its line's rows.
func (st *state) spot() spot {
	return locate(st.cur(), st.lay(st.row), st.col, &st.cellM)
}

// cursorRow is the cursor's row counted from the top of the text.
func (st *state) cursorRow() int {
	st.ensureRows()
	return st.rowsAbove + st.spot().row
}

func (st *state) ensureRows() {
	if !st.rowsOK {
		st.countRows()
	}
}

// settle scrolls as little as needed to show the cursor's row, and never so
// far that rows below the text show while rows of it are hidden above:
// after text is deleted the view slides back down to fill its height.
func (st *state) settle() {
	st.ensureRows()
	cr := st.cursorRow()
	switch {
	case cr < st.yoff:
		st.yoff = cr
	case cr >= st.yoff+st.height:
		st.yoff = cr - st.height + 1
	}
	st.yoff = max(0, min(st.yoff, st.totalRows-st.height))
}

// right moves one grapheme cluster right, to the next line from the end
// of one.
func (st *state) right() {
	switch {
	case st.col < len(st.cur()):
		st.setCol(clusterEnd(st.cur(), st.col))
	case st.row < len(st.lines)-1:
		st.moveRow(st.row + 1)
		st.setCol(0)
	}
}

// left moves one grapheme cluster left, to the end of the line above from
// the start of one.
func (st *state) left() {
	if st.col == 0 && st.row != 0 {
		st.moveRow(st.row - 1)
		st.setCol(len(st.cur()))
		return
	}
	if st.col > 0 {
		st.setCol(prevBoundary(st.cur(), st.col))
	}
}

// runeLeft moves one rune left, on to the last rune of the line above from
// the start of one: how word moves walk, as in Bubbles.
func (st *state) runeLeft() {
	if st.col == 0 && st.row != 0 {
		st.moveRow(st.row - 1)
		st.setCol(len(st.cur()))
	}
	if st.col > 0 {
		st.setCol(st.col - 1)
	}
}

// runeRight moves one rune right, to the next line from the end of one.
func (st *state) runeRight() {
	switch {
	case st.col < len(st.cur()):
		st.setCol(st.col + 1)
	case st.row < len(st.lines)-1:
		st.moveRow(st.row + 1)
		st.setCol(0)
	}
}

// wordLeft moves to the start of the word before the cursor, across lines.
// Words are found rune by rune, as in Bubbles; the cursor then lands on
// the start of its grapheme cluster (a word can begin with an accent
// joined to the space before it).
func (st *state) wordLeft() {
	defer st.snapCol()
	for {
		row, col := st.row, st.col
		st.runeLeft()
		if st.row == row && st.col == col {
			return
		}
		if rs := st.cur(); st.col < len(rs) && !isSpace(rs[st.col]) {
			break
		}
	}
	rs := st.cur()
	for st.col > 0 && !isSpace(rs[st.col-1]) {
		st.setCol(st.col - 1)
	}
}

// snapCol puts the cursor on the start of the grapheme cluster it is in.
func (st *state) snapCol() {
	if c := snap(st.cur(), st.col); c != st.col {
		st.setCol(c)
	}
}

// wordRight moves past the next word, across lines, applying change (when
// not nil) to each rune of the word it moves past.
func (st *state) wordRight(change func(rune) rune) {
	st.eachWordRight(func(_ int, r rune) rune {
		if change == nil {
			return r
		}
		return change(r)
	})
}

func (st *state) capitalizeRight() {
	st.eachWordRight(func(i int, r rune) rune {
		if i == 0 {
			return unicode.ToTitle(r)
		}
		return r
	})
}

// eachWordRight moves past the next word, across lines, passing each of
// its runes, with its index in the word, through change.
func (st *state) eachWordRight(change func(i int, r rune) rune) {
	defer st.snapCol()
	for {
		rs := st.cur()
		if st.col < len(rs) && !isSpace(rs[st.col]) {
			break
		}
		if st.row == len(st.lines)-1 && st.col == len(rs) {
			break
		}
		st.runeRight()
	}
	rs := st.cur()
	from := st.col
	var word []rune
	changed := false
	for i := 0; st.col < len(rs) && !isSpace(rs[st.col]); i++ {
		r := change(i, rs[st.col])
		changed = changed || r != rs[st.col]
		word = append(word, r)
		st.setCol(st.col + 1)
	}
	if changed {
		st.replace(st.row, from, st.col, word)
	}
}

// transpose swaps the grapheme clusters either side of the cursor (the
// last two at the end of a line) and moves right.
func (st *state) transpose() {
	rs := st.cur()
	if st.col == 0 || len(rs) < 2 {
		return
	}
	if st.col >= len(rs) {
		st.setCol(prevBoundary(rs, st.col))
	}
	from, to := prevBoundary(rs, st.col), clusterEnd(rs, st.col)
	if from == st.col || to == st.col {
		return // one cluster on the line: nothing to swap it with
	}
	swapped := append(append(make([]rune, 0, to-from), rs[st.col:to]...), rs[from:st.col]...)
	st.replace(st.row, from, to, swapped)
	st.setCol(to)
}

// deleteWordLeft deletes back to the start of the word before the cursor,
// with the spaces between.
func (st *state) deleteWordLeft() {
	rs := st.cur()
	if st.col == 0 || len(rs) == 0 {
		return
	}
	end := st.col
	st.setCol(st.col - 1)
	for isSpace(rs[st.col]) && st.col > 0 {
		st.setCol(st.col - 1)
	}
	for st.col > 0 {
		if isSpace(rs[st.col]) {
			st.setCol(st.col + 1)
			break
		}
		st.setCol(st.col - 1)
	}
	st.cut(st.col, end)
}

// deleteWordRight deletes the spaces and the word after the cursor.
func (st *state) deleteWordRight() {
	rs := st.cur()
	if st.col >= len(rs) {
		return
	}
	from := st.col
	end := from
	for end < len(rs) && isSpace(rs[end]) {
		end++
	}
	for end < len(rs) && !isSpace(rs[end]) {
		end++
	}
	st.cut(from, end)
	st.setCol(from)
}

// trailing is how far past a row's end a vertical move looks, so that the
// space a row ends with does not count as the next row.
const trailing = 2

// vertical moves the cursor d rows down (up when negative) through wrapped
// rows, keeping its column as well as the rows allow. It follows the
// Bubbles textarea step for step, so that the cursor lands where it would.
func (st *state) vertical(d int) {
	if d == 0 {
		return
	}
	sp := st.spot()
	cell := max(st.lastCell, sp.cell)
	st.lastCell = cell
	for ; d > 0; d-- {
		if sp.row+1 >= st.rows(st.row) && st.row < len(st.lines)-1 {
			st.moveRow(st.row + 1)
			st.col = 0
		} else {
			st.col = min(sp.start+sp.runes+trailing, len(st.cur())-1)
		}
		sp = st.spot()
	}
	for ; d < 0; d++ {
		if sp.row <= 0 && st.row > 0 {
			st.moveRow(st.row - 1)
			st.col = len(st.cur())
		} else {
			st.col = sp.start - trailing
		}
		sp = st.spot()
	}
	st.col = sp.start
	if sp.runes <= 0 {
		return
	}
	rs := st.cur()
	for at := 0; at < cell && st.col < len(rs) && at < sp.rowCells-1; {
		end := clusterEnd(rs, st.col)
		at += clusterCells(rs, st.col, end)
		st.col = end
	}
}

func (st *state) pageUp() {
	if off := st.yoff - st.cursorRow(); off < 0 {
		st.vertical(off)
		return
	}
	st.vertical(-st.height)
}

func (st *state) pageDown() {
	if off := st.cursorRow() - st.yoff; off < st.height-1 {
		st.vertical(st.height - 1 - off)
		return
	}
	st.vertical(st.height)
}

func (st *state) here() Position { return Position{Row: st.row, Col: st.col} }

// selectWith moves the cursor with move, extending the selection from
// where the cursor was.
func (st *state) selectWith(move func()) {
	if !st.selecting {
		st.anchor = st.here()
	}
	st.selecting = true
	move()
	st.head = st.here()
}

func (st *state) selectAll() {
	last := len(st.lines) - 1
	st.anchor, st.head = Position{}, Position{Row: last, Col: len(st.lines[last].r)}
	st.selecting = true
}

func (st *state) clearSelection() {
	st.selecting = false
	st.anchor, st.head = Position{}, Position{}
}

func (st *state) hasSelection() bool { return st.selecting && st.anchor != st.head }

// selection returns the selected range, start first, clamped to the text.
func (st *state) selection() (start, end Position, ok bool) {
	if !st.hasSelection() {
		return Position{}, Position{}, false
	}
	start, end = st.clampPos(st.anchor), st.clampPos(st.head)
	if before(end, start) {
		start, end = end, start
	}
	return start, end, true
}

// clampPos keeps a position inside the text. An anchor left behind by an
// empty selection can point past it; Bubbles would panic there.
func (st *state) clampPos(p Position) Position {
	p.Row = max(0, min(p.Row, len(st.lines)-1))
	p.Col = max(0, min(p.Col, len(st.lines[p.Row].r)))
	return p
}

func (st *state) selectedText() string {
	start, end, ok := st.selection()
	if !ok {
		return ""
	}
	if start.Row == end.Row {
		return string(st.lines[start.Row].r[start.Col:end.Col])
	}
	var b strings.Builder
	b.WriteString(string(st.lines[start.Row].r[start.Col:]))
	for r := start.Row + 1; r < end.Row; r++ {
		b.WriteByte('\n')
		b.WriteString(st.lines[r].String())
	}
	b.WriteByte('\n')
	b.WriteString(string(st.lines[end.Row].r[:end.Col]))
	return b.String()
}

// deleteSelection removes the selected text, leaves the cursor where it
// began and reports whether there was any.
func (st *state) deleteSelection() bool {
	start, end, ok := st.selection()
	if !ok {
		return false
	}
	st.moveRow(start.Row)
	if start.Row == end.Row {
		st.cut(min(start.Col, end.Col), end.Col)
	} else {
		head, tail := st.lines[start.Row].r, st.lines[end.Row].r
		joined := make([]rune, 0, start.Col+len(tail)-end.Col)
		joined = append(append(joined, head[:start.Col]...), tail[end.Col:]...)
		st.deleteLines(start.Row+1, end.Row-start.Row)
		st.setLine(start.Row, joined)
	}
	st.setCol(start.Col)
	st.clearSelection()
	return true
}
