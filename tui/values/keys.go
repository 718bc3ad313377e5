package values

import "charm.land/bubbles/v2/key"

// KeyMap holds the values screen's keys: for the list, for the two writing
// fields, for naming a value of one's own and for confirming.
type KeyMap struct {
	Up     key.Binding
	Down   key.Binding
	Pick   key.Binding
	Unpick key.Binding
	Write  key.Binding
	Add    key.Binding
	Remove key.Binding
	Next   key.Binding
	Prev   key.Binding
	Save   key.Binding

	// Writing keys.
	Field     key.Binding
	FieldBack key.Binding
	Newline   key.Binding
	Done      key.Binding

	// Naming a value of one's own.
	AddDone   key.Binding
	AddCancel key.Binding

	// Confirming an unpick or a removal.
	Yes key.Binding
	No  key.Binding
}

// DefaultKeyMap returns the values screen's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "move")),
		Down:   key.NewBinding(key.WithKeys("down", "j")),
		Pick:   key.NewBinding(key.WithKeys("space", "enter"), key.WithHelp("space", "pick")),
		Unpick: key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "unpick")),
		Write:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "write")),
		Add:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add your own")),
		Remove: key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "remove")),
		Next:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "themes")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "answers")),
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save now")),

		Field:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		FieldBack: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous field")),
		Newline:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "new line")),
		Done:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the list")),

		AddDone:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "add it")),
		AddCancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),

		Yes: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:  key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "keep it")),
	}
}

// mode selects which keys are live, so the help footer never lies.
type mode int

const (
	modeList mode = iota
	modeField
	modeAdd
	modeConfirm
)

// setMode switches the keys on for mode. On the list, what space and enter
// do depends on the row under the cursor: whether there is one, whether it
// is picked, and whether it is the runner's own.
func (k *KeyMap) setMode(m mode, hasRow, picked, own bool) {
	list := m == modeList
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.Add, &k.Next, &k.Prev} {
		b.SetEnabled(list)
	}
	k.Pick.SetEnabled(list && hasRow && !picked)
	k.Unpick.SetEnabled(list && hasRow && picked)
	k.Write.SetEnabled(list && hasRow && picked)
	k.Remove.SetEnabled(list && hasRow && own)
	k.Save.SetEnabled(list || m == modeField)

	for _, b := range []*key.Binding{&k.Field, &k.FieldBack, &k.Newline, &k.Done} {
		b.SetEnabled(m == modeField)
	}
	k.AddDone.SetEnabled(m == modeAdd)
	k.AddCancel.SetEnabled(m == modeAdd)
	k.Yes.SetEnabled(m == modeConfirm)
	k.No.SetEnabled(m == modeConfirm)
}

// ShortHelp lists the live keys for the help footer.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{
		k.Up, k.Pick, k.Unpick, k.Write, k.Add, k.Next,
		k.Field, k.Newline, k.Done,
		k.AddDone, k.AddCancel,
		k.Yes, k.No,
	}
}

// FullHelp lists every live key for the expanded help.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Pick, k.Unpick, k.Write},
		{k.Add, k.Remove, k.Next, k.Prev},
		{k.Field, k.FieldBack, k.Newline, k.Done, k.Save},
		{k.AddDone, k.AddCancel, k.Yes, k.No},
	}
}
