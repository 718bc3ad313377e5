package textbox

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// fuzzKeys are the keys FuzzTextbox presses, text keys included.
var fuzzKeys = slices.Concat(editKeys, pageKeys, selectKeys,
	[]string{"a", "b", "space", "space", "中", "😀", "e\u0301", "❤\ufe0f", "ctrl+shift+c"})

// fuzzText turns bytes into text: runes from texts, line breaks, tabs and
// carriage returns.
func fuzzText(b []byte) string {
	var s strings.Builder
	for _, c := range b {
		switch c % 32 {
		case 26:
			s.WriteByte('\n')
		case 27:
			s.WriteByte('\t')
		case 28:
			s.WriteString("\r\n")
		case 29:
			s.WriteString(" ")
		default:
			s.WriteString(texts[int(c)%len(texts)])
		}
	}
	return s.String()
}

// FuzzTextbox drives a Model with edits read from the input and checks,
// after each, that nothing panics, Value survives SetValue, the cursor is
// in the text, the kept counts and layouts equal fresh ones, the view
// shows the cursor and is never wider or taller than the box.
func FuzzTextbox(f *testing.F) {
	f.Add([]byte("\x10\x03abc\x01\x02\x05hello"))
	f.Add([]byte("\x00\x00\xff\xfe\xfd\x40\x41\x42\x43"))
	f.Add([]byte("\x20\x05\x01\x01\x01\x30\x31\x32\x33\x34\x35\x36\x37\x38\x39"))
	f.Add([]byte("\x07\x01\x02\xe0\x1a\x1a\x1a\x1a\x1a\x90\x91\x92"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 3 {
			return
		}
		tb := New()
		tb.Prompt = "│ "
		numbers := data[2]&1 != 0
		tb.ShowLineNumbers = numbers
		if data[2]&2 != 0 {
			tb.Placeholder = "Write whatever comes up."
		}
		w, h := int(data[0]%48), 1+int(data[1]%12)
		tb.SetWidth(w)
		tb.SetHeight(h)
		tb.Focus()
		ops := data[3:]
		for i := 0; i < len(ops); i++ {
			op := ops[i]
			switch {
			case op < 200:
				tb, _ = tb.Update(press(fuzzKeys[int(op)%len(fuzzKeys)]))
			case op < 215:
				n := min(len(ops)-i-1, int(op-200)*3)
				tb, _ = tb.Update(tea.PasteMsg{Content: fuzzText(ops[i+1 : i+1+n])})
				i += n
			case op < 225 && i+1 < len(ops):
				w, h = int(ops[i+1]%48), 1+int(op%12)
				tb.SetWidth(w)
				tb.SetHeight(h)
				i++
			case op < 230:
				tb.SetValue(fuzzText(ops[i+1 : min(len(ops), i+1+int(op))]))
			case op < 235:
				tb.MoveToEnd()
			case op < 240:
				tb.MoveToBegin()
			case op < 245:
				tb.Blur()
				tb, _ = tb.Update(press("a")) // ignored while blurred
				tb.Focus()
			default:
				tb.InsertString(fuzzText(ops[i:min(len(ops), i+4)]))
			}
			checkInvariants(t, tb, w, numbers)
		}
	})
}

func checkInvariants(t *testing.T, tb Model, w int, numbers bool) {
	t.Helper()
	v := tb.Value()
	lines := strings.Split(v, "\n")

	other := New()
	other.SetValue(v)
	if other.Value() != v {
		t.Fatalf("SetValue(Value()) gave %q, not %q", other.Value(), v)
	}
	if tb.LineCount() != len(lines) || tb.Line() < 0 || tb.Line() >= len(lines) {
		t.Fatalf("cursor line %d of %d (%d in Value)", tb.Line(), tb.LineCount(), len(lines))
	}
	if n := len([]rune(lines[tb.Line()])); tb.Column() < 0 || tb.Column() > n {
		t.Fatalf("cursor column %d on a line of %d runes", tb.Column(), n)
	}
	if tb.Len() != len(v) || tb.Words() != len(strings.Fields(v)) {
		t.Fatalf("Len %d Words %d, Value has %d bytes, %d words", tb.Len(), tb.Words(), len(v), len(strings.Fields(v)))
	}

	// What is kept is what would be computed afresh.
	st := tb.st
	var a, b meter
	total, above := 0, 0
	for i, l := range st.lines {
		if string(l.r) != lines[i] {
			t.Fatalf("line %d is %q, Value has %q", i, string(l.r), lines[i])
		}
		fresh := wrap(l.r, st.width, &a, &b)
		if l.laid && l.lay.width == st.width &&
			(!slices.Equal(l.lay.starts, fresh.starts) || !slices.Equal(l.lay.cells, fresh.cells) || !slices.Equal(l.lay.flags, fresh.flags)) {
			t.Fatalf("line %d %q: kept layout %v %v, fresh %v %v", i, lines[i], l.lay.starts, l.lay.cells, fresh.starts, fresh.cells)
		}
		if i == st.row {
			above = total
		}
		total += fresh.rows()
	}
	if st.rowsOK && (st.totalRows != total || st.rowsAbove != above) {
		t.Fatalf("kept %d rows, %d above the cursor; counted %d, %d", st.totalRows, st.rowsAbove, total, above)
	}

	view := tb.View()
	if cr, y := st.cursorRow(), tb.ScrollYOffset(); cr < y || cr >= y+tb.Height() || y > max(0, total-tb.Height()) {
		t.Fatalf("cursor row %d, %d rows, view from %d, %d high", cr, total, y, tb.Height())
	}
	gutter := 0
	if numbers {
		gutter = defaultGutterDigits + 2
	}
	widest := max(w, 2+gutter+1) // SetWidth leaves at least one cell of text
	rows := strings.Split(view, "\n")
	if len(rows) != tb.Height() {
		t.Fatalf("view has %d rows, height %d", len(rows), tb.Height())
	}
	for i, row := range rows {
		if got := ansi.StringWidth(row); got > widest {
			t.Fatalf("row %d is %d cells, wider than %d: %q", i, got, widest, ansi.Strip(row))
		}
	}
}
