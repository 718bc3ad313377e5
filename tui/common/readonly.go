package common

// ReadOnly is embedded by a screen that writes nothing and has no text
// being typed (the welcome, the summary, past seasons, season over
// season): the root asks every screen for its Saver and whether the
// runner is typing, and these answer once, here.
type ReadOnly struct{}

// Saving returns nil: nothing is written here.
func (ReadOnly) Saving() *Saver { return nil }

// Typing reports that no text is written here.
func (ReadOnly) Typing() bool { return false }
