package tui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/tui/common"
)

// The runner's own editor, driven by a fake: a shell script standing in
// for $EDITOR that writes what the test asks into the file it is given,
// and notes where that file was and how private it and its folder were.

var keyCtrlE = tea.KeyPressMsg{Code: 'e', Mod: tea.ModCtrl}

// fakeEditor writes a script that replaces the file it is given with the
// contents of result (appending to what is there when appendOnly), records
// the file's path and the modes of the file and its folder in seen, and
// exits with status exit.
func fakeEditor(t *testing.T, result string, appendOnly bool, exit int) (script, seen string) {
	t.Helper()
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no shell to run a fake editor with")
	}
	dir := t.TempDir()
	body, seen := filepath.Join(dir, "body"), filepath.Join(dir, "seen")
	if err := os.WriteFile(body, []byte(result), 0o600); err != nil {
		t.Fatal(err)
	}
	write := `cat "` + body + `" > "$1"`
	if appendOnly {
		write = `printf '\n%s\n' "$(cat "` + body + `")" >> "$1"`
	}
	script = filepath.Join(dir, "fake-editor")
	src := "#!/bin/sh\n" +
		`printf '%s %s %s\n' "$1" "$(stat -c %a "$(dirname "$1")")" "$(stat -c %a "$1")" > "` + seen + "\"\n" +
		write + "\n" +
		"exit " + string(rune('0'+exit)) + "\n"
	if err := os.WriteFile(script, []byte(src), 0o700); err != nil {
		t.Fatal(err)
	}
	return script, seen
}

// withEditor runs the harness with $EDITOR set to editor ("" for none),
// and runs the editor at once when the workbook hands the terminal over.
func withEditor(editor string) func(*Options) {
	return func(o *Options) {
		o.Getenv = func(name string) string {
			if name == "EDITOR" {
				return editor
			}
			return ""
		}
		o.Exec = func(c *exec.Cmd, done tea.ExecCallback) tea.Cmd {
			return func() tea.Msg { return done(c.Run()) }
		}
	}
}

func TestTheEditorKeyWritesAnAnswer(t *testing.T) {
	script, seen := fakeEditor(t, "and it came back from my editor", true, 0)
	h := newHarness(t, 100, 30, withEditor(script))
	h.send(keyEnter)
	h.typeText("Feelings first.")
	h.mustShow("ctrl+e editor")
	h.send(keyCtrlE)
	want := "Feelings first.\nand it came back from my editor"
	if got := h.workbook().Answers["numbers-or-feelings"].Text; got != want {
		t.Errorf("the answer on disk is %q, want %q", got, want)
	}
	h.mustShow("and it came back from my editor")
	raw, err := os.ReadFile(seen)
	if err != nil {
		t.Fatal("the editor never ran")
	}
	f := strings.Fields(string(raw))
	if len(f) != 3 || f[1] != "700" || f[2] != "600" {
		t.Errorf("the editor saw %q: want the file 0600 in a folder 0700", raw)
	}
	if _, err := os.Stat(filepath.Dir(f[0])); !os.IsNotExist(err) {
		t.Errorf("the folder handed to the editor is still there: %v", err)
	}
}

func TestTheEditorKeyWithoutAnEditor(t *testing.T) {
	h := newHarness(t, 100, 30, withEditor(""))
	h.send(keyEnter)
	h.typeText("kept")
	h.send(keyCtrlE)
	h.mustShow("set $VISUAL or $EDITOR", "kept")
	if got := h.workbook().Answers["numbers-or-feelings"].Text; got != "kept" {
		t.Errorf("the answer on disk: %q", got)
	}
}

func TestTheEditorsTextIsRefusedWholeWhenTooLong(t *testing.T) {
	script, _ := fakeEditor(t, strings.Repeat("long words ", common.MaxAnswerBytes/10), false, 0)
	h := newHarness(t, 100, 30, withEditor(script))
	h.send(keyEnter)
	h.typeText("short")
	h.send(keyCtrlE)
	h.mustShow("Not taken from your editor", "short")
	if got := h.workbook().Answers["numbers-or-feelings"].Text; got != "short" {
		t.Errorf("the answer on disk: %q", got)
	}
}

func TestAnEditorThatFailsChangesNothing(t *testing.T) {
	script, _ := fakeEditor(t, "half written", false, 1)
	h := newHarness(t, 100, 30, withEditor(script))
	h.send(keyEnter)
	h.typeText("as it was")
	h.send(keyCtrlE)
	h.mustShow("nothing was taken from it", "as it was")
	if got := h.workbook().Answers["numbers-or-feelings"].Text; got != "as it was" {
		t.Errorf("the answer on disk: %q", got)
	}
}

func TestTheEditorKeyWritesARunsNote(t *testing.T) {
	script, _ := fakeEditor(t, "hill loop, written at length", false, 0)
	h := newHarness(t, 100, 30, withEditor(script))
	h.send(keyCtrlL)
	h.mustShow("Log a run")
	for range 40 { // to the note, the last field
		if _, ok := h.root().journal.EditorText(); ok {
			break
		}
		h.send(keyTab)
	}
	h.typeText("x")
	h.send(keyCtrlE)
	runs := h.runs()
	if len(runs) != 1 || runs[0].Note != "hill loop, written at length" {
		t.Errorf("runs = %+v", runs)
	}
}

func TestTheEditorKeyWhereThereIsNothingToWrite(t *testing.T) {
	script, seen := fakeEditor(t, "x", false, 0)
	h := newHarness(t, 100, 30, withEditor(script))
	h.send(keyCtrlE) // the welcome
	h.mustShow("ctrl+e opens your own editor")
	if _, err := os.Stat(seen); err == nil {
		t.Error("the editor ran with nothing to write")
	}
}
