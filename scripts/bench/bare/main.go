// Command bare is the bare Bubble Tea v2 program scripts/bench measures
// cairn against: a model with nothing in it but a frame with the word
// "Begin" and, for typing, a line of text and its word count, kept as the
// text changes. Whatever it costs is what Bubble Tea itself costs on this
// terminal: starting, its queries, its renderer's frame ticks.
package main

import (
	"fmt"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
)

type model struct {
	w, h  int
	text  []rune
	words int
}

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case tea.KeyPressMsg:
		switch msg.String() {
		case "ctrl+c":
			return m, tea.Quit
		case "backspace":
			if n := len(m.text); n > 0 {
				m.text = m.text[:n-1]
			}
		default:
			m.text = append(m.text, []rune(msg.Text)...)
		}
		m.words = len(strings.Fields(string(m.text)))
	}
	return m, nil
}

func (m model) View() tea.View {
	var b strings.Builder
	for i := range m.h {
		switch i {
		case m.h / 2:
			b.WriteString(" Begin")
		case m.h/2 + 2:
			tail := string(m.text[max(len(m.text)-m.w+2, 0):])
			b.WriteString(" " + tail)
		case m.h/2 + 4:
			fmt.Fprintf(&b, " %d words", m.words)
		}
		if i < m.h-1 {
			b.WriteString("\n")
		}
	}
	v := tea.NewView(b.String())
	v.AltScreen = true
	return v
}

func main() {
	m := model{text: []rune("start ")}
	m.words = 1
	if _, err := tea.NewProgram(m).Run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
