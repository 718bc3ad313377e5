package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// What cairn does before it opens anything: the path it is given, and
// whether there is a terminal to open the workbook in.

// TestAnEmptyDBIsRefused: a script whose variable is empty passes
// --db "", which used to fall back to the default workbook, the runner's
// real journal.
func TestAnEmptyDBIsRefused(t *testing.T) {
	data := t.TempDir()
	real := filepath.Join(data, "cairn", "cairn.db")
	env := []string{"XDG_DATA_HOME=" + data}
	ok(t, "", "--db", real, "log", "5k")
	before := hash(t, real)
	for _, args := range [][]string{
		{"--db", ""},
		{"--db=", "export"},
		{"log", "5k", "--db", ""},
		{"export", "--db", ""},
		{"check", "--db", ""},
		{"season", "new", "--db", ""},
	} {
		r := runCairn(t, "", env, args...)
		msg := ansi.Strip(r.stderr)
		if r.code == 0 || !strings.Contains(msg, "--db was given an empty path") {
			t.Errorf("cairn %q: exit %d\n%s%s", args, r.code, r.stdout, msg)
		}
	}
	if hash(t, real) != before {
		t.Error("the default workbook changed")
	}
}

// withoutTerminal runs cairn with args as a cron job would: pipes for
// its input and output, in a session of its own with no terminal.
func withoutTerminal(t *testing.T, env []string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(append(os.Environ(), "CAIRN_DB="), env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.Stdin = strings.NewReader("")
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return ansi.Strip(out.String()), exit.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return ansi.Strip(out.String()), 0
}

// TestWithoutATerminalNothingIsCreated: cairn used to make the folder and
// the workbook, and only then fail with "could not open TTY".
func TestWithoutATerminalNothingIsCreated(t *testing.T) {
	data := t.TempDir()
	folder := filepath.Join(t.TempDir(), "new")
	for _, args := range [][]string{{}, {"--db", filepath.Join(folder, "cairn.db")}} {
		out, code := withoutTerminal(t, []string{"XDG_DATA_HOME=" + data}, args...)
		if code == 0 || !strings.Contains(out, "needs a terminal") || !strings.Contains(out, "cairn export") {
			t.Errorf("cairn %q without a terminal: exit %d\n%s", args, code, out)
		}
	}
	for _, path := range []string{filepath.Join(data, "cairn"), folder} {
		if _, err := os.Lstat(path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s was created: %v", path, err)
		}
	}
	// The commands need none.
	db := filepath.Join(folder, "cairn.db")
	if out, code := withoutTerminal(t, nil, "--db", db, "log", "5k"); code != 0 {
		t.Errorf("log without a terminal: exit %d\n%s", code, out)
	}
}
