package main

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"filippo.io/age"
	"filippo.io/age/armor"
	"github.com/charmbracelet/x/term"
	"golang.org/x/text/unicode/norm"

	"github.com/cairn-run/cairn/store"
	"github.com/cairn-run/cairn/tui/unlock"
)

// Unlocking
//
// An encrypted workbook is unlocked explicitly, every time: the app asks
// on a screen of its own (tui/unlock), a command asks on the terminal
// without echo, and a script names a file whose first line is the
// passphrase in CAIRN_PASSPHRASE_FILE. The key is derived once per process
// and kept by the store (store.Unlock); the child that checks the file is
// given the key on its standard input, never in its arguments or
// environment. The passphrase itself is kept only for as long as an
// export or backup needs it for age, and never goes into an error.

// passphraseFileEnv names a file whose first line is the passphrase (and,
// for cairn passphrase, whose second line is the new one).
const passphraseFileEnv = "CAIRN_PASSPHRASE_FILE"

// wrongDelay is the pause before a wrong passphrase is said to be wrong:
// calm for a person, slow for a guesser.
const wrongDelay = time.Second

// unlocked is the passphrase (or recovery key) that unlocked the workbook
// in this process, for age to encrypt exports and backups with.
var unlocked []byte

// unlockedByRecovery says unlocked is the recovery key, not the
// passphrase: exports and backups are then made under it, and say so.
var unlockedByRecovery bool

// ageUnder names the secret age copies are made under, for messages.
func ageUnder() string {
	if unlockedByRecovery {
		return "the workbook's recovery key (it unlocked the workbook this time; the passphrase does not open this file)"
	}
	return "the workbook's passphrase"
}

// unlockWorkbook unlocks the workbook at path if it is encrypted, asking
// for the passphrase as this process can. A plain workbook, or no file
// at all, needs nothing: opening it says what is wrong, if anything.
//
// Once unlocked, cairn's own copies beside it that are not encrypted are
// encrypted, and what was found is said on standard error (sweepCopies).
func unlockWorkbook(path string) error {
	err := unlockKey(path)
	if err == nil {
		for _, note := range sweepCopies(path) {
			fmt.Fprintln(os.Stderr, note)
		}
	}
	return err
}

// unlockKey is unlockWorkbook without the look at the copies.
func unlockKey(path string) error {
	if _, err := os.Stat(path); err != nil {
		return nil
	}
	on, err := store.Encrypted(path)
	if err != nil || !on || store.Unlocked(path) {
		return nil // the key is derived once a process
	}
	if name := os.Getenv(passphraseFileEnv); name != "" {
		lines, err := passphraseLines(name)
		if err != nil {
			return err
		}
		if err := tryUnlock(path, lines[0]); err != nil {
			if errors.Is(err, store.ErrWrongPassphrase) {
				time.Sleep(wrongDelay)
				return fmt.Errorf("the passphrase in %s does not unlock %s; nothing was read or changed", passphraseFileEnv, path)
			}
			return explain(err)
		}
		return nil
	}
	if !term.IsTerminal(os.Stdin.Fd()) {
		return fmt.Errorf("%s is encrypted, and there is no terminal to ask for its passphrase.\nRun this in a terminal, or name a file holding it (on its first line) in %s", path, passphraseFileEnv)
	}
	for try := 1; ; try++ {
		pass, err := askHidden(fmt.Sprintf("Passphrase for %s (or its recovery key): ", path))
		if err != nil {
			return err
		}
		err = tryUnlock(path, pass)
		if !errors.Is(err, store.ErrWrongPassphrase) {
			return explain(err)
		}
		time.Sleep(wrongDelay)
		if try == 3 {
			return errors.New("the workbook stays locked after three tries; nothing was read or changed")
		}
		fmt.Fprintln(os.Stderr, "That does not unlock this workbook. Take your time, and try again.")
	}
}

// tryUnlock tries pass as the passphrase, then as the recovery key.
func tryUnlock(path string, pass []byte) error {
	_, err := store.Unlock(path, pass)
	recovery := false
	if errors.Is(err, store.ErrWrongPassphrase) {
		if has, _ := store.HasRecoveryKey(path); has {
			_, err = store.UnlockWithRecovery(path, string(pass))
			recovery = true
		}
	}
	if err == nil {
		unlocked, unlockedByRecovery = bytes.Clone(pass), recovery
	}
	return err
}

// warnedPassphraseFile: the warning about a readable passphrase file was
// given.
var warnedPassphraseFile bool

// passphraseLines reads the file CAIRN_PASSPHRASE_FILE names: its lines,
// without their line ends. The first is never empty.
//
// A file other accounts on the computer can read is warned about, once a
// process: the passphrase in it opens the workbook.
func passphraseLines(name string) ([][]byte, error) {
	raw, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read the passphrase from %s: %w", passphraseFileEnv, err)
	}
	if info, err := os.Stat(name); err == nil && info.Mode().Perm()&0o077 != 0 && !warnedPassphraseFile {
		warnedPassphraseFile = true
		fmt.Fprintf(os.Stderr, "Warning: %s, which holds the passphrase, can be read by other accounts on this computer (mode %04o). Make it yours alone: chmod 600 %s\n", name, info.Mode().Perm(), shellWord(name))
	}
	var lines [][]byte
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		lines = append(lines, bytes.TrimRight(bytes.Clone(sc.Bytes()), "\r"))
	}
	if len(lines) == 0 || len(lines[0]) == 0 {
		return nil, fmt.Errorf("the first line of the file %s names is empty: it should be the passphrase", passphraseFileEnv)
	}
	return lines, nil
}

// askHidden asks on the terminal for something that must not be shown.
func askHidden(prompt string) ([]byte, error) {
	fmt.Fprint(os.Stderr, prompt)
	pass, err := term.ReadPassword(os.Stdin.Fd())
	fmt.Fprintln(os.Stderr)
	if err != nil {
		return nil, fmt.Errorf("read the passphrase: %w", err)
	}
	return pass, nil
}

// minPassphrase is the shortest passphrase cairn takes.
const minPassphrase = 8

// newPassphrase asks for a new passphrase twice, or takes it from line n
// of the file CAIRN_PASSPHRASE_FILE names.
func newPassphrase(line int) ([]byte, error) {
	var pass []byte
	if name := os.Getenv(passphraseFileEnv); name != "" {
		lines, err := passphraseLines(name)
		if err != nil {
			return nil, err
		}
		if line >= len(lines) || len(lines[line]) == 0 {
			return nil, fmt.Errorf("line %d of the file %s names should be the new passphrase, and it is empty", line+1, passphraseFileEnv)
		}
		pass = lines[line]
	} else {
		if !term.IsTerminal(os.Stdin.Fd()) {
			return nil, fmt.Errorf("there is no terminal to ask for a passphrase: name a file holding it in %s", passphraseFileEnv)
		}
		for {
			first, err := askHidden("New passphrase: ")
			if err != nil {
				return nil, err
			}
			again, err := askHidden("The same again: ")
			if err != nil {
				return nil, err
			}
			if bytes.Equal(first, again) {
				pass = first
				break
			}
			fmt.Fprintln(os.Stderr, "Those two were not the same. Once more.")
		}
	}
	if n := len([]rune(string(pass))); n < minPassphrase {
		return nil, fmt.Errorf("that passphrase is %d characters; use at least %d (a few words you will remember is best)", n, minPassphrase)
	}
	return pass, nil
}

// sendKeys writes the keys this process has unlocked to w, one a line in
// hex, for a child process (readInChild).
func sendKeys(w io.Writer) error {
	for _, k := range store.UnlockedKeys() {
		if _, err := fmt.Fprintln(w, hex.EncodeToString(k.Bytes())); err != nil {
			return err
		}
	}
	return nil
}

// receiveKeys reads what sendKeys wrote and remembers each key.
func receiveKeys(r io.Reader) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		raw, err := hex.DecodeString(strings.TrimSpace(sc.Text()))
		if err != nil {
			continue
		}
		if k, err := store.KeyFromBytes(raw); err == nil {
			store.Remember(k)
		}
	}
}

// ageWorkFactor is scrypt's cost for an age file made under the passphrase:
// 2^16 (64 MiB), close to what the workbook's own Argon2id asks, so an
// export is no easier to guess at than the workbook.
const ageWorkFactor = 16

// sealWith wraps write so that what it writes is encrypted with age under
// the passphrase that unlocked the workbook, armored (ASCII) when asked.
func sealWith(write func(io.Writer) error, armored bool) func(io.Writer) error {
	return func(w io.Writer) error {
		if len(unlocked) == 0 {
			return errors.New("the workbook is encrypted, and this cairn has no passphrase to encrypt the copy with, so nothing was written")
		}
		r, err := age.NewScryptRecipient(ageSecret(unlocked))
		if err != nil {
			return errors.New("the passphrase cannot be used for age")
		}
		r.SetWorkFactor(ageWorkFactor)
		out := w
		var a io.WriteCloser
		if armored {
			a = armor.NewWriter(w)
			out = a
		}
		enc, err := age.Encrypt(out, r)
		if err != nil {
			return err
		}
		if err := write(enc); err != nil {
			return err
		}
		if err := enc.Close(); err != nil {
			return err
		}
		if a != nil {
			return a.Close()
		}
		return nil
	}
}

// ageSecret is the passphrase as age is given it: in Unicode's composed
// form (NFC), the form the workbook's own key derivation takes it in, so
// a passphrase typed with "é" as one character or as "e" and an accent
// opens its exports as it opens the workbook.
func ageSecret(pass []byte) string { return norm.NFC.String(string(pass)) }

// ageIdentities open an age file made under pass: in its composed form,
// and as typed, for files made before cairn composed it.
func ageIdentities(pass []byte) ([]age.Identity, error) {
	var ids []age.Identity
	for i, p := range []string{ageSecret(pass), string(pass)} {
		if i == 1 && p == ageSecret(pass) {
			break
		}
		id, err := age.NewScryptIdentity(p)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// workbookEncrypted is store.Encrypted. Tests make it fail.
var workbookEncrypted = store.Encrypted

// plaintextWarning is said when --plaintext writes an encrypted
// workbook's words out in the open.
const plaintextWarning = "Warning: the workbook is encrypted, and this copy of it is not (--plaintext): anyone who can read the file can read every word. Keep it somewhere only you can reach, and delete it when you are done.\n"

// unlockApp unlocks an encrypted workbook before the app opens it: on a
// screen of its own, or from CAIRN_PASSPHRASE_FILE. ok is false when the
// runner left without unlocking it.
func unlockApp(path string) (ok bool, err error) {
	if _, err := os.Stat(path); err != nil {
		return true, nil
	}
	if on, err := store.Encrypted(path); err != nil || !on || store.Unlocked(path) {
		return true, nil // opening it says what is wrong, if anything
	}
	if os.Getenv(passphraseFileEnv) != "" {
		return true, unlockKey(path)
	}
	m := unlock.New(unlock.Options{
		Mode:   unlock.Unlock,
		Path:   path,
		Unlock: func(pass []byte) error { return tryUnlock(path, pass) },
		Wrong:  func(err error) bool { return errors.Is(err, store.ErrWrongPassphrase) },
		Pause:  wrongDelay,
	}, true)
	final, err := tea.NewProgram(m).Run()
	if err != nil {
		return false, err
	}
	done, _ := final.(unlock.Model)
	return done.Unlocked(), nil
}

// setupPassphrase gives the workbook at path a passphrase, on the screen
// the first run's welcome offers it from, and encrypts cairn's own plain
// copies of it with it.
func setupPassphrase(path string) error {
	m := unlock.New(unlock.Options{
		Mode:      unlock.Setup,
		Path:      path,
		MinLength: minPassphrase,
		Encrypt: func(pass []byte) (string, error) {
			code, err := store.Encrypt(path, pass, true)
			if err != nil {
				return "", err
			}
			unlocked, unlockedByRecovery = bytes.Clone(pass), false
			if failed := encryptCopies(path, plainCopies(path)); len(failed) > 0 {
				return code, fmt.Errorf("the workbook is encrypted, but a copy beside it is not: %s", strings.Join(failed, ", "))
			}
			return code, nil
		},
	}, true)
	_, err := tea.NewProgram(m).Run()
	return err
}

// openAgeFile decrypts raw, read from name, when it is an age file made
// under a passphrase (an encrypted workbook's export): with the
// passphrase in CAIRN_PASSPHRASE_FILE, or asked for on the terminal. Any
// other content is returned as it is.
func openAgeFile(raw []byte, name string) ([]byte, error) {
	var r io.Reader = bytes.NewReader(raw)
	switch {
	case bytes.HasPrefix(raw, []byte("age-encryption.org/")):
	case bytes.HasPrefix(raw, []byte(armor.Header)):
		r = armor.NewReader(r)
	default:
		return raw, nil
	}
	var pass []byte
	if env := os.Getenv(passphraseFileEnv); env != "" {
		lines, err := passphraseLines(env)
		if err != nil {
			return nil, err
		}
		pass = lines[0]
	} else {
		if !term.IsTerminal(os.Stdin.Fd()) {
			return nil, fmt.Errorf("%s is encrypted with age, and there is no terminal to ask for its passphrase: name a file holding it in %s", name, passphraseFileEnv)
		}
		var err error
		if pass, err = askHidden(fmt.Sprintf("Passphrase for %s: ", name)); err != nil {
			return nil, err
		}
	}
	ids, err := ageIdentities(pass)
	if err != nil {
		return nil, fmt.Errorf("that passphrase does not open %s", name)
	}
	plain, err := age.Decrypt(r, ids...)
	if err != nil {
		time.Sleep(wrongDelay)
		return nil, fmt.Errorf("that passphrase does not open %s (or it is not an age file made by cairn)", name)
	}
	return io.ReadAll(plain)
}
