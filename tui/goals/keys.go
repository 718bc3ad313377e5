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
	// Context shows in full the themes, values, next step and hints the
	// board had to cut to fit.
	Context key.Binding

	// Coming back (life.go): a goal's state, its rest, its history, the
	// weekly look back and another look at what has rested.
	State   key.Binding
	Rest    key.Binding
	RestAll key.Binding
	Diary   key.Binding
	Week    key.Binding
	Look    key.Binding

	// Keys while one of those is open.
	OptUp     key.Binding
	OptDown   key.Binding
	OptPick   key.Binding
	Days      key.Binding // ←/→: shown in help; matched by the two below
	Fewer     key.Binding
	More      key.Binding
	Outcome   key.Binding // d/p/m/l: shown in help; matched by the four below
	DoneIt    key.Binding
	PartlyIt  key.Binding
	MissedIt  key.Binding
	DropIt    key.Binding
	TryAgain  key.Binding
	Adjust    key.Binding
	KeepIt    key.Binding
	CommitIt  key.Binding
	LetItGo   key.Binding
	EditIt    key.Binding
	RestAgain key.Binding
	Skip      key.Binding
	Bigger    key.Binding
	NewSeason key.Binding
	SaveLine  key.Binding
	Back      key.Binding

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
		Context:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "read it all")),

		State:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "commit, rest, reached")),
		Rest:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rest it")),
		RestAll: key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "rest the board")),
		Diary:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "its history")),
		Week:    key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "look back on last week")),
		Look:    key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "another look")),

		OptUp:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "choose")),
		OptDown:   key.NewBinding(key.WithKeys("down", "j")),
		OptPick:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Days:      key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "days")),
		Fewer:     key.NewBinding(key.WithKeys("left", "h", "-")),
		More:      key.NewBinding(key.WithKeys("right", "l", "+")),
		Outcome:   key.NewBinding(key.WithKeys("d", "p", "m", "l"), key.WithHelp("d/p/m/l", "done, partly, missed, let go")),
		DoneIt:    key.NewBinding(key.WithKeys("d")),
		PartlyIt:  key.NewBinding(key.WithKeys("p")),
		MissedIt:  key.NewBinding(key.WithKeys("m")),
		DropIt:    key.NewBinding(key.WithKeys("l")),
		TryAgain:  key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "try again this week")),
		Adjust:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "adjust it")),
		KeepIt:    key.NewBinding(key.WithKeys("k"), key.WithHelp("k", "keep as is")),
		CommitIt:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "commit")),
		LetItGo:   key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "let go")),
		EditIt:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		RestAgain: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rest longer")),
		Skip:      key.NewBinding(key.WithKeys("n", "tab"), key.WithHelp("n", "later")),
		Bigger:    key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "a bigger goal")),
		NewSeason: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "a new season")),
		SaveLine:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep it")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),

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
	// Coming back (life.go).
	modeState
	modeRest
	modeLine
	modeNext
	modeWeek
	modeLook
	modeDiary
	modeContext
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
	for _, b := range []*key.Binding{&k.State, &k.Rest, &k.Diary} {
		b.SetEnabled(board && !empty)
	}
	// RestAll, Week and Look depend on the goals, not only the mode: the
	// board sets them after this (syncKeys).
	for _, b := range []*key.Binding{&k.RestAll, &k.Week, &k.Look} {
		b.SetEnabled(false)
	}
	k.OptUp.SetEnabled(m == modeState || m == modeWeek || m == modeDiary || m == modeContext)
	k.OptDown.SetEnabled(m == modeState || m == modeWeek || m == modeDiary || m == modeContext)
	k.OptPick.SetEnabled(m == modeState || m == modeRest)
	if m == modeRest {
		k.OptPick.SetHelp("enter", "rest")
	} else {
		k.OptPick.SetHelp("enter", "choose")
	}
	if m == modeDiary || m == modeContext {
		k.OptUp.SetHelp("↑/↓", "scroll")
	} else {
		k.OptUp.SetHelp("↑/↓", "choose")
	}
	for _, b := range []*key.Binding{&k.Days, &k.Fewer, &k.More} {
		b.SetEnabled(m == modeRest)
	}
	for _, b := range []*key.Binding{&k.Outcome, &k.DoneIt, &k.PartlyIt, &k.MissedIt, &k.DropIt} {
		b.SetEnabled(m == modeWeek)
	}
	k.TryAgain.SetEnabled(false) // only on a step missed or partly done (syncKeys)
	k.Adjust.SetEnabled(false)
	for _, b := range []*key.Binding{&k.KeepIt, &k.CommitIt, &k.LetItGo, &k.EditIt, &k.RestAgain, &k.Skip} {
		b.SetEnabled(m == modeLook)
	}
	k.Bigger.SetEnabled(m == modeNext)
	k.NewSeason.SetEnabled(m == modeNext)
	k.SaveLine.SetEnabled(m == modeLine)
	k.Back.SetEnabled(m >= modeState)
	switch m {
	case modeLine:
		k.Back.SetHelp("esc", "skip")
	case modeWeek, modeNext:
		k.Back.SetHelp("esc", "the board")
	default:
		k.Back.SetHelp("esc", "back")
	}
}

// ShortHelp lists the live keys for the help footer.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Look, k.Week, k.Add, k.Ideas, k.Edit, k.Context, k.Feel, k.Next, k.Yes, k.No, k.Field, k.Choose, k.Toggle, k.Done,
		k.Pick, k.Kind, k.Theme, k.Column, k.Search, k.Close,
		k.KeepIt, k.EditIt, k.CommitIt, k.LetItGo, k.RestAgain, k.Skip,
		k.Outcome, k.TryAgain, k.Adjust, k.OptUp, k.OptPick, k.Days, k.Bigger, k.NewSeason, k.SaveLine, k.Back}
}

// FullHelp lists every live key for the expanded help.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Add, k.Ideas, k.Edit, k.Delete, k.Feel, k.Hint, k.Context},
		{k.Left, k.Up, k.MoveLeft, k.MoveUp},
		{k.Next, k.Prev, k.Yes, k.No},
		{k.Field, k.FieldBack, k.Choose, k.ItemUp, k.Toggle, k.Done},
		{k.PickUp, k.Pick, k.Kind, k.Theme, k.Column, k.Search, k.Close},
		{k.State, k.Rest, k.RestAll, k.Diary, k.Week, k.Look},
		{k.KeepIt, k.EditIt, k.CommitIt, k.LetItGo, k.RestAgain, k.Skip},
		{k.Outcome, k.TryAgain, k.Adjust, k.OptUp, k.OptPick, k.Days, k.Bigger, k.NewSeason, k.SaveLine, k.Back},
	}
}
