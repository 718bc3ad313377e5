package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/tui"
)

// Every way out while typing, in a real terminal (issue 12, suite part 2):
// SIGTERM, SIGINT, SIGHUP, a panic and kill -9, each while the last words
// are still on their way to the disk. What was typed more than half a
// second before the end is kept; the terminal's settings (stty) are the
// same after as before; nothing typed shows in a panic's output.

// shellTerminal runs cairn under a shell in a tmux window: the shell
// notes the terminal's settings before and after cairn, and cairn's exit
// status.
type shellTerminal struct {
	*terminal
	before, after, status string
}

func startShellTerminal(t *testing.T, env []string, args ...string) *shellTerminal {
	t.Helper()
	needTmux(t)
	files := t.TempDir()
	st := &shellTerminal{
		before: filepath.Join(files, "before"),
		after:  filepath.Join(files, "after"),
		status: filepath.Join(files, "status"),
	}
	cmd := []string{shellQuote(binary)}
	for _, a := range args {
		cmd = append(cmd, shellQuote(a))
	}
	script := fmt.Sprintf("stty -g > %s; %s; echo $? > %s; stty -g > %s; sleep 30",
		shellQuote(st.before), strings.Join(cmd, " "), shellQuote(st.status), shellQuote(st.after))
	st.terminal = startTerminalCommand(t, 100, 30, env, "sh -c "+shellQuote(script))
	return st
}

// cairnPID is the pid of cairn, the shell's child.
func (st *shellTerminal) cairnPID() int {
	st.t.Helper()
	shell := st.pid()
	deadline := time.Now().Add(10 * time.Second)
	for {
		raw, _ := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", shell, shell))
		if f := strings.Fields(string(raw)); len(f) > 0 {
			pid, err := strconv.Atoi(f[0])
			if err == nil {
				return pid
			}
		}
		if time.Now().After(deadline) {
			st.t.Fatal("cairn never started under the shell")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// finished waits for the shell to note cairn's status and the terminal's
// settings after it, and returns the status.
func (st *shellTerminal) finished() int {
	st.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		raw, err := os.ReadFile(st.after)
		if err == nil && len(raw) > 0 {
			break
		}
		if time.Now().After(deadline) {
			if dump := os.Getenv("CAIRN_TEST_DUMP"); dump != "" {
				syscall.Kill(st.cairnPID(), syscall.SIGQUIT)
				time.Sleep(time.Second)
				os.WriteFile(dump, []byte(st.tmux("capture-pane", "-p", "-S", "-5000", "-t", "main")), 0o600)
			}
			st.t.Fatalf("cairn never finished:\n%s", st.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
	raw, err := os.ReadFile(st.status)
	if err != nil {
		st.t.Fatal(err)
	}
	code, err := strconv.Atoi(strings.TrimSpace(string(raw)))
	if err != nil {
		st.t.Fatal(err)
	}
	return code
}

// sameSettings fails the test if the terminal's settings changed.
func (st *shellTerminal) sameSettings() {
	st.t.Helper()
	before, err1 := os.ReadFile(st.before)
	after, err2 := os.ReadFile(st.after)
	if err := errors.Join(err1, err2); err != nil {
		st.t.Fatal(err)
	}
	if string(before) != string(after) {
		st.t.Errorf("the terminal's settings changed:\nbefore %s\nafter  %s", before, after)
	}
}

func TestEveryWayOutWhileTyping(t *testing.T) {
	const canary = "quietcanary"
	ways := []struct {
		name string
		end  func(st *shellTerminal, pid int)
		// graceful: everything on screen is saved and the terminal is
		// restored. kill -9 cannot be: no program can act on it.
		graceful bool
		code     int
	}{
		{"SIGTERM", func(_ *shellTerminal, pid int) { syscall.Kill(pid, syscall.SIGTERM) }, true, 0},
		{"SIGINT", func(_ *shellTerminal, pid int) { syscall.Kill(pid, syscall.SIGINT) }, true, 0},
		{"SIGHUP", func(_ *shellTerminal, pid int) { syscall.Kill(pid, syscall.SIGHUP) }, true, 0},
		{"panic", func(st *shellTerminal, _ int) { st.keys("F12") }, true, exitCrashed},
		{"kill -9", func(_ *shellTerminal, pid int) { syscall.Kill(pid, syscall.SIGKILL) }, false, 137},
	}
	for _, way := range ways {
		t.Run(way.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "cairn.db")
			st := startShellTerminal(t, []string{"CAIRN_TEST_PANIC_KEY=f12", "CAIRN_TEST_PANIC_WORDS=" + canary}, "--db", db)
			st.waitFor("Begin")
			pid := st.cairnPID()
			st.keys("Enter")
			st.waitFor("Question 1 of 8")

			early := "Miles " + canary + " first."
			st.typeText(early)
			st.waitFor(canary)
			time.Sleep(600 * time.Millisecond) // the scenario: a pause longer than half a second
			late := " Then more."
			st.typeText(late)
			st.waitFor("more.")
			way.end(st, pid)
			code := st.finished()
			if code != way.code {
				t.Errorf("cairn exited %d, want %d:\n%s", code, way.code, st.screen())
			}
			if way.graceful {
				st.sameSettings()
			}
			got := answer(exported(t, db), "numbers-or-feelings")
			switch {
			case way.graceful && got != early+late:
				t.Errorf("the answer is %q, want %q", got, early+late)
			case !strings.HasPrefix(got, early):
				t.Errorf("the answer is %q; what was typed half a second before, %q, is lost", got, early)
			}
			if way.name != "panic" {
				return
			}
			screen := st.screen()
			if strings.Contains(screen, canary) {
				t.Errorf("the panic's output shows the runner's words:\n%s", screen)
			}
			file := regexp.MustCompile(`cairn-crash-[0-9-]+\.txt`).FindString(strings.Join(strings.Fields(screen), ""))
			if file == "" || !strings.Contains(strings.Join(strings.Fields(screen), ""), dir) {
				t.Fatalf("no crash file named on screen:\n%s", screen)
			}
			crashFileIsPrivate(t, filepath.Join(dir, file), canary)
		})
	}
}

// crashFileIsPrivate fails the test unless the crash file at path is 0600
// and free of words.
func crashFileIsPrivate(t *testing.T, path, words string) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("the crash file is %v", info.Mode().Perm())
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), words) {
		t.Errorf("the crash file holds the runner's words:\n%s", raw)
	}
	if !strings.Contains(string(raw), "goroutine") {
		t.Errorf("the crash file has no stack:\n%s", raw)
	}
}

// TestAPanicIsCaughtWrittenDownAndNamed: a panic inside the workbook was
// caught by Bubble Tea, printed with whatever it held, and cairn exited 0.
func TestAPanicIsCaughtWrittenDownAndNamed(t *testing.T) {
	dir := t.TempDir()
	st, err := store.Open(filepath.Join(dir, "cairn.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	g := newGuard(tui.New(st, tui.Options{Now: time.Now}), dir)
	defer func() { testPanic = nil }()
	testPanic = func(tea.Msg) { panic("the long hill at dawn") }

	var r any
	func() {
		defer func() { r = recover() }()
		g.Update(tea.KeyPressMsg{Code: 'a', Text: "a"})
	}()
	c, ok := r.(crashed)
	if !ok {
		t.Fatalf("the panic went on as %v", r)
	}
	if strings.Contains(c.String(), "hill") || !strings.Contains(c.String(), c.file) {
		t.Errorf("what Bubble Tea prints: %q", c)
	}
	crashFileIsPrivate(t, c.file, "hill")
	hit, file, _, _ := g.state.outcome()
	if !hit || file != c.file {
		t.Errorf("the guard noted %v %q", hit, file)
	}
	err = crashExit(tui.New(st, tui.Options{Now: time.Now}), file, nil)
	var exit *exitError
	if !errors.As(err, &exit) || exit.code == 0 || !strings.Contains(err.Error(), file) {
		t.Errorf("a crash ends with %v", err)
	}
	// A runtime fault's own words are kept: they are the runtime's.
	if w := faultWords(runtimeFault()); !strings.Contains(w, "index out of range") {
		t.Errorf("a runtime fault reads %q", w)
	}
}

func runtimeFault() (r any) {
	defer func() { r = recover() }()
	var s []int
	i := 3
	_ = s[i]
	return nil
}
