package common

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
)

// PageKeys are the keys of a page read by scrolling (the summary, past
// seasons, season over season): those a Bubbles viewport takes, and the
// two ends a pager has besides, which the viewport leaves to its user.
type PageKeys struct {
	Scroll key.Binding // a line: ↑/↓, k/j
	Page   key.Binding // a page: pgup/pgdn, b/space
	Ends   key.Binding // names Top and Bottom in the help
	Top    key.Binding
	Bottom key.Binding
}

// DefaultPageKeys returns the keys of a page.
func DefaultPageKeys() PageKeys {
	return PageKeys{
		Scroll: key.NewBinding(key.WithKeys("up", "down", "k", "j"), key.WithHelp("↑/↓", "scroll")),
		Page:   key.NewBinding(key.WithKeys("pgup", "pgdown", "b", "space", "f"), key.WithHelp("pgup/pgdn", "a page")),
		Ends:   key.NewBinding(key.WithKeys("home", "end", "g", "G"), key.WithHelp("g/G", "top, end")),
		Top:    key.NewBinding(key.WithKeys("home", "g")),
		Bottom: key.NewBinding(key.WithKeys("end", "G")),
	}
}

// Move scrolls page as msg asks: to the top or the end, or as the
// viewport itself moves.
func (k PageKeys) Move(page *viewport.Model, msg tea.Msg) tea.Cmd {
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(kp, k.Top):
			page.GotoTop()
			return nil
		case key.Matches(kp, k.Bottom):
			page.GotoBottom()
			return nil
		}
	}
	var cmd tea.Cmd
	*page, cmd = page.Update(msg)
	return cmd
}
