package themes

import (
	"charm.land/bubbles/v2/key"

	"github.com/cairn-run/cairn/workbook"
)

// KeyMap holds the themes screen's keys.
type KeyMap struct {
	Up      key.Binding
	Down    key.Binding
	Confirm key.Binding
	Dismiss key.Binding
	Flip    key.Binding
	Top     key.Binding
	Add     key.Binding
	Remove  key.Binding
	Read    key.Binding
	Scroll  key.Binding
	Next    key.Binding
	Prev    key.Binding
	Back    key.Binding // from a writing field back to the list
	Save    key.Binding
	Accept  key.Binding
	Cancel  key.Binding
	Yes     key.Binding // removing one of the runner's own themes
	No      key.Binding
}

// DefaultKeyMap returns the themes screen's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "theme")),
		Down:    key.NewBinding(key.WithKeys("down", "j")),
		Confirm: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "that's me")),
		Dismiss: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "not me")),
		Flip:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "drawn to / rather not")),
		Top:     key.NewBinding(key.WithKeys("*"), key.WithHelp("*", "matters most")),
		Add:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add your own")),
		Remove:  key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "remove yours")),
		Read:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "read answers")),
		Scroll:  key.NewBinding(key.WithKeys("pgup", "pgdown"), key.WithHelp("pgup/pgdn", "scroll")),
		Next:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "your notes")),
		Prev:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the themes")),
		Save:    key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save now")),
		Accept:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "add")),
		Cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Yes:     key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "remove it")),
		No:      key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "keep it")),
	}
}

// ShortHelp lists the live keys for the help footer.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Confirm, k.Dismiss, k.Top, k.Add, k.Read, k.Next, k.Back, k.Accept, k.Cancel, k.Yes, k.No}
}

// FullHelp lists every live key for the expanded help.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Confirm, k.Dismiss, k.Flip},
		{k.Top, k.Add, k.Remove, k.Read},
		{k.Scroll, k.Next, k.Prev, k.Back, k.Save},
		{k.Accept, k.Cancel, k.Yes, k.No},
	}
}

// nextHelp names where tab goes from each part: the way in and out of the
// writing fields is in the footer, not only in the tab order.
var nextHelp = [partCount]string{partList: "your notes", partNotes: "what matters most", partMotivation: "on to goals"}

// setPart switches the keys on for what has focus, so the footer never lies.
func (k *KeyMap) setPart(p part, adding, confirming bool, sel row, has bool) {
	list := p == partList && !adding && !confirming
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.Add, &k.Read, &k.Scroll} {
		b.SetEnabled(list)
	}
	k.Confirm.SetEnabled(list && has && !sel.own)
	k.Dismiss.SetEnabled(list && has && !sel.own)
	k.Flip.SetEnabled(list && has && sel.status != workbook.Dismissed)
	k.Top.SetEnabled(list && has && sel.status != workbook.Dismissed)
	k.Remove.SetEnabled(list && has && sel.own)
	k.Next.SetEnabled(!adding && !confirming)
	k.Next.SetHelp("tab", nextHelp[p])
	k.Prev.SetEnabled(!adding && !confirming)
	k.Back.SetEnabled(p != partList)
	k.Save.SetEnabled(p != partList)
	k.Accept.SetEnabled(adding)
	k.Cancel.SetEnabled(adding)
	k.Yes.SetEnabled(confirming)
	k.No.SetEnabled(confirming)
}
