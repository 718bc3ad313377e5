package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/cairn-run/cairn/store"
)

// TestCopiesAreAskedAboutBeforeTheWorkbookIsEncrypted: the question about
// cairn's own plain copies comes while the workbook is still plain, so a
// kill or ctrl+c at it leaves nothing plain beside an encrypted workbook.
func TestCopiesAreAskedAboutBeforeTheWorkbookIsEncrypted(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cairn.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.DailyBackup(); err != nil {
		t.Fatal(err)
	}
	st.Close()
	secret := filepath.Join(t.TempDir(), "pass")
	if err := os.WriteFile(secret, []byte("stones by the river\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv(passphraseFileEnv, secret)
	asked, encryptedWhenAsked := false, true
	defer func(f func(io.Writer) (string, error)) { askCopiesHow = f }(askCopiesHow)
	askCopiesHow = func(io.Writer) (string, error) {
		asked = true
		encryptedWhenAsked, _ = store.Encrypted(db)
		return "encrypt", nil
	}
	cmd := &cobra.Command{}
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(io.Discard)
	if err := runEncrypt(cmd, db, false, ""); err != nil {
		t.Fatal(err)
	}
	if !asked || encryptedWhenAsked {
		t.Errorf("asked about the copies: %v, with the workbook already encrypted: %v", asked, encryptedWhenAsked)
	}
	for _, b := range store.Backups(db) {
		if on, err := store.Encrypted(b.Path); err != nil || !on {
			t.Errorf("%s after encrypt: encrypted %v, %v", b.Path, on, err)
		}
	}
}

// TestPlainCopiesAreFoundAtUnlock: copies left plain beside an encrypted
// workbook (encrypt killed after the rewrite, or at the old question; a
// stopped daily copy, pre-update copy or rewrite) are encrypted or
// removed the next time it is unlocked, and a plain copy the runner asked
// for is named, never touched.
func TestPlainCopiesAreFoundAtUnlock(t *testing.T) {
	const canary = "wombatcanary8812"
	data, secrets := t.TempDir(), t.TempDir()
	db := filepath.Join(data, "cairn.db")
	pass := filepath.Join(secrets, "pass")
	if err := os.WriteFile(pass, []byte("stones by the river\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := []string{"CAIRN_PASSPHRASE_FILE=" + pass}
	if r := runCairn(t, "", nil, "--db", db, "log", "5km", "30m", "--note", canary); r.code != 0 {
		t.Fatalf("log: %s", r.stderr)
	}
	plain, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if r := runCairn(t, "", env, "--db", db, "encrypt"); r.code != 0 {
		t.Fatalf("encrypt: %s", r.stderr)
	}
	daily := db + ".daily-2026-01-01.bak"
	asked := db + ".backup-2026-01-01-101010.bak"
	leftovers := []string{
		filepath.Join(data, ".cairn.db.daily-2026-01-02.bak.tmp-123"),
		filepath.Join(data, ".cairn.db.backup-456"),
		filepath.Join(data, ".cairn.db.rewrite-789"),
	}
	old := time.Now().Add(-time.Hour)
	for _, f := range append([]string{daily, asked}, leftovers...) {
		if err := os.WriteFile(f, plain, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(f, old, old); err != nil {
			t.Fatal(err)
		}
	}
	r := runCairn(t, "", env, "--db", db, "journal")
	if r.code != 0 || !strings.Contains(r.stdout, canary) {
		t.Fatalf("journal: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, "not encrypted; it is encrypted now") || !strings.Contains(r.stderr, asked) {
		t.Errorf("unlock did not say what it found:\n%s", r.stderr)
	}
	if on, err := store.Encrypted(daily); err != nil || !on {
		t.Errorf("the plain daily copy after unlock: encrypted %v, %v", on, err)
	}
	for _, f := range leftovers {
		if _, err := os.Stat(f); !os.IsNotExist(err) {
			t.Errorf("%s is still there: %v", f, err)
		}
	}
	filepath.WalkDir(data, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == asked {
			return err
		}
		if raw, _ := os.ReadFile(p); bytes.Contains(raw, []byte(canary)) {
			t.Errorf("%s holds the canary in plain text", p)
		}
		return nil
	})
	if raw, _ := os.ReadFile(asked); !bytes.Equal(raw, plain) {
		t.Error("the copy the runner asked for was changed")
	}
}
