//go:build unix

package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// nobody is the other user these tests run cairn as.
const nobody = 65534

// asNobody runs cairn as another user, from a copy of the binary that user
// can run, and returns its error output and exit code.
func asNobody(t *testing.T, args ...string) (string, int) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("running cairn as another user needs root")
	}
	dir := openFolder(t)
	bin := filepath.Join(dir, "cairn")
	src, err := os.Open(binary)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(bin, os.O_WRONLY|os.O_CREATE, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	dst.Close()
	cmd := exec.Command(bin, args...)
	cmd.Env = []string{"HOME=" + dir, "XDG_DATA_HOME=" + filepath.Join(dir, "data"), "NO_COLOR=1"}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	err = cmd.Run()
	code := 0
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(ansi.Strip(errOut.String())), " "), code
}

// openFolder is a folder every user may enter and write in.
func openFolder(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "cairn-shared")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o1777); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestAnotherUsersFileSaysWhatToDo: the message was "make … private:
// operation not permitted".
func TestAnotherUsersFileSaysWhatToDo(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root, to hand the file to another user")
	}
	db := filepath.Join(openFolder(t), "cairn.db")
	ok(t, "", "--db", db, "log", "5k")
	if err := os.Chmod(db, 0o666); err != nil {
		t.Fatal(err)
	}
	before := hash(t, db)
	// Its lock file is its owner's; and without one (the file copied
	// there, never opened), the file itself cannot be made private.
	for _, wants := range [][]string{{"its lock file"}, {"chmod 600"}} {
		msg, code := asNobody(t, "--db", db, "log", "6k")
		if code == 0 {
			t.Fatal("another user's file was written to")
		}
		for _, want := range append(wants, db, "belongs to another user", "cp ") {
			if !strings.Contains(msg, want) {
				t.Errorf("the message lacks %q: %s", want, msg)
			}
		}
		if hash(t, db) != before {
			t.Error("the file changed")
		}
		os.Remove(db + ".lock")
	}
}

// TestAnUnreadableFileIsNamedOnce: "open X: open X: permission denied".
func TestAnUnreadableFileIsNamedOnce(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root, to hand the file to another user")
	}
	db := filepath.Join(openFolder(t), "cairn.db")
	ok(t, "", "--db", db, "log", "5k")
	if err := os.Chmod(db, 0o400); err != nil {
		t.Fatal(err)
	}
	msg, code := asNobody(t, "--db", db, "export")
	if code == 0 || strings.Count(msg, db) != 1 || !strings.Contains(msg, "permission denied") {
		t.Errorf("cairn export: exit %d, %s", code, msg)
	}
	msg, code = asNobody(t, "--db", db, "log", "5k")
	if code == 0 || strings.Contains(msg, ": open ") || !strings.Contains(msg, "belongs to another user") {
		t.Errorf("cairn log: exit %d, %s", code, msg)
	}
}

// TestCairnsFolderIsMadePrivate: a data folder made 0755 (by hand, or an
// older build) was left so, every backup's name on show.
func TestCairnsFolderIsMadePrivate(t *testing.T) {
	data := t.TempDir()
	folder := filepath.Join(data, "cairn")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	if r := runCairn(t, "", []string{"XDG_DATA_HOME=" + data}, "log", "5k"); r.code != 0 {
		t.Fatalf("log: %s", r.stderr)
	}
	if info, _ := os.Stat(folder); info.Mode().Perm() != 0o700 {
		t.Errorf("the folder is %v", info.Mode().Perm())
	}
	// A folder --db points into is the runner's own business.
	mine := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(mine, 0o755); err != nil {
		t.Fatal(err)
	}
	ok(t, "", "--db", filepath.Join(mine, "cairn.db"), "log", "5k")
	if info, _ := os.Stat(mine); info.Mode().Perm() != 0o755 {
		t.Errorf("the --db folder became %v", info.Mode().Perm())
	}
}
