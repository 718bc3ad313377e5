package textbox

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// View draws the rows in view, and only those: its cost depends on the
// height and width, not on the length of the text. A blurred text area
// shows its text from the start: nobody is writing at the cursor, and a
// reader begins at the first line.
func (m Model) View() string {
	st := m.st
	st.settle()
	if m.Placeholder != "" && st.bytes == 0 && st.row == 0 && st.col == 0 {
		return m.placeholderView()
	}
	cs := st.active()
	var (
		b       strings.Builder
		row     []byte
		textP   = cs.text.Render(cs.prompt.Render(m.Prompt))
		cursorP = cs.cursorLine.Render(cs.prompt.Render(m.Prompt))
		eobP    = cs.prompt.Render(m.Prompt)
		sp      = st.spot()
	)
	top := st.yoff
	if !st.focus {
		top = 0
	}
	li, ri := st.rowAt(top)
	for y := 0; y < st.height; y++ {
		if y > 0 {
			b.WriteByte('\n')
		}
		if li >= len(st.lines) {
			m.eobRow(&b, eobP)
			continue
		}
		l, lay := st.lines[li], st.lay(li)
		onCursor := li == st.row
		style, prompt := cs.text, textP
		if onCursor {
			style, prompt = cs.cursorLine, cursorP
		}
		b.WriteString(prompt)
		if st.digits > 0 {
			n := -1
			if ri == 0 {
				n = li + 1
			}
			b.WriteString(st.lineNumber(n, onCursor))
		}

		// The row as drawn: spaces plain, the last row with the cell
		// after the text. Only two rows can be wider than the width: a
		// full row with the space after it, and a single cluster wider
		// than a row. Both are cut, as Bubbles cuts them.
		from := lay.starts[ri]
		n := lay.rowLen(ri, len(l.r))
		row = row[:0]
		for i := from; i < from+n; i++ {
			if i >= len(l.r) || isSpace(l.r[i]) {
				row = append(row, ' ')
			} else {
				row = utf8.AppendRune(row, l.r[i])
			}
		}
		text, w := string(row), lay.cells[ri]
		if w > st.width {
			text = ansi.Truncate(text, st.width, "")
			w = ansi.StringWidth(text)
		}
		pad := strings.Repeat(" ", max(0, st.width-w))

		selFrom, selTo, selected := st.selectedIn(li, from, n)
		switch {
		case selected:
			// Whole clusters: escape codes inside one would split it
			// into wider pieces.
			selFrom, selTo = clusterSpan(text, selFrom, selTo)
			b.WriteString(style.Render(runeSlice(text, 0, selFrom)))
			b.WriteString(cs.selection.Render(runeSlice(text, selFrom, selTo)))
			b.WriteString(style.Render(runeSlice(text, selTo, -1) + pad))
		case onCursor && sp.row == ri:
			at, end := clusterSpan(text, sp.col, sp.col+1)
			under := runeSlice(text, at, end)
			switch {
			case under != "":
			case pad != "":
				under, pad = " ", pad[1:]
			default:
				// The cursor is on a space dropped from a full row
				// (Bubbles panics here); there is no cell left to
				// draw it in.
			}
			c := st.caret
			c.TextStyle = cs.cursorLine
			c.SetChar(under)
			b.WriteString(style.Render(runeSlice(text, 0, at)))
			b.WriteString(style.Render(c.View()))
			b.WriteString(style.Render(runeSlice(text, end, -1) + pad))
		default:
			b.WriteString(style.Render(text + pad))
		}

		if ri++; ri >= lay.rows() {
			li, ri = li+1, 0
		}
	}
	return cs.base.Render(b.String())
}

// eobRow draws a row below the end of the text.
func (m Model) eobRow(b *strings.Builder, prompt string) {
	st := m.st
	b.WriteString(prompt)
	eob := string(m.EndOfBufferCharacter)
	b.WriteString(st.active().eob.Render(eob + strings.Repeat(" ", max(0, st.width-ansi.StringWidth(eob)))))
	// The line number column stays blank, as in Bubbles.
	b.WriteString(strings.Repeat(" ", st.gutter()))
}

// rowAt finds the line and the row within it of row y counted from the top.
// It walks from the cursor's line, which is never further than a screen
// away from the rows in view.
func (st *state) rowAt(y int) (li, ri int) {
	st.ensureRows()
	li, top := st.row, st.rowsAbove
	for top > y && li > 0 {
		li--
		top -= st.rows(li)
	}
	for li < len(st.lines) && top+st.rows(li) <= y {
		top += st.rows(li)
		li++
	}
	return li, y - top
}

// selectedIn returns the selected runes of the n runes from rune from of
// line li, relative to from.
func (st *state) selectedIn(li, from, n int) (lo, hi int, ok bool) {
	start, end, active := st.selection()
	if !active || li < start.Row || li > end.Row {
		return 0, 0, false
	}
	lo, hi = 0, len(st.lines[li].r)
	if li == start.Row {
		lo = start.Col
	}
	if li == end.Row {
		hi = end.Col
	}
	lo, hi = max(lo, from), min(hi, from+n)
	if lo >= hi {
		return 0, 0, false
	}
	return lo - from, hi - from, true
}

// lineNumber draws line n's number, or a blank one for a wrapped row (n <
// 0). A number longer than the column keeps its last digits.
func (st *state) lineNumber(n int, onCursor bool) string {
	s := " "
	if n > 0 {
		s = strconv.Itoa(n)
		if len(s) > st.digits {
			s = s[len(s)-st.digits:]
		}
	}
	s = fmt.Sprintf(" %*s ", st.digits, s)
	cs := st.active()
	if onCursor {
		return cs.cursorLine.Render(cs.cursorLineNumber.Render(s))
	}
	return cs.text.Render(cs.lineNumber.Render(s))
}

// runeSlice returns runes [from, to) of s, to < 0 meaning the end, clamped.
func runeSlice(s string, from, to int) string {
	start, i := len(s), 0
	for at := range s {
		if i == from {
			start = at
		}
		if i == to {
			return s[min(start, at):at]
		}
		i++
	}
	if from >= i {
		return ""
	}
	return s[start:]
}

// clusterSpan widens the rune range [from, to) of s to whole grapheme
// clusters. The cursor moves a rune at a time, so it can sit inside a
// cluster (on a joiner, or an accent); it is drawn over the whole cluster.
func clusterSpan(s string, from, to int) (int, int) {
	if len(s) == utf8.RuneCountInString(s) {
		return from, to // ASCII: every rune is a cluster
	}
	i := 0
	for rest := s; rest != ""; {
		c, _ := ansi.FirstGraphemeCluster(rest, ansi.GraphemeWidth)
		n := utf8.RuneCountInString(c)
		if i < from && from < i+n {
			from = i
		}
		if i < to && to < i+n {
			to = i + n
		}
		i += n
		rest = rest[len(c):]
	}
	return from, to
}

// placeholderView draws the placeholder, wrapped to the width, with the
// cursor on its first character.
func (m Model) placeholderView() string {
	st := m.st
	cs := st.active()
	p := ansi.Hardwrap(ansi.Wordwrap(m.Placeholder, st.width, ""), st.width, true)
	lines := strings.Split(strings.TrimSpace(p), "\n")
	prompt := cs.prompt.Render(m.Prompt)
	var b strings.Builder
	for i := range st.height {
		if i > 0 {
			b.WriteByte('\n')
		}
		style := cs.placeholder
		if i < len(lines) {
			style = cs.cursorLine
		}
		b.WriteString(style.Render(prompt))
		if st.digits > 0 {
			switch {
			case i == 0:
				b.WriteString(st.lineNumber(1, true))
			case i < len(lines):
				b.WriteString(st.lineNumber(-1, true))
			}
		}
		switch {
		case i == 0:
			first, _ := ansi.FirstGraphemeCluster(lines[0], ansi.GraphemeWidth)
			c := st.caret
			c.TextStyle = cs.placeholder
			c.SetChar(first)
			b.WriteString(style.Render(c.View()))
			b.WriteString(style.Render(cs.placeholder.Render(lines[0][len(first):])))
			b.WriteString(style.Render(strings.Repeat(" ", max(0, st.width-ansi.StringWidth(lines[0])))))
		case i < len(lines):
			b.WriteString(style.Render(lines[i] + strings.Repeat(" ", max(0, st.width-ansi.StringWidth(lines[i])))))
		default:
			// Bubbles leaves the number column of these rows blank at
			// the end of the row.
			eob := string(m.EndOfBufferCharacter)
			b.WriteString(cs.eob.Render(eob + strings.Repeat(" ", max(0, st.width-ansi.StringWidth(eob)))))
			b.WriteString(strings.Repeat(" ", st.gutter()))
		}
	}
	return cs.base.Render(b.String())
}
