package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cairn-run/cairn/export"
	"github.com/cairn-run/cairn/store"
)

// TestExportRefusedWhenTheStateIsUnknown: an error asking whether the
// workbook is encrypted is a refusal, never "plain".
func TestExportRefusedWhenTheStateIsUnknown(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	defer func(f func(string) (bool, error)) { workbookEncrypted = f }(workbookEncrypted)
	workbookEncrypted = func(string) (bool, error) { return false, errors.New("the meta page could not be read") }
	out := filepath.Join(t.TempDir(), "season.md")
	root := rootCmd()
	root.SetArgs([]string{"export", "--db", db, "--format", "md", "-o", out})
	root.SetOut(io.Discard)
	root.SetErr(io.Discard)
	err = root.Execute()
	if err == nil || !strings.Contains(err.Error(), "could not tell whether") {
		t.Errorf("export with the workbook's state unknown: %v", err)
	}
	for _, f := range []string{out, out + ".age"} {
		if _, err := os.Stat(f); !os.IsNotExist(err) {
			t.Errorf("%s was written: %v", f, err)
		}
	}
}

// TestSalvageOfAnEncryptedWorkbookIsNeverPlain: what is saved from an
// encrypted workbook is sealed by the workbook's state, not by whether
// this process holds a passphrase; without one nothing is written.
func TestSalvageOfAnEncryptedWorkbookIsNeverPlain(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cairn.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, err := store.Encrypt(db, []byte("stones by the river"), false); err != nil {
		t.Fatal(err)
	}
	defer func(b []byte) { unlocked = b }(unlocked)
	unlocked = nil // the key came some other way (a parent process)
	if saved, err := saveSalvage(db, export.Document{}); err == nil {
		t.Errorf("salvage of an encrypted workbook with no passphrase wrote %v", saved)
	}
	found, _ := filepath.Glob(filepath.Join(dir, "cairn-rescued-*"))
	for _, f := range found {
		if !strings.HasSuffix(f, ".age") {
			t.Errorf("a plain page was written: %s", f)
		}
	}
}
