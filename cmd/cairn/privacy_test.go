package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPrivacyUnderAnOpenUmask is the reliability suite's part 9 (issue
// 12): with umask 000, which would leave every new file readable and
// writable by everyone, cairn makes its workbook, its lock file, its
// copies (the daily one, a backup), the exports asked for and a crash
// file 0600, and its folder 0700. A canary typed into an answer and a
// run's note is then looked for in every file under the runner's home,
// data and temporary folders: it may be only in the workbook, its
// copies, and the exports asked for.
func TestPrivacyUnderAnOpenUmask(t *testing.T) {
	const canary = "zebracanary41"
	sandbox := t.TempDir()
	home, data, tmp, out := filepath.Join(sandbox, "home"), filepath.Join(sandbox, "data"), filepath.Join(sandbox, "tmp"), filepath.Join(sandbox, "out")
	for _, d := range []string{home, tmp, out} {
		if err := os.MkdirAll(d, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	env := []string{"HOME=" + home, "XDG_DATA_HOME=" + data, "TMPDIR=" + tmp, "CAIRN_DB="}
	open := func(args ...string) {
		t.Helper()
		cmd := exec.Command("sh", "-c", `umask 000; exec "$@"`, "sh", binary)
		cmd.Args = append(cmd.Args, args...)
		cmd.Env = append(os.Environ(), env...)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("cairn %v: %v\n%s", args, err, b)
		}
	}
	open("log", "5k", "--note", "a quiet loop "+canary)

	// The app, in a real terminal: the daily copy, the canary typed into
	// an answer, and a crash.
	tm := startTerminalCommand(t, 100, 30, append(env, "CAIRN_TEST_PANIC_KEY=f12", "CAIRN_TEST_PANIC_WORDS="+canary),
		"sh -c "+shellQuote(`umask 000; exec `+shellQuote(binary)))
	tm.waitFor("Begin")
	tm.keys("Enter")
	tm.waitFor("Question 1 of 8")
	tm.typeText("I run for the " + canary + " in me.")
	tm.waitFor("✓ saved")
	tm.keys("F12")
	tm.waitDead()

	open("backup")
	open("export", "--format", "md", "-o", filepath.Join(out, "season.md"))
	open("export", "--format", "json", "-o", filepath.Join(out, "season.json"))

	folder := filepath.Join(data, "cairn")
	workbookCopies := 0
	crashFiles := 0
	err := filepath.WalkDir(sandbox, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		ours := strings.HasPrefix(path, folder) || strings.HasPrefix(path, out)
		switch {
		case ours && d.IsDir() && path != out && info.Mode().Perm() != 0o700:
			t.Errorf("%s is %v, not 0700", path, info.Mode().Perm())
		case ours && !d.IsDir() && info.Mode().Perm() != 0o600:
			t.Errorf("%s is %v, not 0600", path, info.Mode().Perm())
		}
		if d.IsDir() {
			return nil
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		name := filepath.Base(path)
		isWorkbook := strings.HasPrefix(name, "cairn.db") && !strings.HasSuffix(name, ".lock")
		if isWorkbook && name != "cairn.db" {
			workbookCopies++
		}
		if strings.HasPrefix(name, "cairn-crash-") {
			crashFiles++
		}
		if bytes.Contains(raw, []byte(canary)) && !isWorkbook && !strings.HasPrefix(path, out) {
			t.Errorf("the canary is in %s", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if workbookCopies < 2 || crashFiles != 1 {
		t.Errorf("%d copies of the workbook (a daily one and a backup) and %d crash files", workbookCopies, crashFiles)
	}
	for _, export := range []string{"season.md", "season.json"} {
		if raw, _ := os.ReadFile(filepath.Join(out, export)); !bytes.Contains(raw, []byte(canary)) {
			t.Errorf("the export %s lacks the answer", export)
		}
	}
}
