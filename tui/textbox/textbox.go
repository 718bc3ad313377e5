package textbox

import (
	"strconv"
	"unicode"

	"charm.land/bubbles/v2/cursor"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

const (
	defaultWidth  = 40
	defaultHeight = 6
	// defaultGutterDigits is how many digits line numbers get when
	// MaxHeight does not bound the line count.
	defaultGutterDigits = 5
)

// Model is a multi-line text area. It is a handle: copies share one text,
// cursor and view, so always keep the Model that Update returns, as with
// any Bubbles component.
type Model struct {
	// Prompt is drawn at the start of every row. Call SetWidth after
	// changing it.
	Prompt string

	// Placeholder is shown, with the cursor on its first character, while
	// the text is empty.
	Placeholder string

	// ShowLineNumbers draws each line's number after the prompt. The
	// numbers get as many digits as MaxHeight has, or five when MaxHeight
	// is 0. Call SetWidth after changing it.
	ShowLineNumbers bool

	// EndOfBufferCharacter fills the rows below the text.
	EndOfBufferCharacter rune

	// KeyMap holds the editing keys: the Bubbles textarea's own type, so
	// keys customised for it work here unchanged.
	KeyMap textarea.KeyMap

	// CharLimit, when positive, is the most cells (plus line breaks) the
	// text may hold; an insertion that does not fit is cut, as in Bubbles.
	CharLimit int

	// MaxHeight, when positive, caps SetHeight and stops enter from adding
	// a line once the text has MaxHeight lines.
	MaxHeight int

	// MaxWidth, when positive, caps SetWidth.
	MaxWidth int

	st *state
}

// display is what drawing needs besides the text; it lives with the text
// so that all copies of a Model agree.
type display struct {
	focus       bool
	styles      textarea.Styles
	focused     computed
	blurred     computed
	caret       cursor.Model
	virtual     bool
	promptWidth int
	digits      int // line number digits, 0 when numbers are off
	awaitPaste  bool
}

// computed are the styles as drawn: each state's own style on top of Base,
// inline.
type computed struct {
	base, text, cursorLine, prompt, eob, placeholder, lineNumber, cursorLineNumber, selection lipgloss.Style
}

func compute(s textarea.StyleState) computed {
	in := func(st lipgloss.Style) lipgloss.Style { return st.Inherit(s.Base).Inline(true) }
	return computed{
		base:             s.Base,
		text:             in(s.Text),
		cursorLine:       in(s.CursorLine),
		prompt:           in(s.Prompt),
		eob:              in(s.EndOfBuffer),
		placeholder:      in(s.Placeholder),
		lineNumber:       in(s.LineNumber),
		cursorLineNumber: s.CursorLineNumber.Inherit(s.CursorLine).Inherit(s.Base).Inline(true),
		selection:        s.Selection.Inherit(s.Text).Inherit(s.Base).Inline(true),
	}
}

// New returns an empty, blurred text area, 40 cells wide and 6 rows high,
// with the Bubbles textarea's key map, prompt and dark styles. Unlike the
// Bubbles textarea it sets no limits and shows no line numbers by default.
func New() Model {
	st := newState()
	st.caret = cursor.New()
	st.virtual = true
	m := Model{
		Prompt:               lipgloss.ThickBorder().Left + " ",
		EndOfBufferCharacter: ' ',
		KeyMap:               textarea.DefaultKeyMap(),
		st:                   st,
	}
	m.SetStyles(textarea.DefaultDarkStyles())
	m.SetHeight(defaultHeight)
	m.SetWidth(defaultWidth)
	return m
}

// SetStyles sets the styles, the Bubbles textarea's own type.
func (m *Model) SetStyles(s textarea.Styles) {
	st := m.st
	st.styles = s
	st.focused, st.blurred = compute(s.Focused), compute(s.Blurred)
	st.cursorStyle()
}

// Styles returns the styles.
func (m Model) Styles() textarea.Styles { return m.st.styles }

func (st *state) cursorStyle() {
	if !st.virtual {
		st.caret.SetMode(cursor.CursorHide)
		return
	}
	st.caret.Style = lipgloss.NewStyle().Foreground(st.styles.Cursor.Color)
	if st.styles.Cursor.Blink {
		if st.styles.Cursor.BlinkSpeed > 0 {
			st.caret.BlinkSpeed = st.styles.Cursor.BlinkSpeed
		}
		st.caret.SetMode(cursor.CursorBlink)
		return
	}
	st.caret.SetMode(cursor.CursorStatic)
}

// VirtualCursor reports whether the cursor is drawn into View.
func (m Model) VirtualCursor() bool { return m.st.virtual }

// SetVirtualCursor chooses between drawing the cursor into View (true, the
// default) and leaving it to the terminal through Cursor.
func (m *Model) SetVirtualCursor(v bool) {
	m.st.virtual = v
	m.st.cursorStyle()
}

// Blink starts the virtual cursor blinking, for a program's Init.
func Blink() tea.Msg { return cursor.Blink() }

func (st *state) active() *computed {
	if st.focus {
		return &st.focused
	}
	return &st.blurred
}

// Focus lets the text area take keys and shows the cursor.
func (m *Model) Focus() tea.Cmd {
	m.st.focus = true
	return m.st.caret.Focus()
}

// Blur stops the text area taking keys and hides the cursor.
func (m *Model) Blur() {
	m.st.focus = false
	m.st.caret.Blur()
}

// Focused reports whether the text area takes keys.
func (m Model) Focused() bool { return m.st.focus }

// SetWidth fits the text area, prompt and line numbers included, into w
// cells (at least one cell of text, at most MaxWidth). Text wraps at the
// width that leaves.
func (m *Model) SetWidth(w int) {
	st := m.st
	st.promptWidth = ansi.StringWidth(m.Prompt)
	st.digits = 0
	if m.ShowLineNumbers {
		st.digits = defaultGutterDigits
		if m.MaxHeight > 0 {
			st.digits = len(strconv.Itoa(m.MaxHeight))
		}
	}
	outer := st.active().base.GetHorizontalFrameSize()
	inner := st.promptWidth + st.gutter()
	w = max(w, inner+outer+1)
	if m.MaxWidth > 0 {
		w = min(w, m.MaxWidth)
	}
	st.setWidth(w - outer - inner)
	st.settle()
}

// gutter is the width of the line numbers: the digits and a space each side.
func (st *state) gutter() int {
	if st.digits == 0 {
		return 0
	}
	return st.digits + 2
}

// Width is the width text wraps at: what SetWidth leaves after the prompt,
// line numbers and frame.
func (m Model) Width() int { return m.st.width }

// SetHeight sets how many rows are shown (at least 1, at most MaxHeight).
func (m *Model) SetHeight(h int) {
	if m.MaxHeight > 0 {
		h = min(h, m.MaxHeight)
	}
	m.st.height = max(h, 1)
	m.st.settle()
}

// Height is how many rows are shown.
func (m Model) Height() int { return m.st.height }

// SetValue replaces the text; the cursor goes to its end.
func (m *Model) SetValue(s string) {
	m.st.reset()
	m.st.insert([]rune(s), m.CharLimit)
	m.st.settle()
}

// Value returns the text. It is built once per edit, so asking again
// before the next edit costs nothing.
func (m Model) Value() string { return m.st.Value() }

// Len is the length of Value in bytes, kept as the text changes.
func (m Model) Len() int { return m.st.bytes }

// Words counts the words in Value as strings.Fields would, kept as the text
// changes.
func (m Model) Words() int { return m.st.words }

// LineCount is the number of lines.
func (m Model) LineCount() int { return len(m.st.lines) }

// Length is the Bubbles textarea's Length: the cells of every line plus
// one for each line break, what CharLimit counts. It costs a pass over the
// lines; Len is the cheap count.
func (m Model) Length() int { return m.st.length() }

// Line is the cursor's line, from 0.
func (m Model) Line() int { return m.st.row }

// Column is the cursor's rune within its line, from 0.
func (m Model) Column() int { return m.st.col }

// LineInfo describes where the cursor falls among its line's wrapped rows,
// in the Bubbles textarea's terms.
func (m Model) LineInfo() textarea.LineInfo {
	st := m.st
	sp := st.spot()
	return textarea.LineInfo{
		Width:        sp.runes,
		CharWidth:    sp.rowCells,
		Height:       st.rows(st.row),
		StartColumn:  sp.start,
		ColumnOffset: sp.col,
		RowOffset:    sp.row,
		CharOffset:   sp.cell,
	}
}

// ScrollYOffset is the first row shown, counting wrapped rows from the top.
func (m Model) ScrollYOffset() int {
	m.st.settle()
	return m.st.yoff
}

// InsertString inserts s at the cursor.
func (m *Model) InsertString(s string) {
	m.st.insert([]rune(s), m.CharLimit)
	m.st.settle()
}

// InsertRune inserts r at the cursor.
func (m *Model) InsertRune(r rune) {
	m.st.insert([]rune{r}, m.CharLimit)
	m.st.settle()
}

// Reset empties the text.
func (m *Model) Reset() {
	m.st.reset()
	m.st.settle()
}

// MoveToBegin puts the cursor at the start of the text.
func (m *Model) MoveToBegin() {
	m.st.moveRow(0)
	m.st.setCol(0)
	m.st.settle()
}

// MoveToEnd puts the cursor at the end of the text.
func (m *Model) MoveToEnd() {
	m.st.settle()
	m.st.moveRow(len(m.st.lines) - 1)
	m.st.setCol(len(m.st.cur()))
	m.st.settle()
}

// SetCursorColumn moves the cursor to rune col of its line, clamped, or
// to the start of the grapheme cluster that holds it.
func (m *Model) SetCursorColumn(col int) {
	m.st.setCol(snap(m.st.cur(), col))
	m.st.settle()
}

// CursorStart moves the cursor to the start of its line.
func (m *Model) CursorStart() { m.SetCursorColumn(0) }

// CursorEnd moves the cursor to the end of its line.
func (m *Model) CursorEnd() { m.SetCursorColumn(len(m.st.cur())) }

// CursorUp moves the cursor up one row.
func (m *Model) CursorUp() { m.vertical(-1) }

// CursorDown moves the cursor down one row.
func (m *Model) CursorDown() { m.vertical(1) }

// PageUp moves the cursor to the first row shown, or a page up if it is
// there already.
func (m *Model) PageUp() {
	m.st.settle()
	m.st.pageUp()
	m.st.settle()
}

// PageDown moves the cursor to the last row shown, or a page down if it is
// there already.
func (m *Model) PageDown() {
	m.st.settle()
	m.st.pageDown()
	m.st.settle()
}

func (m *Model) vertical(d int) {
	m.st.settle()
	m.st.vertical(d)
	m.st.settle()
}

// Word returns the word before the cursor, up to the next space; empty when
// the cursor follows a space or starts the line.
func (m Model) Word() string {
	rs := m.st.cur()
	c := m.st.col - 1
	if c < 0 || c >= len(rs) || isSpace(rs[c]) {
		return ""
	}
	from, to := c, c
	for from > 0 && !isSpace(rs[from-1]) {
		from--
	}
	for to < len(rs) && !isSpace(rs[to]) {
		to++
	}
	return string(rs[from:to])
}

// HasSelection reports whether some text is selected.
func (m Model) HasSelection() bool { return m.st.hasSelection() }

// Selection returns the selected range, start first, and whether there is
// one.
func (m Model) Selection() (start, end Position, ok bool) { return m.st.selection() }

// SelectedText returns the selected text, lines joined by newlines.
func (m Model) SelectedText() string { return m.st.selectedText() }

// SelectAll selects the whole text.
func (m *Model) SelectAll() { m.st.selectAll() }

// ClearSelection forgets the selection.
func (m *Model) ClearSelection() { m.st.clearSelection() }

// DeleteSelection removes the selected text.
func (m *Model) DeleteSelection() {
	m.st.deleteSelection()
	m.st.settle()
}

// Cursor returns where the terminal should draw its cursor, relative to
// the text area, when the virtual cursor is off; nil otherwise.
func (m Model) Cursor() *tea.Cursor {
	st := m.st
	if st.virtual || !st.focus {
		return nil
	}
	st.settle()
	base := st.active().base
	x := st.spot().cell + st.promptWidth + st.gutter() +
		base.GetMarginLeft() + base.GetPaddingLeft() + base.GetBorderLeftSize()
	y := st.cursorRow() - st.yoff +
		base.GetMarginTop() + base.GetPaddingTop() + base.GetBorderTopSize()
	c := tea.NewCursor(x, y)
	c.Blink = st.styles.Cursor.Blink
	c.Color = st.styles.Cursor.Color
	c.Shape = st.styles.Cursor.Shape
	return c
}

// ReplaceMsg replaces the whole text of the focused text area, as the
// runner's own editor hands it back; the cursor goes to its end. A
// blurred area ignores it, as it ignores keys.
type ReplaceMsg struct{ Text string }

// Update handles keys, pastes, replacements and cursor blinks while
// focused.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	st := m.st
	if !st.focus {
		st.caret.Blur()
		return m, nil
	}
	st.settle()
	oldRow, oldCol := st.cursorRow(), st.col

	var cmds []tea.Cmd
	switch msg := msg.(type) {
	case tea.PasteMsg:
		st.deleteSelection()
		st.insert([]rune(msg.Content), m.CharLimit)
	case ReplaceMsg:
		st.reset()
		st.insert([]rune(msg.Text), m.CharLimit)
	case tea.ClipboardMsg:
		if st.awaitPaste {
			st.awaitPaste = false
			st.deleteSelection()
			st.insert([]rune(msg.Content), m.CharLimit)
		}
	case tea.KeyPressMsg:
		cmd, done := m.handleKey(msg)
		if done {
			st.settle()
			return m, cmd
		}
		cmds = append(cmds, cmd)
	}
	st.settle()

	if st.virtual {
		var cmd tea.Cmd
		st.caret, cmd = st.caret.Update(msg)
		// A cursor that moved shows at once rather than mid-blink.
		if (st.cursorRow() != oldRow || st.col != oldCol) && st.caret.Mode() == cursor.CursorBlink {
			st.caret.IsBlinked = false
			cmd = st.caret.Blink()
		}
		cmds = append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

// handleKey applies one key, matched in the Bubbles textarea's order. done
// asks Update to return cmd at once, as Bubbles does for a clipboard paste
// and for enter at MaxHeight.
func (m Model) handleKey(msg tea.KeyPressMsg) (cmd tea.Cmd, done bool) {
	st, k := m.st, &m.KeyMap
	switch {
	case key.Matches(msg, k.DeleteAfterCursor):
		if st.deleteSelection() {
			break
		}
		st.col = clampCol(st.col, st.cur())
		if st.col >= len(st.cur()) {
			st.joinBelow(st.row)
			break
		}
		st.cut(st.col, len(st.cur()))
		st.setCol(len(st.cur()))
	case key.Matches(msg, k.DeleteBeforeCursor):
		if st.deleteSelection() {
			break
		}
		st.col = clampCol(st.col, st.cur())
		if st.col <= 0 {
			st.joinAbove()
			break
		}
		st.cut(0, st.col)
		st.setCol(0)
	case key.Matches(msg, k.DeleteCharacterBackward):
		if st.deleteSelection() {
			break
		}
		st.col = clampCol(st.col, st.cur())
		if st.col <= 0 {
			st.joinAbove()
			break
		}
		from := prevBoundary(st.cur(), st.col)
		st.cut(from, st.col)
		st.setCol(from)
	case key.Matches(msg, k.DeleteCharacterForward):
		if st.deleteSelection() {
			break
		}
		st.col = clampCol(st.col, st.cur())
		if st.col < len(st.cur()) {
			st.cut(st.col, clusterEnd(st.cur(), st.col))
		}
		// Like Bubbles, deleting the last rune of a line also joins the
		// next line to it.
		if st.col >= len(st.cur()) {
			st.joinBelow(st.row)
		}
	case key.Matches(msg, k.DeleteWordBackward):
		if st.deleteSelection() {
			break
		}
		if st.col <= 0 {
			st.joinAbove()
			break
		}
		st.deleteWordLeft()
	case key.Matches(msg, k.DeleteWordForward):
		if st.deleteSelection() {
			break
		}
		st.col = clampCol(st.col, st.cur())
		if st.col >= len(st.cur()) {
			st.joinBelow(st.row)
			break
		}
		st.deleteWordRight()
	case key.Matches(msg, k.InsertNewline):
		st.deleteSelection()
		if m.MaxHeight > 0 && len(st.lines) >= m.MaxHeight {
			return nil, true
		}
		st.split()
	case key.Matches(msg, k.LineEnd):
		st.clearSelection()
		st.setCol(len(st.cur()))
	case key.Matches(msg, k.LineStart):
		st.clearSelection()
		st.setCol(0)
	case key.Matches(msg, k.CharacterForward):
		st.clearSelection()
		st.right()
	case key.Matches(msg, k.LineNext):
		st.clearSelection()
		st.vertical(1)
	case key.Matches(msg, k.WordForward):
		st.clearSelection()
		st.wordRight(nil)
	case key.Matches(msg, k.Paste):
		st.deleteSelection()
		st.awaitPaste = true
		return tea.ReadClipboard, true
	case key.Matches(msg, k.CharacterBackward):
		st.clearSelection()
		st.left()
	case key.Matches(msg, k.LinePrevious):
		st.clearSelection()
		st.vertical(-1)
	case key.Matches(msg, k.WordBackward):
		st.clearSelection()
		st.wordLeft()
	case key.Matches(msg, k.InputBegin):
		st.clearSelection()
		st.moveRow(0)
		st.setCol(0)
	case key.Matches(msg, k.InputEnd):
		st.clearSelection()
		st.moveRow(len(st.lines) - 1)
		st.setCol(len(st.cur()))
	case key.Matches(msg, k.PageUp):
		st.clearSelection()
		st.pageUp()
	case key.Matches(msg, k.PageDown):
		st.clearSelection()
		st.pageDown()
	case key.Matches(msg, k.LowercaseWordForward):
		st.wordRight(unicode.ToLower)
	case key.Matches(msg, k.UppercaseWordForward):
		st.wordRight(unicode.ToUpper)
	case key.Matches(msg, k.CapitalizeWordForward):
		st.capitalizeRight()
	case key.Matches(msg, k.TransposeCharacterBackward):
		st.transpose()
	case key.Matches(msg, k.SelectCharacterForward):
		st.selectWith(st.right)
	case key.Matches(msg, k.SelectCharacterBackward):
		st.selectWith(func() { st.left() })
	case key.Matches(msg, k.SelectWordForward):
		st.selectWith(func() { st.wordRight(nil) })
	case key.Matches(msg, k.SelectWordBackward):
		st.selectWith(st.wordLeft)
	case key.Matches(msg, k.SelectLineUp):
		st.selectWith(func() { st.vertical(-1) })
	case key.Matches(msg, k.SelectLineDown):
		st.selectWith(func() { st.vertical(1) })
	case key.Matches(msg, k.SelectAll):
		st.selectAll()
	case key.Matches(msg, k.CopySelection):
		if st.hasSelection() {
			return tea.SetClipboard(st.selectedText()), false
		}
	default:
		if msg.Text == "" {
			break
		}
		st.deleteSelection()
		st.insert([]rune(msg.Text), m.CharLimit)
	}
	return nil, false
}

func clampCol(c int, rs []rune) int { return max(0, min(c, len(rs))) }
