package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"filippo.io/age"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/cairn-run/cairn/safefile"
	"github.com/cairn-run/cairn/store"
)

// lossWarning is said, plainly, before encryption is turned on.
const lossWarning = "Encryption keeps the workbook unreadable to anyone without its passphrase: a copy of\n" +
	"the file, a backup, an export, another account on this computer. It cannot be undone\n" +
	"by anyone, including you and including cairn's authors: if you lose both the\n" +
	"passphrase and the recovery key, every word in the workbook is lost.\n"

func encryptCmd(db *string) *cobra.Command {
	var (
		noRecovery bool
		copies     string
	)
	cmd := &cobra.Command{
		Use:   "encrypt",
		Short: "Keep the workbook encrypted under a passphrase",
		Long: "Encrypt the workbook under a passphrase you choose, asked for twice without showing\n" +
			"it (or, for a script, the first line of the file $CAIRN_PASSPHRASE_FILE names). From\n" +
			"then on cairn asks for it every time: the app on its first screen, each command on\n" +
			"the terminal. A recovery key is shown once, to print or write down: it opens the\n" +
			"workbook if the passphrase is forgotten.\n\n" +
			lossWarning + "\n" +
			"The workbook is written again as a new file that replaces the old one whole, so no\n" +
			"unencrypted page of it is left in the file. The copies cairn made itself beside it\n" +
			"(daily copies, copies from before an update, rescued pages) are plain too: cairn\n" +
			"asks whether to encrypt them or remove them (--copies encrypt or remove, for a\n" +
			"script; encrypt when not asked). Exports and backups made from then on are\n" +
			"encrypted with age.",
		Example: "  cairn encrypt\n" +
			"  CAIRN_PASSPHRASE_FILE=~/.secret cairn encrypt --copies remove",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path, err := dbPath(*db)
			if err != nil {
				return err
			}
			return runEncrypt(cmd, path, !noRecovery, copies)
		},
	}
	addDB(cmd, db)
	cmd.Flags().BoolVar(&noRecovery, "no-recovery-key", false, "make no recovery key: the passphrase alone opens the workbook")
	cmd.Flags().StringVar(&copies, "copies", "", "what to do with cairn's own plain copies: encrypt or remove (asked on a terminal)")
	return cmd
}

func runEncrypt(cmd *cobra.Command, path string, withRecovery bool, copies string) error {
	switch copies {
	case "", "encrypt", "remove":
	default:
		return fmt.Errorf("--copies %q: encrypt or remove", copies)
	}
	out := cmd.OutOrStdout()
	if _, err := os.Stat(path); err != nil {
		// No workbook yet: make an empty one to encrypt.
		st, err := store.Open(path)
		if err != nil {
			return explain(err)
		}
		st.Close()
	}
	if on, err := store.Encrypted(path); err != nil {
		return explain(err)
	} else if on {
		return fmt.Errorf("%s is already encrypted; cairn passphrase changes its passphrase", path)
	}
	fmt.Fprint(cmd.ErrOrStderr(), lossWarning)
	pass, err := newPassphrase(0)
	if err != nil {
		return err
	}
	// The copies are asked about first: a kill or ctrl+c at the question
	// must not leave them plain beside an encrypted workbook.
	found, how, err := askCopies(cmd, path, copies)
	if err != nil {
		return err
	}
	code, err := store.Encrypt(path, pass, withRecovery)
	if err != nil {
		return encryptError(path, err)
	}
	unlocked, unlockedByRecovery = pass, false
	fmt.Fprintf(out, "%s is encrypted. It was written again as a new file, which replaced the old one whole.\n", path)
	if code != "" {
		fmt.Fprintf(out, "\nYour recovery key, shown this once:\n\n    %s\n\n"+
			"Print it or write it down, and keep it away from this computer. Typed where the\n"+
			"passphrase is asked for, it opens the workbook.\n", code)
	}
	return sealCopies(cmd, path, found, how)
}

// encryptError explains a failed rewrite.
func encryptError(path string, err error) error {
	if errors.Is(err, store.ErrLocked) {
		return fmt.Errorf("%w.\nQuit cairn there first: the workbook is written again as a whole. Nothing was changed", err)
	}
	return fmt.Errorf("%w.\nThe workbook was left as it was", explain(err))
}

// plainCopies lists the copies cairn made of the workbook at path that
// are not encrypted: its backups beside it, and rescued pages.
func plainCopies(path string) []string {
	var out []string
	for _, b := range store.Backups(path) {
		if on, err := store.Encrypted(b.Path); err == nil && !on {
			out = append(out, b.Path)
		}
	}
	for _, ext := range []string{".md", ".json"} {
		found, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "cairn-rescued-*"+ext))
		out = append(out, found...)
	}
	return out
}

// askCopies lists cairn's own plain copies of the workbook at path and
// asks, before the workbook is encrypted, whether to encrypt or remove
// them afterwards (how, when given, answers for the runner; encrypt when
// no one can be asked). A kill or ctrl+c at the question leaves the
// workbook plain, so plain copies beside it are nothing new; copies a
// kill after the rewrite leaves plain are found at the next unlock
// (sweepCopies).
func askCopies(cmd *cobra.Command, path, how string) (found []string, _ string, err error) {
	found = plainCopies(path)
	if len(found) == 0 {
		return nil, how, nil
	}
	out := cmd.OutOrStdout()
	fmt.Fprintf(out, "cairn made %s of this workbook beside it, not encrypted:\n", count(len(found), "copy", "copies"))
	for _, f := range found {
		fmt.Fprintf(out, "  %s\n", f)
	}
	if how == "" {
		if how, err = askCopiesHow(out); err != nil {
			return nil, "", err
		}
	}
	return found, how, nil
}

// askCopiesHow asks on the terminal whether to encrypt or remove the
// copies: "encrypt" without a terminal to ask on, or with the passphrase
// in a file (a script). Tests replace it.
var askCopiesHow = func(out io.Writer) (string, error) {
	if !term.IsTerminal(os.Stdin.Fd()) || os.Getenv(passphraseFileEnv) != "" {
		return "encrypt", nil
	}
	fmt.Fprint(out, "Once the workbook is encrypted, encrypt them too, or remove them? [E/r] ")
	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", errors.New("no answer about the copies: nothing was encrypted")
	}
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(line)), "r") {
		return "remove", nil
	}
	return "encrypt", nil
}

// sealCopies encrypts or removes, as how says, the plain copies askCopies
// found, once the workbook at path is encrypted and unlocked.
func sealCopies(cmd *cobra.Command, path string, found []string, how string) error {
	if len(found) == 0 {
		return nil
	}
	var failed []string
	if how == "remove" {
		for _, f := range found {
			if err := os.Remove(f); err != nil {
				failed = append(failed, fmt.Sprintf("%s (%v)", f, err))
			}
		}
	} else {
		failed = encryptCopies(path, found)
	}
	if len(failed) > 0 {
		return fmt.Errorf("these copies are still not encrypted: %s; remove them yourself once you have what you need from them", strings.Join(failed, ", "))
	}
	if how == "remove" {
		fmt.Fprintln(cmd.OutOrStdout(), "Removed the copies.")
	} else {
		fmt.Fprintln(cmd.OutOrStdout(), "Encrypted the copies too: the same passphrase opens them.")
	}
	return nil
}

// encryptCopies encrypts plain copies of the encrypted, unlocked workbook
// at path: copies of the workbook with its own key, pages with age. It
// returns those it could not, with why.
func encryptCopies(path string, found []string) (failed []string) {
	for _, f := range found {
		var err error
		if strings.HasSuffix(f, ".md") || strings.HasSuffix(f, ".json") {
			err = ageFile(f)
		} else {
			err = store.EncryptCopy(path, f)
		}
		if err != nil {
			failed = append(failed, fmt.Sprintf("%s (%v)", f, err))
		}
	}
	return failed
}

// leftoverAge is how old a half-written file must be before it is taken
// for a leftover of a cairn that was stopped, rather than one being
// written now by another.
const leftoverAge = 2 * time.Minute

// sweepCopies looks beside the encrypted, unlocked workbook at path for
// what is not encrypted: cairn's own copies left plain (by a kill or
// ctrl+c between encrypting the workbook and its copies), which it
// encrypts, and half-written files a stopped cairn left (a daily copy's
// .cairn.db.daily-*.bak.tmp-*, a pre-update copy's .cairn.db.backup-*, a
// rewrite's .cairn.db.rewrite-*, a page's .*.tmp-*), which it removes
// unless they are encrypted. A plain copy made with cairn backup
// --plaintext was asked for: it is named, not touched. It returns what to
// tell the runner, nothing when all is well.
func sweepCopies(path string) (notes []string) {
	if on, err := store.Encrypted(path); err != nil || !on || !store.Unlocked(path) {
		return nil
	}
	var own, asked []string
	for _, f := range plainCopies(path) {
		if strings.Contains(filepath.Base(f), ".backup-") && strings.HasSuffix(f, ".bak") {
			asked = append(asked, f)
		} else {
			own = append(own, f)
		}
	}
	if len(own) > 0 {
		failed := encryptCopies(path, own)
		if len(failed) < len(own) {
			notes = append(notes, fmt.Sprintf("%s of the workbook beside it %s not encrypted; %s now.",
				count(len(own)-len(failed), "copy", "copies"), map[bool]string{true: "was", false: "were"}[len(own)-len(failed) == 1], map[bool]string{true: "it is encrypted", false: "they are encrypted"}[len(own)-len(failed) == 1]))
		}
		if len(failed) > 0 {
			notes = append(notes, "Not encrypted, and could not be: "+strings.Join(failed, ", ")+". Anyone who can read them can read the workbook as it was: remove them once you have what you need.")
		}
	}
	if len(asked) > 0 {
		notes = append(notes, "Not encrypted (made with cairn backup --plaintext, or before encryption): "+strings.Join(asked, ", ")+". Anyone who can read them can read the workbook: remove them when you are done.")
	}
	dir, base := filepath.Dir(path), filepath.Base(path)
	entries, _ := os.ReadDir(dir)
	var stuck []string
	for _, e := range entries {
		name := e.Name()
		half := strings.HasPrefix(name, "."+base+".") && (strings.Contains(name, ".tmp-") || strings.Contains(name, ".rewrite-") ||
			strings.Contains(name, ".backup-") || strings.Contains(name, ".new-"))
		half = half || strings.HasPrefix(name, ".cairn-rescued-") && strings.Contains(name, ".tmp-")
		if !half || !e.Type().IsRegular() {
			continue
		}
		f := filepath.Join(dir, name)
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < leftoverAge {
			continue
		}
		if on, err := store.Encrypted(f); err == nil && on {
			continue
		}
		if err := os.Remove(f); err != nil {
			stuck = append(stuck, f)
		}
	}
	if len(stuck) > 0 {
		notes = append(notes, "Half-written copies a stopped cairn left, not encrypted, could not be removed: "+strings.Join(stuck, ", ")+". Remove them yourself.")
	}
	return notes
}

// ageFile replaces a plain file with an age file beside it, under the
// passphrase that unlocked the workbook.
func ageFile(name string) error {
	in, err := os.Open(name)
	if err != nil {
		return err
	}
	defer in.Close()
	err = safefile.Write(name+".age", sealWith(func(w io.Writer) error { _, err := io.Copy(w, in); return err }, false))
	if err != nil {
		return err
	}
	return os.Remove(name)
}

func decryptCmd(db *string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "decrypt",
		Short: "Keep the workbook without encryption again",
		Long: "Write the encrypted workbook back as a plain one, after asking for its passphrase (or\n" +
			"its recovery key). The workbook is written again as a new file that replaces the\n" +
			"old one whole. Copies made while it was encrypted stay encrypted, and still open\n" +
			"with the passphrase they were made under.",
		Example: "  cairn decrypt",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path, err := unlockEncrypted(*db, "")
			if err != nil {
				return err
			}
			if err := store.Decrypt(path); err != nil {
				return encryptError(path, err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s is no longer encrypted: anyone who can read the file can read it. It was written again as a new file, which replaced the old one whole.\n", path)
			return nil
		},
	}
	addDB(cmd, db)
	return cmd
}

func passphraseCmd(db *string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "passphrase",
		Short: "Change the encrypted workbook's passphrase",
		Long: "Change the passphrase of an encrypted workbook: the current one (or the recovery key)\n" +
			"first, then the new one twice. For a script, the file $CAIRN_PASSPHRASE_FILE names holds\n" +
			"the current passphrase on its first line and the new one on its second.\n\n" +
			"The key the workbook is encrypted with changes too: every record is encrypted again\n" +
			"under a new one, and the workbook is written again as a new file that replaces the\n" +
			"old one whole. So the old passphrase does not open the workbook as it is now, even\n" +
			"through a copy of the file made before the change. A workbook with a recovery key\n" +
			"gets a new one, shown once: the old recovery key no longer opens it. cairn's own\n" +
			"copies beside it (daily copies, copies from before an update, cairn backup's .age\n" +
			"copies) are encrypted again under the new passphrase. A copy kept anywhere else\n" +
			"(cairn backup PATH, a sync service's history) still opens with the old passphrase,\n" +
			"and shows the workbook as it was when the copy was made: delete those you no longer\n" +
			"need.",
		Example: "  cairn passphrase",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path, err := unlockEncrypted(*db, ": cairn encrypt gives it a passphrase")
			if err != nil {
				return err
			}
			pass, err := newPassphrase(1)
			if err != nil {
				return err
			}
			old := unlocked
			code, err := store.ChangePassphrase(path, pass)
			if err != nil {
				return encryptError(path, err)
			}
			unlocked, unlockedByRecovery = pass, false
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "The passphrase of %s is changed, and so is the key it is encrypted with: the old passphrase no longer opens it, not even through a copy of the file made before now.\n", path)
			if code != "" {
				fmt.Fprintf(out, "\nThe old recovery key no longer opens it either. Its new recovery key, shown this once:\n\n    %s\n\n"+
					"Print it or write it down, and keep it away from this computer.\n", code)
			}
			var failed []string
			for _, b := range store.Backups(path) {
				if err := store.EncryptCopy(path, b.Path); err != nil {
					failed = append(failed, b.Path)
				}
			}
			for _, f := range ageCopies(path) {
				if err := reAge(path, f, old); err != nil {
					failed = append(failed, f)
				}
			}
			fmt.Fprintln(out, "\nCopies kept anywhere else (cairn backup PATH, a sync service's history) still open with the old passphrase, as the workbook was when they were made: delete those you no longer need.")
			if len(failed) > 0 {
				return fmt.Errorf("these copies beside it still open with the old passphrase (or one from before it), as the workbook was when they were made: %s; delete them once you have what you need from them", strings.Join(failed, ", "))
			}
			return nil
		},
	}
	addDB(cmd, db)
	return cmd
}

// ageCopies lists the age files cairn made beside the workbook at path:
// cairn backup's copies (cairn.db.backup-DATE-TIME.bak.age) and the
// rescued pages encrypt sealed (cairn-rescued-*.md.age, .json.age).
func ageCopies(path string) []string {
	var out []string
	dir, base := filepath.Dir(path), filepath.Base(path)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		name := e.Name()
		switch {
		case !e.Type().IsRegular() || !strings.HasSuffix(name, ".age"):
		case strings.HasPrefix(name, base+".") && strings.HasSuffix(name, ".bak.age"),
			strings.HasPrefix(name, "cairn-rescued-"):
			out = append(out, filepath.Join(dir, name))
		}
	}
	return out
}

// reAge encrypts the age file f, made under the secret old, again under
// the passphrase that now unlocks the workbook at path, in place, whole
// or not at all. A copy of the workbook inside it is first sealed again
// with the workbook's new key (store.EncryptCopy), in a hidden file
// beside it that holds only sealed records; any other content goes from
// age to age in memory, never to disk in the clear.
func reAge(path, f string, old []byte) error {
	open := func() (io.Reader, func() error, error) {
		in, err := os.Open(f)
		if err != nil {
			return nil, nil, err
		}
		ids, err := ageIdentities(old)
		if err != nil {
			in.Close()
			return nil, nil, err
		}
		r, err := age.Decrypt(in, ids...)
		if err != nil {
			in.Close()
			return nil, nil, err
		}
		return r, in.Close, nil
	}
	r, done, err := open()
	if err != nil {
		return err
	}
	defer done()
	if !strings.HasSuffix(f, ".bak.age") {
		return safefile.Write(f, sealWith(func(w io.Writer) error { _, err := io.Copy(w, r); return err }, false))
	}
	tmp, err := os.CreateTemp(filepath.Dir(f), "."+filepath.Base(f)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, err = io.Copy(tmp, r)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if on, err := store.Encrypted(tmp.Name()); err != nil || !on {
		return fmt.Errorf("%s does not hold an encrypted workbook", f)
	}
	if err := store.EncryptCopy(path, tmp.Name()); err != nil {
		return err
	}
	sealed, err := os.Open(tmp.Name())
	if err != nil {
		return err
	}
	defer sealed.Close()
	return safefile.Write(f, sealWith(func(w io.Writer) error { _, err := io.Copy(w, sealed); return err }, false))
}

// unlockEncrypted finds the workbook db names, refuses it unless it is
// encrypted (saying so, then notOn), and unlocks it.
func unlockEncrypted(db, notOn string) (string, error) {
	path, err := dbPath(db)
	if err != nil {
		return "", err
	}
	if on, err := store.Encrypted(path); err != nil {
		return "", explain(err)
	} else if !on {
		return "", fmt.Errorf("%s is not encrypted%s", path, notOn)
	}
	return path, unlockWorkbook(path)
}
