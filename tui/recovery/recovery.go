// Package recovery is what cairn opens instead of the workbook when the
// check at start finds the file damaged. It shows, read-only, what is
// wrong, everything that still reads back whole, and the latest backup
// that is whole; it lets the runner save what can be read; and it never
// writes to the damaged file, or deletes anything, on its own.
//
// It is a program of its own (its Model is a tea.Model), not a screen of
// the workbook: the workbook's screens all write, and nothing here may.
// What it shows is handed to it whole by main, which read it in a child
// process (cmd/cairn/check.go): a damaged file is never mapped here.
package recovery

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cairn-run/cairn/tui/common"
)

// Info is everything the recovery mode shows.
type Info struct {
	// Path is the damaged workbook.
	Path string
	// Problems says what is wrong, one line each, in plain words.
	Problems []string
	// Readable counts what still reads back whole, in words.
	Readable string
	// Document is what reads back, as a Markdown document to read here.
	Document string
	// Advice says what to do, line by line: keep a copy, save what
	// reads, go back to the latest good backup.
	Advice string
	// Save writes what reads back to files beside the workbook and
	// returns their paths. It never touches the workbook.
	Save func() ([]string, error)
}

// KeyMap holds the recovery mode's keys.
type KeyMap struct {
	Scroll key.Binding
	Save   key.Binding
	Quit   key.Binding
}

// DefaultKeyMap returns the recovery mode's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Scroll: key.NewBinding(key.WithKeys("up", "down", "pgup", "pgdown", "k", "j", "space"), key.WithHelp("↑/↓", "scroll")),
		Save:   key.NewBinding(key.WithKeys("s", "e"), key.WithHelp("s", "save what can be read")),
		Quit:   key.NewBinding(key.WithKeys("q", "ctrl+c", "esc"), key.WithHelp("q", "quit")),
	}
}

// ShortHelp lists the keys for the help footer.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Save, k.Scroll, k.Quit} }

// FullHelp lists the keys for the expanded help.
func (k KeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// Model is the recovery mode.
type Model struct {
	info   Info
	keys   KeyMap
	styles *common.Styles
	help   help.Model
	page   viewport.Model
	status string
	err    bool
	saving bool

	width, height int
}

// New builds the recovery mode for info.
func New(info Info, dark bool) Model {
	m := Model{info: info, keys: DefaultKeyMap(), styles: common.NewStyles(dark), help: help.New(), page: viewport.New()}
	m.help.Styles = m.styles.Help
	return m
}

// savedMsg reports the files written, or why they could not be.
type savedMsg struct {
	paths []string
	err   error
}

// Init asks the terminal for its background.
func (m Model) Init() tea.Cmd { return tea.RequestBackgroundColor }

// Update handles a message.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return m, nil
	case tea.BackgroundColorMsg:
		m.styles = common.NewStyles(msg.IsDark())
		m.help.Styles = m.styles.Help
		m.layout()
		return m, nil
	case savedMsg:
		m.saving = false
		if msg.err != nil {
			m.status, m.err = "Could not save: "+msg.err.Error(), true
		} else {
			m.status, m.err = "Saved: "+strings.Join(msg.paths, " and "), false
		}
		return m, nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Quit):
			return m, tea.Quit
		case key.Matches(msg, m.keys.Save):
			if m.saving || m.info.Save == nil {
				return m, nil
			}
			m.saving, m.status, m.err = true, "Saving…", false
			save := m.info.Save
			return m, func() tea.Msg {
				paths, err := save()
				return savedMsg{paths: paths, err: err}
			}
		}
	}
	var cmd tea.Cmd
	m.page, cmd = m.page.Update(msg)
	return m, cmd
}

// layout gives the page the room left by the footer.
func (m *Model) layout() {
	if m.width == 0 {
		return
	}
	w := m.width - 2
	m.help.SetWidth(w)
	m.page.SetWidth(w)
	m.page.SetHeight(max(m.height-3, 1))
	m.page.SetContent(m.body(w))
}

// body is everything the page shows, fitted to width w.
func (m Model) body(w int) string {
	s := m.styles
	var b strings.Builder
	para := func(style lipgloss.Style, text string) {
		b.WriteString(style.Render(common.Wrap(text, w)) + "\n")
	}
	para(s.Title, "Your workbook is damaged, so cairn opened it read-only.")
	para(s.Muted, m.info.Path)
	para(s.Text, "Nothing will be written to it, and nothing is deleted. Everything below is what still reads back whole.")
	b.WriteString("\n" + s.Subtitle.Render("What is wrong") + "\n")
	for _, p := range m.info.Problems {
		para(s.Error, "• "+p)
	}
	b.WriteString("\n" + s.Subtitle.Render("What can still be read") + "\n")
	para(s.Text, m.info.Readable+". Press s to save it beside the workbook, as Markdown to read and JSON to import.")
	b.WriteString("\n" + s.Subtitle.Render("What to do") + "\n")
	for _, l := range strings.Split(strings.TrimRight(m.info.Advice, "\n"), "\n") {
		para(s.Text, l)
	}
	b.WriteString("\n" + s.Rule.Render(strings.Repeat("─", max(w, 1))) + "\n\n")
	for _, l := range strings.Split(strings.TrimRight(m.info.Document, "\n"), "\n") {
		para(s.Text, l)
	}
	return strings.TrimRight(b.String(), "\n")
}

// View renders the page, a status line and the keys.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "cairn · recovery"
	return v
}

func (m Model) render() string {
	if m.width == 0 {
		return ""
	}
	s := m.styles
	w := m.width - 2
	status := ""
	if m.status != "" {
		style := s.Muted
		if m.err {
			style = s.Error
		}
		status = style.Render(common.Truncate(m.status, w))
	}
	foot := lipgloss.NewStyle().MaxWidth(w).Render(m.help.View(m.keys))
	body := lipgloss.JoinVertical(lipgloss.Left, m.page.View(), "", status, foot)
	return lipgloss.NewStyle().Padding(0, 1).MaxWidth(m.width).MaxHeight(m.height).Render(body)
}

// SavedName is the name of a file of what was saved on day, with ext,
// such as "cairn-rescued-2026-12-03.md".
func SavedName(day time.Time, n int, ext string) string {
	name := "cairn-rescued-" + day.Format(time.DateOnly)
	if n > 1 {
		name += fmt.Sprintf("-%d", n)
	}
	return name + ext
}
