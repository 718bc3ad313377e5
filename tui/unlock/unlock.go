// Package unlock is the quiet screen that stands before an encrypted
// workbook: it asks for the passphrase (or the recovery key), says calmly
// when it is wrong, after a short pause, and ends once the workbook is
// unlocked. In its setup mode it gives a workbook a passphrase: it says
// plainly what losing it means, asks twice, and shows the recovery key
// once.
//
// It is a program of its own (its Model is a tea.Model), as the recovery
// mode is: nothing of the workbook can be read until it has done its
// work. What it does to the workbook it is handed as functions, so it
// never imports the store.
package unlock

import (
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/cairn-run/cairn/tui/common"
)

// Mode is what the screen is for.
type Mode int

const (
	// Unlock asks for the passphrase of an encrypted workbook.
	Unlock Mode = iota
	// Setup gives a plain workbook a passphrase.
	Setup
)

// Options are what the screen does its work with.
type Options struct {
	Mode Mode
	// Path is the workbook, as the runner knows it.
	Path string
	// Unlock tries a passphrase or recovery key; Wrong tells a wrong one
	// from any other failure.
	Unlock func(pass []byte) error
	Wrong  func(err error) bool
	// Encrypt gives the workbook the passphrase and returns the recovery
	// key, to be shown once.
	Encrypt func(pass []byte) (recovery string, err error)
	// MinLength is the shortest passphrase Setup takes.
	MinLength int
	// Pause is how long a wrong passphrase waits before it is said.
	Pause time.Duration
}

// KeyMap holds the screen's keys.
type KeyMap struct {
	Enter key.Binding
	Quit  key.Binding
}

// DefaultKeyMap returns the screen's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Enter: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go on")),
		Quit:  key.NewBinding(key.WithKeys("esc", "ctrl+c"), key.WithHelp("esc", "leave")),
	}
}

// ShortHelp lists the keys for the help footer.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Enter, k.Quit} }

// FullHelp lists the keys for the expanded help.
func (k KeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// stage is where the screen is in its work.
type stage int

const (
	asking   stage = iota // the passphrase (Unlock), or the reasons (Setup)
	choosing              // Setup: the new passphrase
	again                 // Setup: the same again
	working               // deriving the key, or writing the workbook again
	showing               // Setup: the recovery key, once
	failed                // something other than a wrong passphrase
)

// Model is the screen.
type Model struct {
	opts   Options
	keys   KeyMap
	styles *common.Styles
	help   help.Model
	input  textinput.Model
	stage  stage
	first  string // Setup: the passphrase as first typed
	note   string // a calm line under the input
	code   string // Setup: the recovery key
	done   bool

	width, height int
}

// New builds the screen.
func New(opts Options, dark bool) Model {
	in := textinput.New()
	in.EchoMode = textinput.EchoPassword
	in.EchoCharacter = '•'
	in.Prompt = ""
	in.CharLimit = 1024
	m := Model{opts: opts, keys: DefaultKeyMap(), styles: common.NewStyles(dark), help: help.New(), input: in}
	m.help.Styles = m.styles.Help
	if opts.Mode == Unlock {
		m.input.Focus()
	}
	return m
}

// Unlocked reports whether the workbook was unlocked (Unlock) or given
// its passphrase (Setup) before the screen ended.
func (m Model) Unlocked() bool { return m.done }

// resultMsg is the end of the work: unlocking or encrypting.
type resultMsg struct {
	code string
	err  error
}

// pausedMsg ends the pause after a wrong passphrase.
type pausedMsg struct{}

// Init asks the terminal for its background.
func (m Model) Init() tea.Cmd { return tea.Batch(tea.RequestBackgroundColor, textinput.Blink) }

// Update handles a message.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.input.SetWidth(max(min(m.width-6, 60), 10))
		m.help.SetWidth(m.width - 2)
		return m, nil
	case tea.BackgroundColorMsg:
		m.styles = common.NewStyles(msg.IsDark())
		m.help.Styles = m.styles.Help
		return m, nil
	case resultMsg:
		return m.finished(msg)
	case pausedMsg:
		m.stage = asking
		m.note = "That does not open this workbook. Take your time, and try again: the passphrase, or the recovery key."
		m.input.Focus()
		return m, nil
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}

// finished takes the result of the work.
func (m Model) finished(msg resultMsg) (tea.Model, tea.Cmd) {
	switch {
	case msg.err != nil && m.opts.Mode == Unlock && m.opts.Wrong(msg.err):
		// A short pause, then a calm word: no guessing at speed.
		m.note = "Checking…"
		return m, tea.Tick(m.opts.Pause, func(time.Time) tea.Msg { return pausedMsg{} })
	case msg.code != "":
		// Encrypted: the recovery key is shown whatever else went wrong.
		m.stage, m.code, m.note = showing, msg.code, ""
		if msg.err != nil {
			m.note = msg.err.Error()
		}
		return m, nil
	case msg.err != nil:
		m.stage, m.note = failed, msg.err.Error()
		return m, nil
	}
	m.done = true
	return m, tea.Quit
}

func (m Model) handleKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if key.Matches(k, m.keys.Quit) && m.stage != working {
		if m.stage == showing {
			// The workbook is encrypted: leaving here is going on.
			m.done = true
		}
		return m, tea.Quit
	}
	if !key.Matches(k, m.keys.Enter) {
		if m.stage == asking && m.opts.Mode == Unlock || m.stage == choosing || m.stage == again {
			var cmd tea.Cmd
			m.input, cmd = m.input.Update(k)
			return m, cmd
		}
		return m, nil
	}
	switch m.stage {
	case asking:
		if m.opts.Mode == Setup {
			m.stage, m.note = choosing, ""
			m.input.Focus()
			return m, nil
		}
		pass := m.take()
		if pass == "" {
			return m, nil
		}
		m.stage, m.note = working, "Unlocking…"
		do := m.opts.Unlock
		return m, func() tea.Msg { return resultMsg{err: do([]byte(pass))} }
	case choosing:
		pass := m.input.Value()
		if n := len([]rune(pass)); n < m.opts.MinLength {
			m.note = "A little longer, please: at least " + strconv.Itoa(m.opts.MinLength) + " characters. A few words you will remember is best."
			return m, nil
		}
		m.first = m.take()
		m.stage, m.note = again, ""
		return m, nil
	case again:
		if m.take() != m.first {
			m.first = ""
			m.stage, m.note = choosing, "Those two were not the same. Once more, from the start."
			return m, nil
		}
		pass := m.first
		m.first = ""
		m.stage, m.note = working, "Encrypting the workbook…"
		do := m.opts.Encrypt
		return m, func() tea.Msg {
			code, err := do([]byte(pass))
			return resultMsg{code: code, err: err}
		}
	case showing:
		m.done = true
		return m, tea.Quit
	case failed:
		return m, tea.Quit
	}
	return m, nil
}

// take returns what was typed and clears the input.
func (m *Model) take() string {
	v := m.input.Value()
	m.input.Reset()
	return v
}

// View renders the screen.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "cairn"
	return v
}

func (m Model) render() string {
	if m.width == 0 {
		return ""
	}
	s := m.styles
	w := max(min(m.width-4, 72), 20)
	var b strings.Builder
	para := func(style lipgloss.Style, text string) {
		b.WriteString(style.Render(common.Wrap(text, w)) + "\n")
	}
	field := func(label string) {
		b.WriteString(s.Muted.Render(label) + "\n")
		b.WriteString(s.Panel.Width(min(w, 64)).Render(m.input.View()) + "\n")
	}
	b.WriteString(s.Brand.Render("cairn") + "\n\n")
	switch {
	case m.opts.Mode == Unlock:
		para(s.Title, "This workbook is kept private.")
		para(s.Muted, m.opts.Path)
		b.WriteString("\n")
		field("Passphrase")
	case m.stage == asking:
		para(s.Title, "Keep this workbook private with a passphrase?")
		b.WriteString("\n")
		para(s.Text, "Your answers are already kept only on this computer, readable only by your account. A passphrase also keeps them unreadable in a copy of the file, a backup, an export, or to another account here. cairn will ask for it every time it opens.")
		b.WriteString("\n")
		para(s.Nudge, "If you lose both the passphrase and the recovery key cairn shows you next, every word in the workbook is lost. Nobody, not even cairn's authors, can get it back.")
		b.WriteString("\n")
		para(s.Muted, "Press enter to choose a passphrase, or esc to go on without one.")
	case m.stage == choosing || (m.stage == working && m.opts.Mode == Setup):
		para(s.Title, "Choose a passphrase")
		b.WriteString("\n")
		field("New passphrase")
	case m.stage == again:
		para(s.Title, "Choose a passphrase")
		b.WriteString("\n")
		field("The same again")
	case m.stage == showing:
		para(s.Title, "The workbook is encrypted.")
		b.WriteString("\n")
		para(s.Text, "Your recovery key, shown this once:")
		b.WriteString("\n" + s.Accent.Bold(true).Render("    "+m.code) + "\n\n")
		para(s.Text, "Write it down or print it, and keep it away from this computer. Typed where the passphrase is asked for, it opens the workbook.")
		b.WriteString("\n")
		para(s.Muted, "Press enter once it is written down.")
	}
	if m.note != "" {
		style := s.Muted
		if m.stage == failed {
			style = s.Error
		}
		b.WriteString("\n")
		para(style, m.note)
	}
	b.WriteString("\n" + lipgloss.NewStyle().MaxWidth(w).Render(m.help.View(m.keys)))
	return lipgloss.NewStyle().Padding(1, 2).MaxWidth(m.width).MaxHeight(m.height).Render(b.String())
}
