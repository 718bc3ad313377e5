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

// In an encrypted workbook ctrl+e is refused and not offered: the editor's
// file (and the swap and backup copies editors leave) would hold the
// answer decrypted on disk. The canary proves nothing reached the
// temporary folder, and the fake editor that nothing ran.
func TestTheEditorKeyIsRefusedInAnEncryptedWorkbook(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	script, seen := fakeEditor(t, "should never be read", false, 0)
	h := newHarness(t, 80, 24, withEditor(script), func(o *Options) { o.Encrypted = true })
	h.send(keyEnter)
	const canary = "canary-7f3a private words"
	h.typeText(canary)
	if v := h.view(); strings.Contains(v, "ctrl+e") {
		t.Errorf("the footer offers ctrl+e in an encrypted workbook:\n%s", v)
	}
	h.send(keyCtrlE)
	h.mustShow(refusedEncrypted, canary) // whole, at 80 columns
	if got := h.workbook().Answers["numbers-or-feelings"].Text; got != canary {
		t.Errorf("the answer on disk: %q, want %q", got, canary)
	}
	if _, err := os.Stat(seen); !os.IsNotExist(err) {
		t.Errorf("the editor ran in an encrypted workbook: %v", err)
	}
	filepath.WalkDir(tmp, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if raw, _ := os.ReadFile(p); strings.Contains(string(raw), canary) {
				t.Errorf("the answer was written to %s", p)
			}
		}
		if err == nil && d.IsDir() && strings.HasPrefix(d.Name(), "cairn-edit-") {
			t.Errorf("a folder for the editor was made: %s", p)
		}
		return nil
	})
	// The full help leaves it out too.
	h.send(tea.KeyPressMsg{Code: '/', Mod: tea.ModCtrl})
	if v := h.view(); strings.Contains(v, "ctrl+e") {
		t.Errorf("the full help offers ctrl+e in an encrypted workbook:\n%s", v)
	}
}
