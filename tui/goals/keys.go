package goals

import "charm.land/bubbles/v2/key"

// KeyMap holds the goal board's keys, for the board and for the editor.
type KeyMap struct {
	Left      key.Binding
	Right     key.Binding
	Up        key.Binding
	Down      key.Binding
	Add       key.Binding
	Edit      key.Binding
	Delete    key.Binding
	MoveLeft  key.Binding
	MoveRight key.Binding
	MoveUp    key.Binding
	MoveDown  key.Binding
	Feel      key.Binding
	Next      key.Binding
	Prev      key.Binding
	Yes       key.Binding
	No        key.Binding

	// Editor keys.
	Field     key.Binding
	FieldBack key.Binding
	Choose    key.Binding
	Toggle    key.Binding
	Done      key.Binding
}

// DefaultKeyMap returns the goal board's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Left:      key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", "column")),
		Right:     key.NewBinding(key.WithKeys("right", "l")),
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "goal")),
		Down:      key.NewBinding(key.WithKeys("down", "j")),
		Add:       key.NewBinding(key.WithKeys("a", "n"), key.WithHelp("a", "add")),
		Edit:      key.NewBinding(key.WithKeys("enter", "e"), key.WithHelp("enter", "edit")),
		Delete:    key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "delete")),
		MoveLeft:  key.NewBinding(key.WithKeys("<", "shift+left", "H"), key.WithHelp("</>", "move")),
		MoveRight: key.NewBinding(key.WithKeys(">", "shift+right", "L")),
		MoveUp:    key.NewBinding(key.WithKeys("shift+up", "K")),
		MoveDown:  key.NewBinding(key.WithKeys("shift+down", "J")),
		Feel:      key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "doable/scary")),
		Next:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next step")),
		Prev:      key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back")),
		Yes:       key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "delete it")),
		No:        key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "keep it")),

		Field:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		FieldBack: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous field")),
		Choose:    key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "change")),
		Toggle:    key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "tick")),
		Done:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "done")),
	}
}

// mode selects which keys are live, so the help footer never lies.
type mode int

const (
	modeBoard mode = iota
	modeConfirm
	modeEditText
	modeEditField
)

func (k *KeyMap) setMode(m mode, empty bool) {
	board := m == modeBoard
	for _, b := range []*key.Binding{&k.Left, &k.Right, &k.Up, &k.Down, &k.Add, &k.Next, &k.Prev} {
		b.SetEnabled(board)
	}
	for _, b := range []*key.Binding{&k.Edit, &k.Delete, &k.MoveLeft, &k.MoveRight, &k.MoveUp, &k.MoveDown, &k.Feel} {
		b.SetEnabled(board && !empty)
	}
	k.Yes.SetEnabled(m == modeConfirm)
	k.No.SetEnabled(m == modeConfirm)
	editing := m == modeEditText || m == modeEditField
	k.Field.SetEnabled(editing)
	k.FieldBack.SetEnabled(editing)
	k.Done.SetEnabled(editing)
	k.Choose.SetEnabled(m == modeEditField)
	k.Toggle.SetEnabled(m == modeEditField)
}

// ShortHelp lists the live keys for the help footer.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Add, k.Edit, k.Feel, k.Next, k.Yes, k.No, k.Field, k.Choose, k.Toggle, k.Done}
}

// FullHelp lists every live key for the expanded help.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Add, k.Edit, k.Delete, k.Feel},
		{k.Left, k.Up, k.MoveLeft},
		{k.Next, k.Prev, k.Yes, k.No},
		{k.Field, k.FieldBack, k.Choose, k.Toggle, k.Done},
	}
}
