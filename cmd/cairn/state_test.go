package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
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

// TestAgeCopiesUnderTheSecretThatUnlocked: an export made after unlocking
// with the recovery key is sealed under it, and says so; one made with
// the passphrase is sealed under its composed (NFC) form, as the
// workbook's own key derivation takes it, so the same passphrase typed
// either way opens both.
func TestAgeCopiesUnderTheSecretThatUnlocked(t *testing.T) {
	const (
		decomposed = "cafe\u0301 by the river"
		composed   = "caf\u00e9 by the river"
	)
	data, secrets, out := t.TempDir(), t.TempDir(), t.TempDir()
	db := filepath.Join(data, "cairn.db")
	pass := func(line string) []string {
		f := filepath.Join(secrets, "pass")
		if err := os.WriteFile(f, []byte(line+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		return []string{"CAIRN_PASSPHRASE_FILE=" + f}
	}
	if r := runCairn(t, "", nil, "--db", db, "log", "5km", "30m"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r := runCairn(t, "", pass(decomposed), "--db", db, "encrypt")
	if r.code != 0 {
		t.Fatalf("encrypt: %s", r.stderr)
	}
	code := regexp.MustCompile(`[A-Z2-7]{4}(-[A-Z2-7]{4}){7}`).FindString(r.stdout)

	byPass := filepath.Join(out, "by-pass.md")
	if r := runCairn(t, "", pass(decomposed), "--db", db, "export", "--format", "md", "-o", byPass); r.code != 0 {
		t.Fatal(r.stderr)
	} else if !strings.Contains(r.stderr, "under the workbook's passphrase") {
		t.Errorf("export with the passphrase says: %s", r.stderr)
	}
	if got := ageOpen(t, byPass+".age", composed); !bytes.Contains(got, []byte("Journal")) {
		t.Errorf("the export, opened with the composed passphrase: %q", got)
	}

	byCode := filepath.Join(out, "by-code.md")
	r = runCairn(t, "", pass(code), "--db", db, "export", "--format", "md", "-o", byCode)
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	if !strings.Contains(r.stderr, "recovery key") || strings.Contains(r.stderr, "under the workbook's passphrase") {
		t.Errorf("export after unlocking with the recovery key says: %s", r.stderr)
	}
	if got := ageOpen(t, byCode+".age", code); !bytes.Contains(got, []byte("Journal")) {
		t.Errorf("the export, opened with the recovery key: %q", got)
	}
}

// TestAReadablePassphraseFileIsWarnedAbout: the passphrase in a file
// others can read opens the workbook for them too.
func TestAReadablePassphraseFileIsWarnedAbout(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cairn.db")
	secret := filepath.Join(t.TempDir(), "pass")
	if err := os.WriteFile(secret, []byte("stones by the river\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := []string{"CAIRN_PASSPHRASE_FILE=" + secret}
	if r := runCairn(t, "", env, "--db", db, "encrypt"); r.code != 0 {
		t.Fatal(r.stderr)
	} else if strings.Contains(r.stderr, "can be read by other accounts") {
		t.Errorf("a 0600 passphrase file was warned about: %s", r.stderr)
	}
	if err := os.Chmod(secret, 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCairn(t, "", env, "--db", db, "journal")
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	if strings.Count(r.stderr, "can be read by other accounts") != 1 {
		t.Errorf("a 0644 passphrase file, warned about: %s", r.stderr)
	}
}
