//go:build unix

package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// nobody is the user the tests hand a victim's file to.
const nobody = 65534

func needRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("handing a file to another user needs root")
	}
}

// victim is a workbook that belongs to another user, in a folder of its
// own, and the link to it in a shared, world-writable folder.
func victim(t *testing.T) (file, link string) {
	t.Helper()
	needRoot(t)
	file = filepath.Join(t.TempDir(), "theirs.db")
	s, err := Open(file)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.Chown(file, nobody, nobody); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(file, 0o644); err != nil {
		t.Fatal(err)
	}
	shared := t.TempDir()
	if err := os.Chmod(shared, 0o1777); err != nil {
		t.Fatal(err)
	}
	link = filepath.Join(shared, "cairn.db")
	if err := os.Symlink(file, link); err != nil {
		t.Fatal(err)
	}
	return file, link
}

// TestALinkToAnotherUsersFileIsRefused: root, given a link in /tmp that
// another user planted, wrote into that user's file.
func TestALinkToAnotherUsersFileIsRefused(t *testing.T) {
	file, link := victim(t)
	before := fileHash(t, file)
	_, err := Open(link)
	if !errors.Is(err, ErrNotYours) {
		t.Fatalf("opening through the link: %v", err)
	}
	for _, want := range []string{link, file, "another user", "--db"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the message lacks %q: %v", want, err)
		}
	}
	if fileHash(t, file) != before {
		t.Error("their file was written to")
	}
	if info, _ := os.Stat(file); info.Mode().Perm() != 0o644 {
		t.Errorf("their file's mode changed to %v", info.Mode().Perm())
	}
	// Through a linked folder, the same.
	folder := filepath.Join(t.TempDir(), "linked")
	if err := os.Symlink(filepath.Dir(file), folder); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(filepath.Join(folder, "theirs.db")); !errors.Is(err, ErrNotYours) {
		t.Errorf("opening through a linked folder: %v", err)
	}
	// The file itself, by its own path, root may open as before.
	s, err := Open(file)
	if err != nil {
		t.Fatalf("opening their file by its path: %v", err)
	}
	s.Close()
}

// TestAPlantedLockLinkIsNotFollowed: the editor's note went into
// whatever file a link named cairn.db.lock led to.
func TestAPlantedLockLinkIsNotFollowed(t *testing.T) {
	needRoot(t)
	file, _ := victim(t)
	before := fileHash(t, file)
	path := filepath.Join(t.TempDir(), "cairn.db")
	if err := os.Symlink(file, LockPath(path)); err != nil {
		t.Fatal(err)
	}
	if s, err := Open(path); err == nil {
		s.Close()
		t.Error("the editor took a lock through a link")
	}
	if fileHash(t, file) != before {
		t.Error("their file was written to")
	}
}

// TestALinkToNothingIsNotCreatedThrough: a dangling link said
// "open X: open X: no such file or directory".
func TestALinkToNothingIsNotCreatedThrough(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "elsewhere", "gone.db")
	link := filepath.Join(dir, "cairn.db")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	_, err := Open(link)
	if err == nil {
		t.Fatal("opened a link to nothing")
	}
	msg := err.Error()
	if strings.Count(msg, link) != 1 || !strings.Contains(msg, "not there") || strings.Contains(msg, "open "+link) {
		t.Errorf("the message: %v", msg)
	}
	if _, err := os.Lstat(target); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("something was made where the link points: %v", err)
	}
}
