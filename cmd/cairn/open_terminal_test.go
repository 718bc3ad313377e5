package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cairn-run/cairn/export"
)

// The workbook open in a real terminal, and the commands beside it: the
// readers (export, journal, status, season list, themes, backup, check)
// read it, the second window and the writers are told plainly,
// and a damaged workbook opens in the recovery mode.

// within runs cairn with args, failing the test if it takes longer than
// limit (it hung), and returns what it printed and its exit status.
func within(t *testing.T, limit time.Duration, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = append(os.Environ(), "CAIRN_DB=", "NO_COLOR=1")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("cairn %v hung", args)
	}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), errOut.String(), code
}

func TestReadersWhileTheAppIsOpen(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	tm := startTerminal(t, 100, 30, "--db", db)
	tm.waitFor("Begin")
	tm.keys("Enter")
	tm.waitFor("Question 1 of 8")
	tm.typeText("Feelings first, and the hills.")
	tm.waitFor("✓ saved")

	backups := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "--format", "json"}, "Feelings first, and the hills."},
		{[]string{"export", "--format", "md"}, "Feelings first, and the hills."},
		{[]string{"export", "--format", "card"}, "WHAT MATTERS MOST"},
		{[]string{"journal"}, ""},
		{[]string{"status"}, "2026"},
		{[]string{"season", "list"}, "2026"},
		{[]string{"themes"}, "themes read from"},
		{[]string{"backup", backups}, "passes cairn check"},
		{[]string{"check"}, "Healthy"},
	} {
		start := time.Now()
		out, errOut, code := within(t, 10*time.Second, append([]string{"--db", db}, tc.args...)...)
		if code != 0 || !strings.Contains(out, tc.want) {
			t.Errorf("cairn %v while the app has the workbook open: exit %d\n%s%s", tc.args, code, out, errOut)
		}
		t.Logf("cairn %v took %v beside the app", tc.args, time.Since(start).Round(time.Millisecond))
	}

	// A second window is still refused, within about a second.
	if msg, took := refusedInATerminal(t, "--db", db); !strings.Contains(msg, "open in another cairn") || took > 5*time.Second {
		t.Errorf("a second window, told after %v: %q", took, msg)
	}
	// A command that writes waits a little, then says it could not.
	_, errOut, code := within(t, 10*time.Second, "--db", db, "log", "5k")
	if code == 0 || !strings.Contains(errOut, "the run was not logged") || !strings.Contains(errOut, "ctrl+l") {
		t.Errorf("log while the app is open: exit %d, %q", code, errOut)
	}

	// The app went on saving all the while.
	tm.typeText(" More.")
	tm.waitFor("✓ saved")
	tm.keys("C-c")
	tm.waitExit()
	if got := answer(exported(t, db), "numbers-or-feelings"); got != "Feelings first, and the hills. More." {
		t.Errorf("the answer on disk: %q", got)
	}
}

// TestReadingWhileTheAppWritesContinuously types into the app without a
// pause, so it saves again and again, while exports and journal listings
// run beside it: every one succeeds, and every export holds a state the
// app saved, never a mix.
func TestReadingWhileTheAppWritesContinuously(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	tm := startTerminal(t, 100, 30, "--db", db)
	tm.waitFor("Begin")
	tm.keys("Enter")
	tm.waitFor("Question 1 of 8")

	const text = "the long hill at dawn, again and again "
	var typed strings.Builder
	var mu sync.Mutex
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			c := string(text[i%len(text)])
			if err := exec.Command("tmux", "-L", tm.socket, "send-keys", "-t", "main", "-l", c).Run(); err != nil {
				return
			}
			mu.Lock()
			typed.WriteString(c)
			mu.Unlock()
		}
	}()
	reads, previous := 0, ""
	for end := time.Now().Add(4 * time.Second); time.Now().Before(end); reads++ {
		out, errOut, code := within(t, 10*time.Second, "--db", db, "export", "--json")
		if code != 0 {
			t.Fatalf("export %d beside the typing: exit %d, %s", reads, code, errOut)
		}
		var doc export.Document
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("export %d is not JSON: %v", reads, err)
		}
		got := answer(doc, "numbers-or-feelings")
		if !strings.HasPrefix(got, previous) || !strings.HasPrefix(strings.Repeat(text, 1000), got) {
			t.Fatalf("export %d holds %q after %q: not a state the app saved", reads, got, previous)
		}
		previous = got
		if _, errOut, code := within(t, 10*time.Second, "--db", db, "journal"); code != 0 {
			t.Fatalf("journal beside the typing: exit %d, %s", code, errOut)
		}
	}
	close(stop)
	<-done
	if previous == "" {
		t.Error("no export saw anything typed: the app was not saving")
	}
	mu.Lock()
	want := typed.String()
	mu.Unlock()
	tm.waitFor("✓ saved")
	tm.keys("C-c")
	tm.waitExit()
	if got := answer(exported(t, db), "numbers-or-feelings"); got != want {
		t.Errorf("after the typing the answer is %q, want %q", got, want)
	}
	t.Logf("%d exports and journal listings while the app saved %d characters as they came", reads, len(want))
}

func TestADamagedWorkbookOpensInTheRecoveryMode(t *testing.T) {
	db := fullWorkbook(t)
	raw, _ := os.ReadFile(db)
	i := bytes.Index(raw, []byte("clears my head"))
	raw[i] ^= 0x20
	os.WriteFile(db, raw, 0o600)
	before := hash(t, db)

	tm := startTerminal(t, 100, 30, "--db", db)
	tm.waitFor("Your workbook is damaged, so cairn opened it read-only.")
	tm.waitFor("checksum does not match", "s save what can be read")
	tm.keys("s")
	tm.waitFor("Saved:")
	tm.keys("q")
	tm.waitDead()
	if hash(t, db) != before {
		t.Error("the recovery mode changed the damaged workbook")
	}
	saved, _ := filepath.Glob(filepath.Join(filepath.Dir(db), "cairn-rescued-*"))
	if len(saved) != 2 {
		t.Fatalf("saved: %v", saved)
	}
	for _, f := range saved {
		info, _ := os.Stat(f)
		content, _ := os.ReadFile(f)
		if info.Mode().Perm() != 0o600 || !bytes.Contains(content, []byte("Feelings first.")) || bytes.Contains(content, []byte("clears my head")) {
			t.Errorf("%s: mode %v, %d bytes", f, info.Mode().Perm(), len(content))
		}
	}
	// What was saved imports into a new workbook.
	var js string
	for _, f := range saved {
		if strings.HasSuffix(f, ".json") {
			js = f
		}
	}
	fresh := filepath.Join(t.TempDir(), "cairn.db")
	containsAll(t, "importing the rescue", ok(t, "", "--db", fresh, "import", js), "added 2 seasons")
}

func TestTheEditorKeyInARealTerminal(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "editor")
	os.WriteFile(script, []byte("#!/bin/sh\nprintf 'Written in my own editor.\\n' > \"$1\"\n"), 0o700)
	db := filepath.Join(dir, "cairn.db")
	again := startTerminalEnv(t, 100, 30, []string{"EDITOR=" + script, "VISUAL="}, "--db", db)
	again.waitFor("Begin")
	again.keys("Enter")
	again.waitFor("Question 1 of 8", "ctrl+e editor")
	again.keys("C-e")
	again.waitFor("Written in my own editor.")
	again.waitFor("✓ saved")
	again.keys("C-c")
	again.waitExit()
	if got := answer(exported(t, db), "numbers-or-feelings"); got != "Written in my own editor." {
		t.Errorf("the answer on disk: %q", got)
	}
}
