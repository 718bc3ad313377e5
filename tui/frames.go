package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// frames keeps the last frame drawn, so that keys arriving faster than a
// terminal shows frames (a paste the terminal types out as keys, thousands
// a second) are not each drawn. Bubble Tea asks for a view after every
// message but puts one on screen only about sixty times a second; drawing
// the others was most of what a key cost.
//
// The rule that keeps the screen true: a frame is reused only while a
// redraw tick is on its way (Model.redraw), and only for the same window
// size, so the newest state is drawn at most one period after the last key.
// And only in a burst: a key that comes more than a period after the key
// before it is drawn at once, even if some other frame (the last burst's
// redraw, a save's mark) was drawn a moment ago. Reusing those held one
// key in five of a typist's a whole period: 23 ms at p95 in tmux, against
// 6 ms at p50.
type frames struct {
	every time.Duration // zero draws every frame
	at    time.Time     // when last drawn
	w, h  int
	last  string
	// input is when the last key or paste came; burst, whether it came
	// within a period of the one before.
	input time.Time
	burst bool
	// now is the clock; nil means time.Now (tests set it).
	now func() time.Time
	// drawn is called once, after the first frame of the loaded
	// workbook (Options.Drawn).
	drawn func()
}

// redrawMsg asks for the frame skipped during a burst of keys to be drawn.
type redrawMsg struct{}

func (f *frames) clock() time.Time {
	if f.now != nil {
		return f.now()
	}
	return time.Now()
}

// typed notes that a key or paste came now.
func (f *frames) typed() {
	now := f.clock()
	f.burst = !f.input.IsZero() && now.Sub(f.input) < f.every
	f.input = now
}

// draw returns the frame to show: the last one, while a redraw is due
// soon in a burst of keys, or a fresh one from render.
func (f *frames) draw(w, h int, redrawDue bool, render func() string) string {
	if f == nil || f.every <= 0 {
		return render()
	}
	now := f.clock()
	if redrawDue && f.burst && f.last != "" && w == f.w && h == f.h && now.Sub(f.at) < f.every {
		return f.last
	}
	f.at, f.w, f.h, f.last = now, w, h, render()
	return f.last
}

// afterInput sets the redraw tick that follows a key or a paste, unless
// one is already on its way.
func (m Model) afterInput(msg tea.Msg, cmd tea.Cmd) (Model, tea.Cmd) {
	if m.frames == nil || m.frames.every <= 0 || !isInput(msg) {
		return m, cmd
	}
	m.frames.typed()
	if m.redraw {
		return m, cmd
	}
	m.redraw = true
	return m, tea.Batch(cmd, m.tick(m.frames.every, func(time.Time) tea.Msg { return redrawMsg{} }))
}
