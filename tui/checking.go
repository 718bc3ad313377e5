package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// The check at start runs beside the first frame (cmd/cairn/atstart.go):
// the welcome screen shows at once, whatever the workbook's size, while
// the whole file is checked. Until the check has passed, the root holds
// every key and paste and plays them, in order, once it passes: nothing
// the runner does can type into an answer or start a write on a file that
// may turn out damaged (the store's gate refuses writes too). ctrl+c
// quits at once: nothing has changed, so there is nothing to save. When
// the check finds damage the program ends with it (Err), nothing written,
// and main opens the recovery mode.

// CheckedMsg tells the workbook what the check at start found: Damage is
// nil when the workbook is whole.
type CheckedMsg struct{ Damage error }

// checkingNote is the status line while a key waits for the check.
const checkingNote = "One moment: cairn is checking your workbook before anything changes."

// hold keeps a key or paste until the check has passed.
func (m Model) hold(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.keys.Interrupt) {
		m.done = true
		return m, tea.Quit
	}
	m.held = append(m.held, msg)
	if m.status == checkingNote {
		return m, nil
	}
	return m.setStatus(checkingNote, statusNote)
}

// handleChecked ends the program on damage, or plays the keys held.
func (m Model) handleChecked(msg CheckedMsg) (tea.Model, tea.Cmd) {
	if msg.Damage != nil {
		m.err = msg.Damage
		m.done = true // nothing was written, and nothing may be
		return m, tea.Quit
	}
	m.checking = false
	if m.status == checkingNote {
		m.clearStatus()
	}
	held := m.held
	m.held = nil
	var next tea.Model = m
	var cmds []tea.Cmd
	for _, k := range held {
		var cmd tea.Cmd
		next, cmd = next.Update(k)
		cmds = append(cmds, cmd)
	}
	return next, tea.Batch(cmds...)
}
