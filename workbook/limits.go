package workbook

// How much one piece of writing holds. The text areas check them before
// text goes in, refusing an insertion whole rather than cutting it, and
// an import checks them before anything is written: past them a text
// area would slow under every key.
const (
	// MaxAnswerBytes and MaxAnswerLines bound an answer, a note or any
	// other text written in a text area.
	MaxAnswerBytes = 64 << 10
	MaxAnswerLines = 10000
	// MaxNameRunes bounds a name of the runner's own: a value, a theme.
	MaxNameRunes = 60
	// MaxLineRunes bounds any other one-line field: the motivation that
	// matters most, an idea's blank, a search.
	MaxLineRunes = 1000
)
