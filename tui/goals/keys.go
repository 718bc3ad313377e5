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
	Next      key.Binding // named by where it goes: "next step" is the board's answer to "what is my next step this week?"
	Prev      key.Binding
	Yes       key.Binding
	No        key.Binding

	Ideas key.Binding
	Hint  key.Binding

	// Idea picker keys.
	PickUp   key.Binding
	PickDown key.Binding
	Kind     key.Binding
	Theme    key.Binding
	Column   key.Binding
	Search   key.Binding
	Pick     key.Binding
	Close    key.Binding

	// Editor keys.
	Field     key.Binding
	FieldBack key.Binding
	Choose    key.Binding // ← or →: shown in help; matched by the two below
	ChooseL   key.Binding
	ChooseR   key.Binding
	ItemUp    key.Binding
	ItemDown  key.Binding
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
		MoveUp:    key.NewBinding(key.WithKeys("shift+up", "K"), key.WithHelp("K/J", "reorder")),
		MoveDown:  key.NewBinding(key.WithKeys("shift+down", "J")),
		Feel:      key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "doable/scary/neither")),
		Next:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "summary")),
		Prev:      key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "themes")),
		Yes:       key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "delete it")),
		No:        key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "keep it")),
		Ideas:     key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "goal ideas")),
		Hint:      key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "next hint")),

		PickUp:   key.NewBinding(key.WithKeys("up", "k", "pgup"), key.WithHelp("↑/↓", "idea")),
		PickDown: key.NewBinding(key.WithKeys("down", "j", "pgdown")),
		Kind:     key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "kind")),
		Theme:    key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "theme")),
		Column:   key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "column")),
		Search:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		Pick:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "use it")),
		Close:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),

		Field:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		FieldBack: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous field")),
		Choose:    key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "change")),
		ChooseL:   key.NewBinding(key.WithKeys("left")),
		ChooseR:   key.NewBinding(key.WithKeys("right")),
		ItemUp:    key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "item")),
		ItemDown:  key.NewBinding(key.WithKeys("down")),
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
	modePick
	modePickSearch
	modeFill
)

func (k *KeyMap) setMode(m mode, empty bool) {
	board := m == modeBoard
	for _, b := range []*key.Binding{&k.Left, &k.Right, &k.Up, &k.Down, &k.Add, &k.Ideas, &k.Next, &k.Prev} {
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
	k.ChooseL.SetEnabled(m == modeEditField)
	k.ChooseR.SetEnabled(m == modeEditField)
	k.ItemUp.SetEnabled(m == modeEditField)
	k.ItemDown.SetEnabled(m == modeEditField)
	k.Toggle.SetEnabled(m == modeEditField)
	list := m == modePick
	for _, b := range []*key.Binding{&k.PickUp, &k.PickDown, &k.Kind, &k.Theme, &k.Column, &k.Search} {
		b.SetEnabled(list)
	}
	k.Pick.SetEnabled(list || m == modePickSearch || m == modeFill)
	k.Close.SetEnabled(list || m == modePickSearch || m == modeFill)
	if m == modePickSearch {
		k.Close.SetHelp("esc", "stop searching")
	} else {
		k.Close.SetHelp("esc", "back")
	}
	if m == modeFill {
		k.Field.SetEnabled(true)
		k.FieldBack.SetEnabled(true)
	}
}

// ShortHelp lists the live keys for the help footer.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Add, k.Ideas, k.Edit, k.Feel, k.Next, k.Yes, k.No, k.Field, k.Choose, k.Toggle, k.Done,
		k.Pick, k.Kind, k.Theme, k.Column, k.Search, k.Close}
}

// FullHelp lists every live key for the expanded help.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Add, k.Ideas, k.Edit, k.Delete, k.Feel, k.Hint},
		{k.Left, k.Up, k.MoveLeft, k.MoveUp},
		{k.Next, k.Prev, k.Yes, k.No},
		{k.Field, k.FieldBack, k.Choose, k.ItemUp, k.Toggle, k.Done},
		{k.PickUp, k.Pick, k.Kind, k.Theme, k.Column, k.Search, k.Close},
	}
}
