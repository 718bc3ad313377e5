package main

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode"

	"github.com/cairn-run/cairn/export"
)

// These tests drive the real cairn binary in a real terminal (tmux), the
// way a runner would, and check what ends up on screen and on disk.

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "cairn-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "cairn")
	if out, err := exec.Command("go", "build", "-tags", "testclock", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build cairn: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// sockets numbers the tmux servers, one per terminal, so tests never share one.
var sockets int

// terminal is one tmux server with one window running cairn.
type terminal struct {
	t      *testing.T
	socket string
	dir    string
}

func needTmux(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed; .ci/run installs it")
	}
}

// startTerminal runs cairn with args in a w×h tmux window. The window stays
// after cairn exits so its exit status can be read.
func startTerminal(t *testing.T, w, h int, args ...string) *terminal {
	t.Helper()
	return startTerminalEnv(t, w, h, nil, args...)
}

// startTerminalEnv is startTerminal with env (NAME=value) set for cairn.
func startTerminalEnv(t *testing.T, w, h int, env []string, args ...string) *terminal {
	t.Helper()
	cmd := []string{"exec", shellQuote(binary)}
	for _, a := range args {
		cmd = append(cmd, shellQuote(a))
	}
	return startTerminalCommand(t, w, h, env, strings.Join(cmd, " "))
}

// startTerminalCommand runs a shell command line in a w×h tmux window,
// with env (NAME=value) set.
func startTerminalCommand(t *testing.T, w, h int, env []string, command string) *terminal {
	t.Helper()
	needTmux(t)
	dir := t.TempDir()
	conf := filepath.Join(dir, "tmux.conf")
	if err := os.WriteFile(conf, []byte("set -g remain-on-exit on\nset -g status off\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	sockets++
	tm := &terminal{t: t, socket: fmt.Sprintf("cairn-test-%d-%d", os.Getpid(), sockets), dir: dir}
	session := []string{"-f", conf, "new-session", "-d", "-s", "main", "-x", strconv.Itoa(w), "-y", strconv.Itoa(h),
		"-e", "XDG_DATA_HOME=" + filepath.Join(dir, "data"), "-e", "CAIRN_DB="}
	for _, e := range env {
		session = append(session, "-e", e)
	}
	tm.tmux(append(session, command)...)
	t.Cleanup(func() { exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

// shellQuote quotes s for the shell tmux runs the command with.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func (tm *terminal) tmux(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// keys presses named keys, such as "Enter", "Tab" or "C-c".
func (tm *terminal) keys(keys ...string) {
	tm.t.Helper()
	tm.tmux(append([]string{"send-keys", "-t", "main"}, keys...)...)
}

// typeText types text literally.
func (tm *terminal) typeText(text string) {
	tm.t.Helper()
	tm.tmux("send-keys", "-t", "main", "-l", text)
}

func (tm *terminal) screen() string {
	tm.t.Helper()
	return tm.tmux("capture-pane", "-p", "-t", "main")
}

// waitFor polls the screen until it shows every text, or fails after a
// generous deadline.
func (tm *terminal) waitFor(texts ...string) string {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := tm.screen()
		all := true
		for _, text := range texts {
			all = all && strings.Contains(s, text)
		}
		if all {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("the screen never showed %q:\n%s", texts, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (tm *terminal) pid() int {
	tm.t.Helper()
	pid, err := strconv.Atoi(strings.TrimSpace(tm.tmux("display-message", "-p", "-t", "main", "#{pane_pid}")))
	if err != nil {
		tm.t.Fatal(err)
	}
	return pid
}

// waitExit waits for cairn to exit and fails if it exited with an error.
// tmux 3.3a sometimes never fills in pane_dead_status; an exit it cannot
// report is taken as it is, and the disk is checked by the caller anyway.
func (tm *terminal) waitExit() {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		out := strings.Fields(tm.tmux("display-message", "-p", "-t", "main", "#{pane_dead} #{pane_dead_status}"))
		if len(out) > 0 && out[0] == "1" {
			if len(out) == 2 && out[1] != "0" {
				tm.t.Fatalf("cairn exited with status %s:\n%s", out[1], tm.screen())
			}
			return
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("cairn did not exit:\n%s", tm.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitDead waits for cairn's pane to die, however it ended.
func (tm *terminal) waitDead() {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for strings.TrimSpace(tm.tmux("display-message", "-p", "-t", "main", "#{pane_dead}")) != "1" {
		if time.Now().After(deadline) {
			tm.t.Fatalf("cairn is still running:\n%s", tm.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// refusedInATerminal runs cairn with args in a terminal of its own, where
// it must refuse to open the workbook: it waits for cairn to exit, fails
// the test if it exited 0, and returns what the window showed (lines
// joined, so a wrapped message reads whole) and how long cairn took.
func refusedInATerminal(t *testing.T, args ...string) (string, time.Duration) {
	t.Helper()
	start := time.Now()
	tm := startTerminal(t, 200, 40, args...)
	tm.waitDead()
	took := time.Since(start)
	out := strings.Fields(tm.tmux("display-message", "-p", "-t", "main", "#{pane_dead_status}"))
	if len(out) == 1 && out[0] == "0" {
		t.Errorf("cairn %q exited 0:\n%s", args, tm.screen())
	}
	return strings.Join(strings.Fields(tm.screen()), " "), took
}

// waitGone waits for a process that tmux no longer watches to exit.
func waitGone(t *testing.T, pid int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for syscall.Kill(pid, 0) == nil {
		if time.Now().After(deadline) {
			t.Fatalf("process %d is still running", pid)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// exported runs `cairn export --format json` on db.
func exported(t *testing.T, db string) export.Document {
	t.Helper()
	out, err := exec.Command(binary, "--db", db, "export", "--format", "json").Output()
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	var doc export.Document
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("export is not JSON: %v\n%s", err, out)
	}
	return doc
}

func answer(doc export.Document, question string) string {
	for _, s := range doc.Seasons {
		for _, a := range s.Answers {
			if a.Question == question {
				return a.Text
			}
		}
	}
	return ""
}

func TestRealTerminalJourney(t *testing.T) {
	db := filepath.Join(t.TempDir(), "journal", "cairn.db")
	tm := startTerminal(t, 80, 24, "--db", db)
	tm.waitFor("Reflect: eight questions", "Begin")
	tm.keys("Enter")
	tm.waitFor("Question 1 of 8")
	tm.typeText("Feelings first. But I do love a new PB.")
	tm.keys("Enter")
	tm.typeText("Second line, after enter.")
	tm.keys("Tab")
	tm.waitFor("Question 2 of 8")
	tm.typeText("The ridge above town, with my running club.")
	tm.keys("Tab")
	tm.waitFor("Question 3 of 8")
	tm.keys("C-c")
	tm.waitExit()

	again := startTerminal(t, 80, 24, "--db", db)
	again.waitFor("Welcome back.", "answered 2 of 8", "question 3 of 8")
	again.keys("Enter")
	again.waitFor("Question 3 of 8", "Do you come alive in competition?")
	again.keys("C-c")
	again.waitExit()

	doc := exported(t, db)
	if got := answer(doc, "numbers-or-feelings"); got != "Feelings first. But I do love a new PB.\nSecond line, after enter." {
		t.Errorf("answer 1 in the export: %q", got)
	}
	if got := answer(doc, "places-and-people"); got != "The ridge above town, with my running club." {
		t.Errorf("answer 2 in the export: %q", got)
	}
	info, err := os.Stat(db)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("workbook mode: %v, %v", info.Mode(), err)
	}
}

func TestDefaultWorkbookLivesInTheXDGDataDirectory(t *testing.T) {
	tm := startTerminal(t, 80, 24)
	tm.waitFor("Begin")
	tm.keys("C-c")
	tm.waitExit()
	db := filepath.Join(tm.dir, "data", "cairn", "cairn.db")
	info, err := os.Stat(filepath.Dir(db))
	if err != nil || info.Mode().Perm() != 0o700 {
		t.Fatalf("data folder: %v %v", info, err)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("no workbook at %s: %v", db, err)
	}
}

// TestSecondCopyIsToldAtOnce starts a second cairn on a workbook that is
// already open: it must explain itself and exit, never hang.
func TestSecondCopyIsToldAtOnce(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	tm := startTerminal(t, 80, 24, "--db", db)
	tm.waitFor("Begin")

	msg, took := refusedInATerminal(t, "--db", db)
	for _, want := range []string{db, "open in another cairn", "close it there"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(strings.ToLower(msg), "timeout") {
		t.Errorf("message is a bare timeout:\n%s", msg)
	}
	if took > 5*time.Second {
		t.Errorf("the second copy was told after %v", took)
	}
	t.Logf("the second copy was told in %v", took.Round(time.Millisecond))
	tm.keys("C-c")
	tm.waitExit()
}

func TestForeignFilesAreRefusedAndLeftUntouched(t *testing.T) {
	random := make([]byte, 64<<10)
	rand.Read(random)
	for name, content := range map[string][]byte{
		"random bytes": random,
		"empty file":   {},
		"notes":        []byte("dear diary, ran 5k\n"),
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "cairn.db")
			if err := os.WriteFile(path, content, 0o644); err != nil {
				t.Fatal(err)
			}
			out, _ := refusedInATerminal(t, "--db", path)
			for _, want := range []string{path, "not a cairn workbook", "left exactly as it was"} {
				if !strings.Contains(out, want) {
					t.Errorf("message lacks %q:\n%s", want, out)
				}
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, content) {
				t.Error("the file changed")
			}
		})
	}
}

// TestKillNineKeepsWhatWasTypedASecondBefore types, waits one second as a
// runner might pause, and kills cairn without warning.
func TestKillNineKeepsWhatWasTypedASecondBefore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	tm := startTerminal(t, 80, 24, "--db", db)
	tm.waitFor("Begin")
	tm.keys("Enter")
	tm.waitFor("Question 1 of 8")
	text := "I run to quiet my head. Nobody needs anything from me out there."
	tm.typeText(text)
	tm.waitFor("out there.")
	time.Sleep(time.Second) // the scenario: the last key a second before the kill
	if err := syscall.Kill(tm.pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	tm.waitDead()
	if got := answer(exported(t, db), "numbers-or-feelings"); got != text {
		t.Errorf("after kill -9 the answer is %q", got)
	}
}

// TestClosingTheWindowSavesFirst closes the terminal (SIGHUP) and sends
// SIGTERM while the latest words are still unsaved on screen.
func TestClosingTheWindowSavesFirst(t *testing.T) {
	signals := map[string]func(tm *terminal, pid int){
		"window closed (SIGHUP)": func(tm *terminal, pid int) {
			tm.tmux("kill-session", "-t", "main")
			waitGone(tm.t, pid)
		},
		"SIGTERM": func(tm *terminal, pid int) {
			syscall.Kill(pid, syscall.SIGTERM)
			tm.waitExit()
		},
	}
	for name, send := range signals {
		t.Run(name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "cairn.db")
			tm := startTerminal(t, 80, 24, "--db", db)
			tm.waitFor("Begin")
			tm.keys("Enter")
			tm.waitFor("Question 1 of 8")
			pid := tm.pid()

			// Type until a key is on screen while its save is still pending,
			// so the signal, not the debounce, has to save it.
			// The answer may wrap, and the frame may lag a key behind the
			// keys sent, so the screen is compared without white space.
			typed := "Closing the lid mid-sentence"
			tm.typeText(typed)
			for i := 0; ; i++ {
				s := tm.screen()
				if strings.Contains(squeeze(s), squeeze(typed)) && strings.Contains(s, "saving…") {
					break
				}
				if i > 200 {
					t.Fatalf("never caught an unsaved moment:\n%s", s)
				}
				if strings.Contains(squeeze(s), squeeze(typed)) {
					typed += "."
					tm.typeText(".")
				}
			}
			send(tm, pid)
			if got := answer(exported(t, db), "numbers-or-feelings"); got != typed {
				t.Errorf("after %s the answer is %q, want %q", name, got, typed)
			}
		})
	}
}

// squeeze drops white space and the answer box's border, so text can be
// found on screen wherever the box wrapped it.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '│' {
			return -1
		}
		return r
	}, s)
}

// TestRealTerminalThemesToGoals walks from answers to the goal board the
// way a runner would: cairn proposes themes with their evidence, the runner
// confirms them, and the goal ideas mark what clashes with an aversion.
func TestRealTerminalThemesToGoals(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	tm := startTerminal(t, 100, 30, "--db", db)
	tm.waitFor("Begin")
	tm.keys("Enter")
	tm.waitFor("Question 1 of 8")
	tm.typeText("Feelings. I never look at my watch.")
	tm.keys("Tab", "Tab", "Tab")
	tm.waitFor("Question 4 of 8")
	tm.typeText("Running clears my head after a long shift at the hospital. It keeps me sane.")
	tm.keys("Tab")
	tm.waitFor("Question 5 of 8")
	tm.keys("BTab", "BTab")
	tm.waitFor("Question 3 of 8")
	tm.typeText("I hate races. The crowds and the start line make me miserable.")
	for range 6 { // on through the rest, past the values
		tm.keys("Tab")
	}
	tm.waitFor("Values")
	tm.keys("Tab")
	s := tm.waitFor("Themes in your answers", "Headspace", "Competition", "rather not")
	if !strings.Contains(s, "clears my head") && !strings.Contains(s, "I hate races") {
		t.Errorf("no evidence beside the themes:\n%s", s)
	}

	// Confirm every theme cairn proposes, starring the first.
	tm.keys("*")
	for range 4 {
		tm.keys("j", "y")
	}
	tm.keys("Tab", "Tab", "Tab")
	tm.waitFor("You'd rather not: Competition", "★")
	tm.keys("i")
	tm.waitFor("Goal ideas")
	tm.keys("3", "3", "3", "/")
	tm.typeText("marathon")
	tm.keys("Escape") // done searching
	tm.waitFor("⚑ Competition", "esc back")
	tm.keys("Escape")
	tm.waitFor("a add")
	tm.keys("q")
	tm.waitExit()

	out, err := exec.Command(binary, "--db", db, "themes", "--json").Output()
	if err != nil {
		t.Fatal(err)
	}
	fs := themesJSON(t, string(out))
	for theme, pol := range map[string]string{"coping": "+", "competition": "-"} {
		if f, ok := findingFor(fs, theme); !ok || f.Polarity != pol {
			t.Errorf("cairn themes --json: %s = %+v, want polarity %s", theme, f, pol)
		}
	}
	var statuses []struct {
		Theme  string `json:"theme"`
		Status string `json:"status"`
		Top    bool   `json:"top"`
	}
	if err := json.Unmarshal(out, &statuses); err != nil {
		t.Fatal(err)
	}
	confirmed, top := 0, 0
	for _, s := range statuses {
		if s.Status == "confirmed" {
			confirmed++
		}
		if s.Top {
			top++
		}
	}
	if confirmed < 2 || top != 1 {
		t.Errorf("cairn themes --json shows %d confirmed and %d starred themes:\n%s", confirmed, top, out)
	}
}

// TestAPlainPasteKeepsUp pastes about 3.5 KB the way a terminal without
// bracketed paste does: as keys, as fast as tmux can type them. Every word
// must arrive, and soon: drawing a frame and setting a save tick for each
// key made such a paste take 12 s at 80×24 and 22 s at 120×50, past this
// test's deadline. scripts/paste_speed.sh measures it.
func TestAPlainPasteKeepsUp(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	tm := startTerminal(t, 120, 50, "--db", db)
	tm.waitFor("Begin")
	tm.keys("Enter")
	tm.waitFor("Question 1 of 8")
	text := strings.Repeat("I run early, before the house wakes, and it is the only hour that is mine. ", 47)
	for i := 0; i < len(text); i += 256 {
		tm.typeText(text[i:min(i+256, len(text))])
	}
	tm.waitFor(fmt.Sprintf("%d words", len(strings.Fields(text))))
	tm.keys("C-c")
	tm.waitExit()
	if got := answer(exported(t, db), "numbers-or-feelings"); got != text {
		t.Errorf("the answer has %d of the %d bytes pasted", len(got), len(text))
	}
}

// TestRealTerminalResumesInTheGoalEditor quits the real binary with a goal
// open in the editor; the next start continues in that editor, on that
// goal, with every word.
func TestRealTerminalResumesInTheGoalEditor(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	tm := startTerminal(t, 100, 30, "--db", db)
	tm.waitFor("Begin")
	tm.keys("Enter")
	tm.waitFor("Question 1 of 8")
	for range 8 { // through the questions and on past the values and themes
		tm.keys("Tab")
	}
	tm.waitFor("Values")
	tm.keys("Tab")
	tm.waitFor("Your themes")
	tm.keys("Tab", "Tab", "Tab")
	tm.waitFor("a add")
	for _, g := range []string{"Run Tuesday at 7am", "Strength on Thursday"} {
		tm.keys("a")
		tm.waitFor("New goal")
		tm.typeText(g)
		tm.keys("Escape")
		tm.waitFor("a add", g)
	}
	tm.keys("Up", "Enter")
	tm.waitFor("Edit goal")
	tm.keys("End")
	tm.typeText(", before the kids wake")
	tm.waitFor("before the kids wake")
	tm.keys("C-c")
	tm.waitExit()

	again := startTerminal(t, 100, 30, "--db", db)
	again.waitFor("Welcome back.", "Continue where you left off: the goal board")
	again.keys("Enter")
	again.waitFor("Edit goal", "Run Tuesday at 7am, before the kids wake")
	again.keys("C-c")
	again.waitExit()
}
