package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"filippo.io/age"

	"github.com/spf13/cobra"

	"github.com/cairn-run/cairn/safefile"
	"github.com/cairn-run/cairn/store"
)

func backupCmd(db *string) *cobra.Command {
	var asJSON, plaintext bool
	cmd := &cobra.Command{
		Use:   "backup [PATH]",
		Short: "Copy the workbook, whole, even while cairn has it open",
		Long: "Copy the workbook to PATH (a file, or a folder to put the copy in), or beside the\n" +
			"workbook as cairn.db.backup-DATE-TIME.bak when no PATH is given. The copy is the\n" +
			"workbook as it stands at one moment, never a mix of before and after a save, so it\n" +
			"can be made while cairn has the workbook open. It is written whole or not at all,\n" +
			"readable only by you, and checked (cairn check) once written.\n\n" +
			"cairn also keeps copies by itself, beside the workbook: one a day when the app\n" +
			"starts (the last 7 days), and one before any update of the file's layout. A copy is\n" +
			"an ordinary workbook: open it with cairn --db FILE, or put it in the workbook's place.\n\n" +
			"When the workbook is encrypted, the copy is written inside age, under the\n" +
			"workbook's passphrase, as FILE.age: age -d FILE.age > FILE gives the workbook back,\n" +
			"still encrypted. --plaintext writes a copy that is not encrypted at all instead.",
		Example: "  cairn backup\n" +
			"  cairn backup ~/Dropbox/cairn-copy.db\n" +
			"  cairn backup /media/usb/\n" +
			"  cairn backup --json | jq -r .path",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path, err := dbPath(*db)
			if err != nil {
				return err
			}
			st, err := openForReading(*db)
			if err != nil {
				return err
			}
			dest := st.DefaultBackup()
			if len(args) == 1 {
				dest = args[0]
			}
			encrypted, err := store.Encrypted(path)
			if err != nil {
				st.Close()
				return explain(err)
			}
			if encrypted && !plaintext {
				defer st.Close()
				return ageBackup(cmd, st, dest, asJSON)
			}
			if !encrypted && plaintext {
				st.Close()
				return errors.New("--plaintext is for an encrypted workbook, and this one is not encrypted: its copies are plain already")
			}
			written, err := st.Backup(dest)
			st.Close()
			if err != nil {
				return explain(err)
			}
			if encrypted {
				fmt.Fprint(cmd.ErrOrStderr(), plaintextWarning)
				if err := store.DecryptCopy(written); err != nil {
					os.Remove(written)
					return explain(err)
				}
			}
			r, _, err := readInChild(written, "check")
			healthy := err == nil && r.Healthy()
			size := int64(0)
			if info, err := os.Stat(written); err == nil {
				size = info.Size()
			}
			if asJSON {
				out := struct {
					Path     string       `json:"path"`
					Bytes    int64        `json:"bytes"`
					Healthy  bool         `json:"healthy"`
					Readable store.Counts `json:"readable"`
				}{written, size, healthy, r.Readable}
				if err := json.NewEncoder(cmd.OutOrStdout()).Encode(out); err != nil {
					return err
				}
			} else if healthy {
				fmt.Fprintf(cmd.OutOrStdout(), "Copied %s to %s (%d KB): %s, and the copy passes cairn check.\n",
					path, written, (size+1023)/1024, readableWords(r.Readable))
			}
			if !healthy {
				return exitWith(exitDamaged, fmt.Errorf("the copy at %s does not pass cairn check, so the workbook itself may be damaged; cairn check says what is wrong", written))
			}
			return nil
		},
	}
	addDB(cmd, db)
	addJSON(cmd, &asJSON, "print where the copy went, and what it holds, as JSON")
	cmd.Flags().BoolVar(&plaintext, "plaintext", false, "copy an encrypted workbook without any encryption (you are warned)")
	return cmd
}

// ageBackup writes an encrypted workbook's copy inside age, under its
// passphrase, to dest (or into it, when it is a folder) with ".age" added,
// and reads it back through age to prove it whole before saying so.
func ageBackup(cmd *cobra.Command, st *store.Store, dest string, asJSON bool) error {
	if info, err := os.Stat(dest); err == nil && info.IsDir() {
		dest = filepath.Join(dest, filepath.Base(st.DefaultBackup()))
	}
	if !strings.HasSuffix(dest, ".age") {
		dest += ".age"
	}
	path := st.Path()
	for _, own := range []string{path, store.LockPath(path)} {
		if a, err := os.Stat(own); err == nil {
			if b, err := os.Stat(dest); err == nil && os.SameFile(a, b) {
				return fmt.Errorf("%s is the workbook's own file; choose another place for the copy", dest)
			}
		}
	}
	sum := sha256.New()
	write := sealWith(func(w io.Writer) error { return st.WriteCopy(io.MultiWriter(w, sum)) }, false)
	if err := safefile.Write(dest, write); err != nil {
		return explain(err)
	}
	st.Close()
	// Read back: what age gives back must be what was written.
	f, err := os.Open(dest)
	if err != nil {
		return err
	}
	defer f.Close()
	id, err := age.NewScryptIdentity(ageSecret(unlocked))
	if err != nil {
		return err
	}
	r, err := age.Decrypt(f, id)
	if err != nil {
		return fmt.Errorf("the copy at %s does not open with age: %w", dest, err)
	}
	back := sha256.New()
	if _, err := io.Copy(back, r); err != nil {
		return fmt.Errorf("the copy at %s does not read back whole: %w", dest, err)
	}
	if !bytes.Equal(back.Sum(nil), sum.Sum(nil)) {
		return exitWith(exitDamaged, fmt.Errorf("the copy at %s does not read back as it was written; make another", dest))
	}
	size := int64(0)
	if info, err := os.Stat(dest); err == nil {
		size = info.Size()
	}
	if asJSON {
		out := struct {
			Path      string `json:"path"`
			Bytes     int64  `json:"bytes"`
			Encrypted bool   `json:"encrypted"`
		}{dest, size, true}
		return json.NewEncoder(cmd.OutOrStdout()).Encode(out)
	}
	fmt.Fprintf(cmd.OutOrStdout(), "Copied %s to %s (%d KB), encrypted with age under %s, and read back whole.\n"+
		"To restore it: age -d -o %s %s, then cairn --db %s.\n",
		path, dest, (size+1023)/1024, ageUnder(), shellWord(strings.TrimSuffix(dest, ".age")), shellWord(dest), shellWord(strings.TrimSuffix(dest, ".age")))
	return nil
}
