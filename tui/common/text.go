package common

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/tui/textbox"
	"github.com/cairn-run/cairn/workbook"
)

// Answer limits. cairn's text areas (tui/textbox) set no caps of their own
// (the Bubbles textarea stopped at 99 lines and silently cut pastes); the
// screens check these limits first, so text is refused whole with a
// message rather than quietly cut.
const (
	MaxAnswerBytes = workbook.MaxAnswerBytes
	MaxAnswerLines = workbook.MaxAnswerLines
)

// Limits of one-line fields, in characters. A name of the runner's own (a
// value, a theme) is a name, not an answer; any other line (the motivation
// that matters most, an idea's blank, a search) is a line, not a page.
const (
	MaxNameRunes = workbook.MaxNameRunes
	MaxLineRunes = workbook.MaxLineRunes
)

// NormalizeNewlines turns CRLF and lone CR into LF, once, at the edge where
// text comes in.
func NormalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// CleanPaste makes pasted text what a text area will really hold: CRLF
// and lone CR become LF, a tab becomes four spaces (as the Bubbles textarea
// does), and other control characters and invalid bytes are dropped. The
// limits are then checked on the text as it will be stored.
func CleanPaste(s string) string {
	s = strings.ReplaceAll(NormalizeNewlines(s), "\t", "    ")
	return strings.Map(func(r rune) rune {
		if r != '\n' && (r == utf8.RuneError || unicode.IsControl(r)) {
			return -1
		}
		return r
	}, s)
}

// OneLine folds pasted text onto one line, for one-line fields: a pasted
// paragraph becomes a line, not a lost one.
func OneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Insertion describes how much text a message would add to an answer.
type Insertion struct {
	Bytes int
	Lines int // new line breaks
}

// Inserts reports how much text msg would insert into a text area whose
// newline keys are newline. A paste is measured as CleanPaste leaves it.
// Messages that insert nothing return a zero Insertion and false.
func Inserts(msg tea.Msg, newline key.Binding) (Insertion, bool) {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		text := CleanPaste(msg.Content)
		return Insertion{Bytes: len(text), Lines: strings.Count(text, "\n")}, true
	case tea.KeyPressMsg:
		if key.Matches(msg, newline) {
			return Insertion{Bytes: 1, Lines: 1}, true
		}
		if msg.Text != "" {
			return Insertion{Bytes: len(msg.Text)}, true
		}
	}
	return Insertion{}, false
}

// Fits reports whether adding ins to a text of size bytes in lines lines
// stays within the answer limits, and if not, a calm sentence saying what
// happened. It takes the counts, not the text: a text area keeps them as
// it changes, so checking a key costs the same in a long answer as in a
// short one.
func Fits(bytes, lines int, ins Insertion) (bool, string) {
	switch {
	case bytes+ins.Bytes > MaxAnswerBytes:
		if ins.Bytes > 1 {
			return false, fmt.Sprintf("Not added: that paste would take this answer past %d KB.", MaxAnswerBytes>>10)
		}
		return false, fmt.Sprintf("This answer is full: %d KB is the most one answer holds.", MaxAnswerBytes>>10)
	case lines+ins.Lines > MaxAnswerLines:
		return false, fmt.Sprintf("Not added: one answer holds at most %d lines.", MaxAnswerLines)
	}
	return true, ""
}

// Admit prepares msg for the text area ta: a paste is cleaned with
// CleanPaste, then the insertion is checked against the limits, using the
// area's own counts of its text. It returns the message to pass on, or, when nothing may be
// added, the reason to show the runner. Nothing is ever cut to fit.
//
// New lines are counted on ta's own InsertNewline keys (enter and ctrl+m
// in Bubbles), never on a screen's key map: a key the area turns into a
// line that the check did not count would slip past the line limit.
func Admit(msg tea.Msg, ta *textbox.Model) (tea.Msg, string) {
	if r, ok := msg.(textbox.ReplaceMsg); ok {
		// The whole text, from the runner's own editor: checked whole, as
		// if typed into an empty area.
		r.Text = CleanPaste(r.Text)
		switch {
		case len(r.Text) > MaxAnswerBytes:
			return r, fmt.Sprintf("Not taken from your editor: that is over %d KB, more than one piece of writing holds. It is as it was here.", MaxAnswerBytes>>10)
		case strings.Count(r.Text, "\n") >= MaxAnswerLines:
			return r, fmt.Sprintf("Not taken from your editor: that is over %d lines, more than one piece of writing holds. It is as it was here.", MaxAnswerLines)
		}
		return r, ""
	}
	if p, ok := msg.(tea.PasteMsg); ok {
		p.Content = CleanPaste(p.Content)
		msg = p
	}
	if ins, ok := Inserts(msg, ta.KeyMap.InsertNewline); ok {
		if fits, why := Fits(ta.Len(), ta.LineCount(), ins); !fits {
			return msg, why
		}
	}
	return msg, ""
}

// AdmitLine prepares msg for a one-line field that holds text and takes
// at most limit characters: a paste is cleaned and folded onto one line (a
// pasted paragraph becomes a line, not a lost one). It returns the message
// to pass on, or, when nothing may be added, the reason to show the
// runner, naming the field as what ("A value's name"). Nothing is ever
// cut to fit.
func AdmitLine(msg tea.Msg, text string, limit int, what string) (tea.Msg, string) {
	var added string
	switch m := msg.(type) {
	case tea.PasteMsg:
		m.Content = OneLine(CleanPaste(m.Content))
		msg, added = m, m.Content
	case tea.KeyPressMsg:
		added = m.Text
	}
	if added != "" && utf8.RuneCountInString(text)+utf8.RuneCountInString(added) > limit {
		return msg, fmt.Sprintf("%s holds up to %d characters; nothing was added.", what, limit)
	}
	return msg, ""
}

// NewTextArea returns a text area set up for a runner's writing: cairn's
// own (tui/textbox), whose cost per key does not grow with the answer and
// whose view always shows the cursor's line. It sets no limits: screens
// check cairn's own (Admit) before inserting. Its clipboard key is off,
// because a clipboard read would bypass that check, and terminals paste
// through bracketed paste anyway.
func NewTextArea(s *Styles, placeholder string) textbox.Model {
	ta := textbox.New()
	ta.Prompt = "│ "
	ta.ShowLineNumbers = false
	ta.Placeholder = placeholder
	ta.EndOfBufferCharacter = ' '
	ta.MaxHeight, ta.CharLimit, ta.MaxWidth = 0, 0, 0
	ta.KeyMap.Paste.SetEnabled(false)
	// ctrl+e opens the runner's own editor (the root's key); end still
	// goes to the end of the line.
	ta.KeyMap.LineEnd.SetKeys("end")
	ta.SetStyles(s.TextArea)
	return ta
}

// SetInputWidth gives a one-line input a new width and scrolls its text
// to fit it. The Bubbles input works out which part of its text to show
// only as it is edited, so after a window grows narrower it would go on
// showing a stretch wider than its new width, past the edge of its pane.
func SetInputWidth(in *textinput.Model, w int) {
	if in.Width() == w {
		return // nothing to fit again, and the text stays where it was scrolled
	}
	in.SetWidth(w)
	pos := in.Position()
	in.SetCursor(len(in.Value())) // shows the end, fitted to the width
	in.SetCursor(pos)             // and back, scrolling only if it must
}

// Editable is a screen that can hand the text area in focus to the
// runner's own editor ($VISUAL or $EDITOR): EditorText returns the area's
// text, and ok false when no text area has focus. What the editor leaves
// comes back to the screen's Update as a textbox.ReplaceMsg, which the
// screen passes through Admit to the same area, as it does a paste.
type Editable interface {
	EditorText() (text string, ok bool)
}
