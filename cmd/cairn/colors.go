package main

import (
	"os"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// The terminal's colours, without waiting for tmux
//
// Bubble Tea works out how many colours the terminal shows before its
// first frame. Inside tmux that means running `tmux info` and reading its
// output: a process started and waited for, 3 ms of every start-up in
// tmux measured here, and more on a busy machine. cairn works the colours
// out from the environment and terminfo first, as Bubble Tea does outside
// tmux, and asks tmux beside the first frame; if tmux says the terminal
// shows more colours, the program is told and the screen drawn again.

// startColors returns the colour profile to start with, and (inside tmux
// only) a function that returns the full answer, asking tmux.
func startColors(env []string) (colorprofile.Profile, func() colorprofile.Profile) {
	withoutTmux := slices.DeleteFunc(slices.Clone(env), func(kv string) bool { return strings.HasPrefix(kv, "TMUX=") })
	first := colorprofile.Detect(os.Stdout, withoutTmux)
	if len(withoutTmux) == len(env) {
		return first, nil
	}
	return first, func() colorprofile.Profile { return colorprofile.Detect(os.Stdout, env) }
}

// upgradeColors asks tmux for the colours beside the first frame and, if
// they are more than the program started with, tells it and redraws.
func upgradeColors(p *tea.Program, first colorprofile.Profile, full func() colorprofile.Profile) {
	if full == nil {
		return
	}
	go func() {
		if got := full(); got > first {
			p.Send(tea.ColorProfileMsg{Profile: got})
			p.Send(tea.ClearScreen())
		}
	}()
}
