package journal

import "charm.land/bubbles/v2/key"

// KeyMap holds the journal screen's keys, for every part of it.
type KeyMap struct {
	// The list.
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Newest   key.Binding
	Oldest   key.Binding
	Open     key.Binding
	New      key.Binding
	Edit     key.Binding
	Delete   key.Binding
	Jump     key.Binding
	Insights key.Binding
	Settings key.Binding
	Review   key.Binding
	Back     key.Binding

	// Asking first.
	Yes key.Binding
	No  key.Binding

	// Going to a date.
	Go     key.Binding
	Cancel key.Binding

	// The entry form, the look back at an experiment and the settings.
	Next    key.Binding
	Prev    key.Binding
	Change  key.Binding // ← or →: shown in help; matched by the two below
	Less    key.Binding
	More    key.Binding
	Toggle  key.Binding
	AddKind key.Binding
	Clear   key.Binding
	Save    key.Binding
	Done    key.Binding

	// Insights.
	Window key.Binding
}

// DefaultKeyMap returns the journal's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "run")),
		Down:     key.NewBinding(key.WithKeys("down", "j")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/pgdn", "page")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "f", "space")),
		Newest:   key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/G", "newest/oldest")),
		Oldest:   key.NewBinding(key.WithKeys("end", "G")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		New:      key.NewBinding(key.WithKeys("a", "n"), key.WithHelp("a", "add a run")),
		Edit:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Delete:   key.NewBinding(key.WithKeys("x", "delete"), key.WithHelp("x", "delete")),
		Jump:     key.NewBinding(key.WithKeys("d", "/"), key.WithHelp("d", "go to a date")),
		Insights: key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "insights")),
		Settings: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "unit and plan")),
		Review:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "look back at an experiment")),
		Back:     key.NewBinding(key.WithKeys("esc", "shift+tab"), key.WithHelp("esc", "back")),

		Yes: key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "delete it")),
		No:  key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "keep it")),

		Go:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),

		Next:    key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab", "next")),
		Prev:    key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab", "back")),
		Change:  key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "change")),
		Less:    key.NewBinding(key.WithKeys("left")),
		More:    key.NewBinding(key.WithKeys("right")),
		Toggle:  key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "tick")),
		AddKind: key.NewBinding(key.WithKeys("+"), key.WithHelp("+", "a kind of your own")),
		Clear:   key.NewBinding(key.WithKeys("backspace", "delete", "0"), key.WithHelp("0", "clear")),
		Save:    key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save now")),
		Done:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "done")),

		Window: key.NewBinding(key.WithKeys("tab", "w"), key.WithHelp("tab", "4 weeks · season · year")),
	}
}

// mode is what the screen is showing, and so which keys are live.
type mode int

const (
	modeList mode = iota
	modeDetail
	modeConfirm
	modeJump
	modeForm
	modeInsights
	modeReview
	modeSettings
)

// setMode turns on the keys of mode m, so the help footer never lies.
// field is the kind of form field in focus, for the keys that depend on it.
func (k *KeyMap) setMode(m mode, f fieldKind, empty, reviews bool) {
	list := m == modeList
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Newest, &k.Oldest, &k.New, &k.Jump, &k.Insights, &k.Settings} {
		b.SetEnabled(list)
	}
	k.Open.SetEnabled(list && !empty)
	k.Edit.SetEnabled((list && !empty) || m == modeDetail)
	k.Delete.SetEnabled((list && !empty) || m == modeDetail)
	k.Review.SetEnabled(list && reviews)
	k.Back.SetEnabled(list || m == modeDetail || m == modeInsights)
	k.Yes.SetEnabled(m == modeConfirm)
	k.No.SetEnabled(m == modeConfirm)
	k.Go.SetEnabled(m == modeJump)
	k.Cancel.SetEnabled(m == modeJump || m == modeReview)
	form := m == modeForm || m == modeReview || m == modeSettings
	k.Next.SetEnabled(form)
	k.Prev.SetEnabled(form)
	choosing := form && (f == kindScore || f == kindChoice || f == kindTags)
	k.Change.SetEnabled(choosing)
	k.Less.SetEnabled(choosing)
	k.More.SetEnabled(choosing)
	k.Toggle.SetEnabled(m == modeForm && f == kindTags)
	k.AddKind.SetEnabled(m == modeForm && f == kindTags)
	k.Clear.SetEnabled(m == modeForm && f == kindScore)
	k.Save.SetEnabled(m == modeForm || m == modeReview)
	k.Done.SetEnabled(m == modeForm || m == modeSettings)
	k.Window.SetEnabled(m == modeInsights)
}

// ShortHelp lists the live keys for the help footer.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.New, k.Open, k.Jump, k.Insights, k.Review, k.Edit, k.Delete, k.Yes, k.No, k.Go,
		k.Next, k.Change, k.Toggle, k.AddKind, k.Save, k.Done, k.Cancel, k.Window, k.Back}
}

// FullHelp lists every live key for the expanded help.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.PageUp, k.Newest, k.Open, k.New, k.Edit, k.Delete},
		{k.Jump, k.Insights, k.Review, k.Settings, k.Back},
		{k.Yes, k.No, k.Go, k.Cancel, k.Window},
		{k.Next, k.Prev, k.Change, k.Toggle, k.AddKind, k.Clear, k.Save, k.Done},
	}
}
