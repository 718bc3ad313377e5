package main

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"filippo.io/age"
	"filippo.io/age/armor"
)

// TestEncryptedWorkbookThroughTheBinary turns encryption on, uses the
// workbook through every kind of command, changes the passphrase and
// turns it off again, all through the real binary as a script would, with
// the passphrases in CAIRN_PASSPHRASE_FILE. The canary written into the
// workbook is then found nowhere in plain text in the data folder or the
// temporary folder, and no passphrase is ever printed.
func TestEncryptedWorkbookThroughTheBinary(t *testing.T) {
	const (
		canary = "quokkacanary4471"
		first  = "river stones at dawn"
		second = "a long slow hill in fog"
	)
	data, tmp, out, secrets := t.TempDir(), t.TempDir(), t.TempDir(), t.TempDir()
	db := filepath.Join(data, "cairn.db")
	pass := func(lines ...string) string {
		f := filepath.Join(secrets, "pass")
		if err := os.WriteFile(f, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		return "CAIRN_PASSPHRASE_FILE=" + f
	}
	run := func(env string, args ...string) result {
		t.Helper()
		r := runCairn(t, "", []string{env, "TMPDIR=" + tmp}, append([]string{"--db", db}, args...)...)
		for _, secret := range []string{first, second} {
			if strings.Contains(r.stdout+r.stderr, secret) {
				t.Errorf("cairn %v printed a passphrase", args)
			}
		}
		return r
	}
	must := func(env string, args ...string) result {
		t.Helper()
		r := run(env, args...)
		if r.code != 0 {
			t.Fatalf("cairn %v: exit %d\n%s%s", args, r.code, r.stdout, r.stderr)
		}
		return r
	}

	must("", "log", "5km", "30m", "--note", "before "+canary)
	must("", "backup") // a plain copy cairn made, beside the workbook

	r := must(pass(first), "encrypt")
	if !strings.Contains(r.stderr, "every word in the workbook is lost") {
		t.Errorf("encrypt did not say what losing the passphrase means:\n%s", r.stderr)
	}
	code := regexp.MustCompile(`[A-Z2-7]{4}(-[A-Z2-7]{4}){7}`).FindString(r.stdout)
	if code == "" || !strings.Contains(r.stdout, "Encrypted the copies too") {
		t.Fatalf("encrypt printed no recovery key, or left the copy:\n%s", r.stdout)
	}

	// Locked: a script without the passphrase, and a wrong passphrase,
	// read nothing and say so calmly.
	if r := run("", "journal"); r.code == 0 || !strings.Contains(r.stderr, "encrypted") || strings.Contains(r.stdout, canary) {
		t.Errorf("journal without a passphrase: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := run(pass("not it at all"), "journal"); r.code == 0 || !strings.Contains(r.stderr, "does not unlock") {
		t.Errorf("journal with a wrong passphrase: exit %d\n%s", r.code, r.stderr)
	}

	must(pass(first), "log", "3km", "20m", "--note", "after "+canary)
	if r := must(pass(first), "journal", "-n", "5"); strings.Count(r.stdout, canary) != 2 {
		t.Errorf("journal of the encrypted workbook:\n%s", r.stdout)
	}
	must(pass(code), "journal", "-n", "1") // the recovery key opens it too
	if r := must(pass(first), "check"); !strings.Contains(r.stdout, "Healthy") {
		t.Errorf("check: %s", r.stdout)
	}

	// Exports and backups go out in age, under the passphrase.
	must(pass(first), "export", "--format", "json", "-o", filepath.Join(out, "all.json"))
	if got := ageOpen(t, filepath.Join(out, "all.json.age"), first); !bytes.Contains(got, []byte(canary)) {
		t.Error("the age export does not hold the journal")
	}
	r = must(pass(first), "export", "--format", "md")
	if !strings.HasPrefix(r.stdout, "-----BEGIN AGE ENCRYPTED FILE-----") || strings.Contains(r.stdout, canary) {
		t.Errorf("export to standard output is not armored age:\n%.200s", r.stdout)
	}
	if got := ageRead(t, armor.NewReader(strings.NewReader(r.stdout)), first); !bytes.Contains(got, []byte("Journal")) {
		t.Errorf("the armored export reads back as %q", got)
	}
	must(pass(first), "backup", filepath.Join(out, "copy.db"))
	if got := ageOpen(t, filepath.Join(out, "copy.db.age"), first); len(got) < 4096 || !bytes.HasPrefix(got[16:], []byte{0xed, 0xda, 0x0c, 0xed}) {
		t.Errorf("the age backup is not a workbook (%d bytes)", len(got))
	}
	r = must(pass(first), "export", "--format", "md", "--plaintext", "-o", filepath.Join(out, "plain.md"))
	if !strings.Contains(r.stderr, "Warning") {
		t.Errorf("--plaintext gave no warning: %s", r.stderr)
	}

	// The age export imports back, opened with the passphrase.
	if r := must(pass(first), "import", filepath.Join(out, "all.json.age")); !strings.Contains(r.stdout, "skipped 2 records already the same") {
		t.Errorf("import of the age export: %s", r.stdout)
	}

	// A new passphrase, and a new data key: the old passphrase no longer
	// opens it, not even through a copy made before the change; the old
	// recovery key no longer opens it, the new one shown does; cairn's own
	// age copy beside it opens with the new passphrase only.
	must(pass(first), "backup")
	ageBeside, _ := filepath.Glob(filepath.Join(data, "cairn.db.backup-*.bak.age"))
	if len(ageBeside) != 1 {
		t.Fatalf("the age copy beside the workbook: %v", ageBeside)
	}
	r = must(pass(first, second), "passphrase")
	newCode := regexp.MustCompile(`[A-Z2-7]{4}(-[A-Z2-7]{4}){7}`).FindString(r.stdout)
	if newCode == "" || newCode == code || !strings.Contains(r.stdout, "old recovery key no longer opens it") {
		t.Errorf("passphrase showed no new recovery key:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "still open with the old passphrase") {
		t.Errorf("passphrase did not say what copies made elsewhere still open:\n%s", r.stdout)
	}
	if r := run(pass(first), "journal"); r.code == 0 {
		t.Error("the old passphrase still opens the workbook")
	}
	if r := run(pass(code), "journal"); r.code == 0 {
		t.Error("the old recovery key still opens the workbook")
	}
	must(pass(newCode), "journal", "-n", "1")
	must(pass(second), "journal")
	if got := ageOpen(t, ageBeside[0], second); len(got) < 4096 {
		t.Errorf("the age copy beside the workbook, under the new passphrase: %d bytes", len(got))
	} else {
		// Inside, a workbook the new passphrase opens.
		inner := filepath.Join(out, "inner.db")
		if err := os.WriteFile(inner, got, 0o600); err != nil {
			t.Fatal(err)
		}
		if r := runCairn(t, "", []string{pass(second), "TMPDIR=" + tmp}, "--db", inner, "journal"); r.code != 0 || !strings.Contains(r.stdout, canary) {
			t.Errorf("the workbook inside the age copy, with the new passphrase: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
	}
	if f, err := os.Open(ageBeside[0]); err == nil {
		id, _ := age.NewScryptIdentity(first)
		if _, err := age.Decrypt(f, id); err == nil {
			t.Error("the age copy beside the workbook still opens with the old passphrase")
		}
		f.Close()
	}

	// Nothing the runner wrote is in plain text in the data folder (the
	// workbook, its lock, its copies) or the temporary folder.
	for _, dir := range []string{data, tmp} {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			raw, _ := os.ReadFile(p)
			if bytes.Contains(raw, []byte(canary)) {
				t.Errorf("%s holds the canary in plain text", p)
			}
			return nil
		})
	}

	// And off again.
	must(pass(second), "decrypt")
	if r := must("", "journal"); strings.Count(r.stdout, canary) != 2 {
		t.Errorf("journal after decrypt:\n%s", r.stdout)
	}
}

// ageOpen decrypts the age file at name as the stock age tool would.
func ageOpen(t *testing.T, name, passphrase string) []byte {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return ageRead(t, f, passphrase)
}

func ageRead(t *testing.T, r io.Reader, passphrase string) []byte {
	t.Helper()
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := age.Decrypt(r, id)
	if err != nil {
		t.Fatalf("age -d: %v", err)
	}
	got, err := io.ReadAll(plain)
	if err != nil {
		t.Fatal(err)
	}
	return got
}
