package common

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Styles is cairn's one set of semantic styles. Fields say what a style is
// for, never what colour it is; NewStyles picks colours for light or dark
// terminals.
type Styles struct {
	IsDark bool

	Brand      lipgloss.Style // the word "cairn" in the header
	Step       lipgloss.Style // a step of the trail in the header
	StepActive lipgloss.Style // the step being shown
	Rule       lipgloss.Style // thin separators

	Title    lipgloss.Style // a question or a screen's heading
	Subtitle lipgloss.Style // a section heading
	Text     lipgloss.Style
	Muted    lipgloss.Style // guidance, counters, quiet notes
	Accent   lipgloss.Style // the one thing to look at
	Error    lipgloss.Style // something went wrong
	Saved    lipgloss.Style // the saved mark
	Nudge    lipgloss.Style // a calm suggestion, never an alarm

	Panel         lipgloss.Style // a bordered area
	PanelFocused  lipgloss.Style
	Column        lipgloss.Style // a goal board column
	ColumnFocused lipgloss.Style
	Card          lipgloss.Style // a goal on the board
	CardSelected  lipgloss.Style
	CardLinked    lipgloss.Style // a goal on the same ladder as the selected one
	Selected      lipgloss.Style // the highlighted row of a list
	Trigger       lipgloss.Style // words that suggested a theme
	Averse        lipgloss.Style // a theme the runner would rather avoid
	Met           lipgloss.Style // a check that is met
	Open          lipgloss.Style // a check still open

	Help      help.Styles
	TextArea  textarea.Styles
	TextInput textinput.Styles
}

// NewStyles builds the styles for a dark or light terminal background.
func NewStyles(isDark bool) *Styles {
	c := lipgloss.LightDark(isDark)
	var (
		text      = c(lipgloss.Color("#2b2a27"), lipgloss.Color("#e4e1da"))
		muted     = c(lipgloss.Color("#6f6b63"), lipgloss.Color("#8f8a80"))
		faint     = c(lipgloss.Color("#c9c4ba"), lipgloss.Color("#4a4741"))
		accent    = c(lipgloss.Color("#2f6f62"), lipgloss.Color("#86bfae"))
		stone     = c(lipgloss.Color("#6b5637"), lipgloss.Color("#d9c7a3"))
		errColor  = c(lipgloss.Color("#a5453b"), lipgloss.Color("#e08e83"))
		good      = c(lipgloss.Color("#3d6e36"), lipgloss.Color("#9cc48f"))
		nudge     = c(lipgloss.Color("#8a5a14"), lipgloss.Color("#e0b872"))
		highlight = c(lipgloss.Color("#d8ebe4"), lipgloss.Color("#2e4740"))
	)

	s := &Styles{IsDark: isDark}
	s.Brand = lipgloss.NewStyle().Foreground(stone).Bold(true)
	s.Step = lipgloss.NewStyle().Foreground(muted)
	s.StepActive = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Rule = lipgloss.NewStyle().Foreground(faint)

	s.Title = lipgloss.NewStyle().Foreground(stone).Bold(true)
	s.Subtitle = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Text = lipgloss.NewStyle().Foreground(text)
	s.Muted = lipgloss.NewStyle().Foreground(muted)
	s.Accent = lipgloss.NewStyle().Foreground(accent)
	s.Error = lipgloss.NewStyle().Foreground(errColor)
	s.Saved = lipgloss.NewStyle().Foreground(good)
	s.Nudge = lipgloss.NewStyle().Foreground(nudge)

	s.Panel = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(faint).Padding(0, 1)
	s.PanelFocused = s.Panel.BorderForeground(accent)
	s.Column = s.Panel
	s.ColumnFocused = s.PanelFocused
	s.Card = lipgloss.NewStyle().PaddingLeft(1).Border(lipgloss.NormalBorder(), false, false, false, true).BorderForeground(faint)
	// The selected card is told by the shape of its bar, not only by its
	// colour: runners who do not see the colour, and terminals with
	// NO_COLOR, see a heavier bar.
	s.CardSelected = s.Card.BorderStyle(lipgloss.Border{Left: "┃"}).BorderForeground(accent).Foreground(text).Bold(true)
	s.CardLinked = s.Card.BorderForeground(accent).BorderStyle(lipgloss.Border{Left: "┊"})
	s.Selected = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Trigger = lipgloss.NewStyle().Background(highlight).Foreground(text).Bold(true)
	s.Averse = lipgloss.NewStyle().Foreground(nudge)
	s.Met = lipgloss.NewStyle().Foreground(good)
	s.Open = lipgloss.NewStyle().Foreground(muted)

	s.Help = help.DefaultStyles(isDark)
	s.Help.ShortKey = s.Help.ShortKey.Foreground(accent)
	s.Help.FullKey = s.Help.FullKey.Foreground(accent)

	s.TextArea = textarea.DefaultStyles(isDark)
	for _, st := range []*textarea.StyleState{&s.TextArea.Focused, &s.TextArea.Blurred} {
		st.CursorLine = lipgloss.NewStyle()
		st.Text = lipgloss.NewStyle().Foreground(text)
		st.Placeholder = lipgloss.NewStyle().Foreground(muted).Italic(true)
		st.EndOfBuffer = lipgloss.NewStyle().Foreground(faint)
	}
	s.TextArea.Focused.Prompt = lipgloss.NewStyle().Foreground(accent)
	s.TextArea.Blurred.Prompt = lipgloss.NewStyle().Foreground(faint)
	s.TextArea.Blurred.Text = s.Muted
	s.TextArea.Cursor.Color = accent
	s.TextArea.Cursor.Blink = false // a quiet screen: nothing blinks

	s.TextInput = textinput.DefaultStyles(isDark)
	s.TextInput.Focused.Prompt = lipgloss.NewStyle().Foreground(accent)
	s.TextInput.Focused.Text = lipgloss.NewStyle().Foreground(text)
	s.TextInput.Blurred.Text = s.Muted
	s.TextInput.Cursor.Color = accent
	s.TextInput.Cursor.Blink = false
	return s
}
