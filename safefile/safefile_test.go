package safefile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestWriteIsWholeAndPrivate(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	dir := t.TempDir()
	path := filepath.Join(dir, "out.md")
	if err := os.WriteFile(path, []byte("before"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, func(w io.Writer) error { _, err := io.WriteString(w, "after"); return err }); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	info, _ := os.Stat(path)
	if string(got) != "after" || info.Mode().Perm() != 0o600 {
		t.Errorf("wrote %q, mode %v", got, info.Mode().Perm())
	}
	// A fill that fails leaves the file as it was, and nothing beside it.
	failed := errors.New("the disk is full")
	err := Write(path, func(w io.Writer) error { io.WriteString(w, "half"); return failed })
	if !errors.Is(err, failed) {
		t.Errorf("Write = %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "after" {
		t.Errorf("after a failed write the file holds %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}

func TestWriteFallsBackToANamedFile(t *testing.T) {
	dir := t.TempDir()
	f, commit, err := named(dir, "x")
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("y")
	f.Close()
	if err := commit(filepath.Join(dir, "x")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "x")); string(got) != "y" {
		t.Errorf("got %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}
