package tui

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/tui/common"
	"github.com/cairn-run/cairn/tui/textbox"
)

// The runner's own editor
//
// ctrl+e, in any answer or note (the screen shown is common.Editable and
// has a text area in focus), hands the text to $VISUAL, else $EDITOR,
// through tea.ExecProcess: the workbook steps aside for the editor and
// comes back when it ends. The text goes into a file in a new folder of
// its own, mode 0700 (the file 0600), which is removed with the file as
// soon as the editor is done. What the editor left goes back to the same
// screen as a textbox.ReplaceMsg, which the screen checks like a paste
// (common.Admit: refused whole with a message, never cut) and saves like
// typing. Without an editor set, the key says how to set one.

// editorDoneMsg is what the runner's editor left.
type editorDoneMsg struct {
	screen common.Screen
	before string // the text handed to the editor
	text   string
	name   string // the editor, for messages
	err    error
}

// refusedEncrypted is what ctrl+e says in an encrypted workbook, whole in
// a window of 80 columns (the text stays where it is, on screen).
const refusedEncrypted = "Editor off: the workbook is encrypted, and it would put your words on disk."

// editorFile is the name of the file the editor opens: Markdown, so an
// editor that knows it wraps and highlights it.
const editorFile = "cairn-writing.md"

// editorCommand is the runner's editor: $VISUAL, else $EDITOR; "" when
// neither is set.
func editorCommand(getenv func(string) string) string {
	for _, name := range []string{"VISUAL", "EDITOR"} {
		if ed := strings.TrimSpace(getenv(name)); ed != "" {
			return ed
		}
	}
	return ""
}

// editorProcess runs editor on file. The editor may carry arguments
// ("code --wait"), so a shell reads it, as git does.
func editorProcess(editor, file string) *exec.Cmd {
	if runtime.GOOS == "windows" {
		args := strings.Fields(editor)
		return exec.Command(args[0], append(args[1:], file)...)
	}
	return exec.Command("/bin/sh", "-c", editor+` "$1"`, "cairn-editor", file)
}

// openEditor hands the text in focus to the runner's editor.
func (m Model) openEditor() (tea.Model, tea.Cmd) {
	ed, ok := m.screen(m.active).component.(common.Editable)
	if !ok {
		return m.setStatus("ctrl+e opens your own editor on an answer or a note while you write one.", statusRefusal)
	}
	before, ok := ed.EditorText()
	if !ok {
		return m.setStatus("ctrl+e opens your own editor on an answer or a note while you write one.", statusRefusal)
	}
	if m.encrypted {
		return m.setStatus(refusedEncrypted, statusRefusal)
	}
	editor := editorCommand(m.getenv)
	if editor == "" {
		return m.setStatus("To write in your own editor, set $VISUAL or $EDITOR (for example export EDITOR=nano) and start cairn again.", statusRefusal)
	}
	dir, err := os.MkdirTemp("", "cairn-edit-") // mode 0700
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, editorFile), []byte(before), 0o600)
	}
	if err != nil {
		os.RemoveAll(dir)
		return m.setStatus("Could not hand this to your editor: "+err.Error(), statusError)
	}
	file, screen := filepath.Join(dir, editorFile), m.active
	name := filepath.Base(strings.Fields(editor)[0])
	// Whatever is typed so far is saved before the editor takes over.
	flush := m.flush(screen)
	return m, tea.Batch(flush, m.exec(editorProcess(editor, file), func(err error) tea.Msg {
		defer os.RemoveAll(dir)
		done := editorDoneMsg{screen: screen, before: before, name: name, err: err}
		if err == nil {
			raw, rerr := os.ReadFile(file)
			done.text, done.err = string(raw), rerr
		}
		return done
	}))
}

// handleEdited takes back what the editor left: to the screen it came
// from, checked there like a paste, unless nothing changed.
func (m Model) handleEdited(msg editorDoneMsg) (tea.Model, tea.Cmd) {
	var exit *exec.ExitError
	switch {
	case errors.As(msg.err, &exit):
		return m.setStatus(fmt.Sprintf("Your editor ended with %s: nothing was taken from it.", exit.ProcessState), statusError)
	case msg.err != nil:
		return m.setStatus(fmt.Sprintf("Your editor (%s) could not run: %v. Nothing changed.", msg.name, msg.err), statusError)
	}
	text := common.NormalizeNewlines(msg.text)
	// Editors end a file with a new line; the text did not have one.
	if !strings.HasSuffix(msg.before, "\n") {
		text = strings.TrimSuffix(text, "\n")
	}
	if text == msg.before {
		return m.setStatus("Nothing changed in your editor.", statusNote)
	}
	return m.updateScreen(msg.screen, textbox.ReplaceMsg{Text: text})
}
