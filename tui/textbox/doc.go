// Package textbox is cairn's multi-line text area: the Bubbles textarea's
// keys and editing, at a cost per key that does not grow with the answer.
//
// # Why it exists
//
// The Bubbles textarea (charm.land/bubbles/v2/textarea) draws and wraps its
// whole text on every key, looking each line up in a wrap cache keyed by a
// SHA-256 of the line. Measured in cairn, CPU per key was 5 ms for a 1 KB
// answer, 11 ms at 8 KB, 37 ms at 32 KB and 66 ms at 60 KB: 200 characters
// typed into a 60 KB answer took 15 s to appear. A plain (unbracketed) paste
// of 3.5 KB, which arrives as thousands of single key messages, took about
// 20 s. And its view could lag its cursor: after deleting lines back into
// the first line it showed one line and 17 blank rows until up was pressed,
// and at small heights it sometimes hid its first line.
//
// # How it works
//
// The text is kept as lines of runes. Each line caches its own wrapping;
// an edit lays out again only the rows around it (each row records whether
// wrapping can start again from it), and a width change lays out every
// line once. The rows above the cursor and in all are counted as lines
// change, and View draws only the rows in view, so a key costs about the
// same in a 60 KB answer, even one long paragraph, as in a short one
// (BenchmarkKey sets the two text areas side by side). Value joins the
// lines once per edit; Len, LineCount and Words are kept as the text
// changes, for callers that need a count on every key or frame.
//
// # Compared with Bubbles
//
// The same: the key map (Model.KeyMap is a textarea.KeyMap), the styles
// (SetStyles takes textarea.Styles), the editing, word moves and vertical
// moves step for step (quirks included, such as delete joining the next
// line when it removes a line's last rune), soft wrapping at spaces with
// wide runes counted as two cells, tabs as four spaces, the virtual cursor
// (or a real one through Cursor), keyboard selection. A differential test
// drives both with random keys and compares text, cursor and screen, up
// to the first key that meets a cluster of more than one rune.
//
// Different, on purpose:
//
//   - The view always shows the cursor's row and fills its height: after
//     text is deleted it slides back down rather than showing empty rows
//     while text is hidden above, and after SetValue it shows the cursor
//     at once, not at the next Update.
//   - Blurred, it shows its text from the first row, wherever the cursor
//     was: a box of answers read back, or left with esc, begins at its
//     beginning rather than at its last lines.
//   - No row is wider than the width. Bubbles lets a word that mixes wide
//     and narrow runes overflow a row and cuts it when drawing; here the
//     word breaks one rune earlier. A single rune wider than the whole
//     row is still cut.
//   - The cursor moves by grapheme cluster, not by rune: left, right,
//     backspace, delete, transpose, up and down, selection and
//     SetCursorColumn step over an emoji with its skin tone, a ZWJ family,
//     a flag or a letter with its accents whole, so nothing typed lands
//     inside one ("💪X🏽"). Word moves find words rune by rune, as
//     Bubbles does, then land on the start of their cluster.
//   - The cursor and selection edges are drawn over whole grapheme
//     clusters, so a joined emoji is never split by escape codes (which
//     makes it wider and, in Bubbles, cuts the row).
//   - No limits unless asked: MaxHeight, MaxWidth and CharLimit default to
//     0 (none), and there is no 10,000-line cap; callers check their own
//     limits before inserting. Line numbers are off by default, and with
//     MaxHeight 0 they get five digits (Bubbles reserves one).
//   - The paste and copy keys use the terminal's clipboard (OSC 52,
//     tea.ReadClipboard and tea.SetClipboard), not the system one.
//
// Not supported: mouse selection (BeginSelection and friends), dynamic
// height, MaxContentHeight and SetPromptFunc.
package textbox
